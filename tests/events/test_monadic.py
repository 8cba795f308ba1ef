"""The --monadic trigger lexicon (issue 15): PETRARCH2's bare verb rows of acts of force read as a
fallback for words the hand table does not code; broad verbs of those blocks stay out."""
from __future__ import annotations

from dyad.events.lexicon import load_lexicon
from dyad.events.monadic import FORCE_ROOTS, monadic_lexicon


def test_bare_force_verbs_are_added_after_the_words_own_rows():
    lexicon = load_lexicon()
    monadic = monadic_lexicon(lexicon)
    for lemma in ("wound", "injure"):
        rows = monadic[(lemma, "VERB")]
        assert rows[-1].cameo[:2] in FORCE_ROOTS and not rows[-1].particle and not rows[-1].object_class
        assert rows[:-1] == lexicon.get((lemma, "VERB"), ())


def test_broad_verbs_and_hand_coded_words_are_unchanged():
    lexicon = load_lexicon()
    monadic = monadic_lexicon(lexicon)
    for lemma in ("contain", "match", "master", "overshadow"):
        assert monadic.get((lemma, "VERB")) == lexicon.get((lemma, "VERB"))
    hand = [key for key, rows in lexicon.items() if any(not p.origin for p in rows)]
    assert hand and all(monadic[key] == lexicon[key] for key in hand)
