"""Words that stand for one another, read from WordNet inside an installed package, without loading it."""

from __future__ import annotations

import subprocess
import sys

from newsfuse.segment import lexicon


def test_the_dictionary_ships_with_the_install():
    assert lexicon.available()


def test_a_word_is_matched_by_its_synonyms_its_root_and_for_a_rare_noun_its_broader_term():
    assert "withdrawal" in lexicon.relatives("pullback")  # a rare noun: its broader term
    assert {"start", "commence"} <= lexicon.relatives("begin")  # synonyms
    assert "start" in lexicon.relatives("began")  # irregular forms are looked up by their base form
    assert "withdraw" in lexicon.relatives("withdrawal")  # the verb of the noun
    assert "quake" in lexicon.relatives("earthquake")
    assert lexicon.base_forms("efforts", "noun") == ("effort",)


def test_only_the_commoner_senses_are_followed():
    assert "club" not in lexicon.relatives("order")  # a rare sense of "order"
    assert "overtone" not in lexicon.relatives("partial")  # the adjective, not the noun of acoustics
    assert "russia" not in lexicon.relatives("country")  # no narrower terms: every country is one
    assert "occurrence" not in lexicon.relatives("fire")  # a common noun's broader term is too abstract
    assert "monday" not in lexicon.relatives("tuesday")  # two days share a broader term, not a meaning


def test_unknown_words_and_non_words_have_no_relatives():
    assert lexicon.relatives("sputnik") == frozenset()
    assert lexicon.relatives("2016") == frozenset()
    assert lexicon.relatives("al-assad") == frozenset()


def test_lookups_do_not_load_the_whole_database():
    # The package's own API reads every file first (seconds); the lookups read only what they need.
    code = ("import sys; from newsfuse.segment import lexicon; lexicon.relatives('pullback'); "
            "print('wn' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
