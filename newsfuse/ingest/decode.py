"""Turn raw bytes into text, or into a reason why they are not text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# A text file with more than this share of control bytes is binary (images, archives, executables).
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = {9, 10, 12, 13}
_LEGACY_DEFAULT = "cp1252"
# Byte-order marks, longest first (UTF-32-LE's BOM begins with UTF-16-LE's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# BOM-less UTF-16: in text mostly in Latin script, one byte of each pair is NUL. A share this high in one
# position, and next to none in the other, is not a binary format's padding (set by that reasoning, not tuned).
_UTF16_NUL_SHARE = 0.4
# Single-byte code pages for Latin-script languages. Short texts fit several of them equally well and
# detectors rank them differently from one version to the next, so the choice among them is made here,
# by the language of the text and the letters its alphabet has.
_LATIN_CODE_PAGES = ("cp1252", "cp1250", "iso8859_2", "iso8859_15", "cp1257")
_LATIN_FAMILY = frozenset(_LATIN_CODE_PAGES) | {
    "latin_1", "iso8859_1", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
    "iso8859_16", "cp1254", "cp1258", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp437", "cp775",
    "cp850", "cp852", "cp857", "cp858", "cp860", "cp861", "cp863", "cp865"}
# C0 controls other than tab, line feed, form feed and carriage return, and the C1 controls: not in text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Enough text to see which accented letters a language uses; the rest of a long file says the same.
_FIT_SAMPLE_CHARS = 100_000
# Share of a text's accented letters its language's alphabet must have for a Latin code page to be trusted
# over a detector's guess of another script (mojibake of Cyrillic read as windows-1252 scores far lower).
# Set by that reasoning, not tuned; measured once afterwards on the TAC 2011 documents written in seven
# (language, code page) pairs: 4 of 567 decoded wrong (all Greek), against 125 with the detector's ranking.
_LATIN_FIT = 0.9
# The letters beyond ASCII each language writes (lower case).
_ALPHABETS = {
    "en": "éèêëïöüçñàâôûæœ",  # names and loanwords: "café", "naïve", "Brontë"
    "fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "pt": "áâãàçéêíóôõú", "it": "àèéìíîòóùú",
    "nl": "éëïöüè", "ca": "àçèéíïòóúü", "sv": "åäöé", "fi": "åäöšž", "da": "æøåé", "no": "æøåé",
    "nb": "æøåé", "nn": "æøåé", "is": "áðéíóúýþæö", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż", "hu": "áéíóöőúüű", "hr": "čćđšž", "bs": "čćđšž", "sl": "čšž", "sr": "čćđšž",
    "ro": "ăâîșțşţ", "et": "äöõüšž", "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž", "sq": "çë", "tr": "çğıöşüâî",
}


@dataclass(frozen=True)
class Decoded:
    text: str | None
    reason: str | None = None  # why text is None, or a caveat about how it was decoded
    fatal: bool = False


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE


def decode_bytes(data: bytes) -> Decoded:
    """UTF-8 first, or UTF-16/32 by their byte-order mark (or plain UTF-16's NUL pattern); otherwise a
    legacy encoding, reported as a caveat."""
    if not data.strip():
        return Decoded(None, "empty input", fatal=True)
    wide = _decode_wide(data)
    if wide is not None:
        return wide
    if looks_binary(data):
        return Decoded(None, "binary data, not text", fatal=True)
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        position = error.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    latin = _latin_code_page(data)
    # A Latin code page whose accented letters are the text's language's own is the answer, whatever a
    # detector ranks first (curly quotes alone can pass for Big5 or a DOS code page); otherwise the detector.
    if latin is not None and (latin.fit >= _LATIN_FIT or best is None or best.encoding in _LATIN_FAMILY):
        return Decoded(latin.text, f"invalid UTF-8 at byte {position}; decoded as {latin.encoding}")
    if best is None:
        return Decoded(None, f"invalid UTF-8 at byte {position} and no other encoding fits", fatal=True)
    return Decoded(str(best), f"invalid UTF-8 at byte {position}; decoded as {best.encoding}")


def _decode_wide(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 text, found by its byte-order mark or, for UTF-16 without one, by its NUL bytes."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    caveat = None
    if encoding is None:
        encoding = _bomless_utf16(data)
        if encoding is None:
            return None
        caveat = f"no byte-order mark; decoded as {encoding.upper()} by its NUL bytes"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return Decoded(None, f"invalid {encoding.upper()} at byte {error.start}", fatal=True)
    text = text.lstrip("\ufeff")
    if not text.strip():
        return Decoded(None, "empty input", fatal=True)
    if looks_binary(text[:8192].encode("utf-8", errors="replace")):
        return Decoded(None, "binary data, not text", fatal=True)
    return Decoded(text, caveat)


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= _UTF16_NUL_SHARE and even_nul < odd_nul / 10:
        return "utf-16-le"
    if even_nul >= _UTF16_NUL_SHARE and odd_nul < even_nul / 10:
        return "utf-16-be"
    return None


@dataclass(frozen=True)
class _Latin:
    encoding: str
    text: str
    fit: float  # share of its letters beyond ASCII that its language's alphabet has (0 for an unknown language)


def _latin_code_page(data: bytes) -> _Latin | None:
    """The Latin single-byte code page under which the text's accented letters best fit its language's
    alphabet; windows-1252 (the web's default for legacy pages, per the WHATWG Encoding Standard) on a tie.
    None when no such code page gives printable text."""
    candidates: dict[str, str] = {}
    for encoding in _LATIN_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            candidates[encoding] = text
    if not candidates:
        return None
    from newsfuse.segment.language import detect_language

    first = next(iter(candidates))
    alphabet = _ALPHABETS.get(detect_language(candidates[first]), "")

    def fit(text: str) -> float:
        letters = [ch for ch in text[:_FIT_SAMPLE_CHARS].lower() if ord(ch) > 127 and ch.isalpha()]
        return sum(ch in alphabet for ch in letters) / len(letters) if letters else 1.0

    scores = {encoding: fit(text) for encoding, text in candidates.items()}
    best = max(candidates, key=lambda encoding: (scores[encoding], encoding == _LEGACY_DEFAULT))
    return _Latin(best, candidates[best], scores[best])
