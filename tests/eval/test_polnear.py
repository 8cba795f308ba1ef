"""The PolNeAR loader and scorer on an invented corpus and hand-built documents."""
from __future__ import annotations

import pytest

from dyad.document import Actor, Document, Mention, Quote
from dyad.eval.polnear import (
    OffsetMap,
    PolnearDoc,
    Tally,
    content_match,
    load_polnear,
    parse_ann,
    score_document,
    score_polnear,
)

TEXT = (
    "Ana Ruiz said that taxes will fall.\n\n"
    "“We agree,” Bo Chen said. “Fully.”\n\n"
    "A deal is near, it was reported.\n"
)


def span(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def t_line(tid: str, label: str, *needles: str, nth: int = 0) -> str:
    spans = [span(n, nth) for n in needles]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t" + " ".join(TEXT[s:e] for s, e in spans)


ANN = "\n".join([
    t_line("T1", "Source", "Ana Ruiz"),
    t_line("T2", "Cue", "said"),
    t_line("T3", "Content", "that taxes will fall"),
    t_line("T4", "Attribution", "said"),
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    t_line("T5", "Content", "“We agree,”"),
    t_line("T6", "Source", "Bo Chen"),
    t_line("T7", "Cue", "said", nth=1),
    t_line("T8", "Content", "“Fully.”"),
    "E2\tAttribution:T7 Content:T5 Cue:T7 Source:T6 Content2:T8",
    t_line("T9", "Content", "A deal is near"),
    t_line("T10", "Cue", "was reported"),
    "E3\tAttribution-no-source:T10 Content:T9 Cue:T10",
    "E4\tAttribution-no-source:T11 ",  # an unfinished annotation: no content
    "T12\tDiscard 0 3\tAna\nsurface text running onto a second line",
])


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_ab12.ann").write_text(ANN + "\n", encoding="utf-8")
    (tmp_path / "attributions" / "a_cd34.ann").write_text("", encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text("No annotations for this one.", encoding="utf-8")
    return tmp_path


def test_loader_reads_spans_roles_and_first_annotator(corpus):
    (doc,) = load_polnear(corpus)
    assert (doc.name, doc.annotator, doc.n_annotations) == ("a", "ab12", 2)
    e1, e2, e3 = doc.attributions
    assert (e1.content, e1.source, e1.cue, e1.direct) == ((span("that taxes will fall"),), (span("Ana Ruiz"),), (span("said"),), False)
    assert e2.content == (span("“We agree,”"), span("“Fully.”")) and e2.direct
    assert (e3.source, e3.direct) == ((), False)


def test_loader_rejects_a_folder_without_the_split_layout(tmp_path):
    with pytest.raises(FileNotFoundError, match="text/"):
        load_polnear(tmp_path)


def test_discontinuous_spans_are_parsed():
    (attribution,) = parse_ann("T1\tContent 0 3;5 8\tabc fgh\nE1\tAttribution:T2 Content:T1", "abc  fgh")
    assert attribution.content == ((0, 3), (5, 8))


@pytest.mark.parametrize(("predicted", "gold", "shared"), [
    ((0, 10), ((0, 10),), 10),
    ((0, 4), ((0, 100),), 4),  # inside a long content: half of the shorter span is enough
    ((0, 10), ((6, 20),), 0),  # 4 of 10 shared
    ((0, 10), ((5, 20),), 5),
    ((0, 10), ((0, 2), (8, 12)), 4),  # discontinuous gold: 4 of 6
    ((0, 10), ((20, 30),), 0),
])
def test_content_match(predicted, gold, shared):
    assert content_match(predicted, gold) == shared


def test_offset_map_follows_cleaning():
    identity = OffsetMap("  Ana said.\n", "Ana said.")
    assert not identity.aligned and identity.span(4, 8) == (6, 10)
    collapsed = OffsetMap("Ana  Ruiz said.", "Ana Ruiz said.")
    assert collapsed.aligned and collapsed.span(9, 13) == (10, 14) and collapsed.span(0, 3) == (0, 3)


def make_doc(bo_speaker: str | None) -> Document:
    text = TEXT.strip()
    actors = (
        Actor("a1", "Ana Ruiz", "PERSON", mentions=(Mention(*span("Ana Ruiz"), "Ana Ruiz", "name"),)),
        Actor("a2", "Bo Chen", "PERSON", mentions=(Mention(*span("Bo Chen"), "Bo Chen", "name"),)),
    )
    quotes = (
        Quote("q1", "that taxes will fall", *span("that taxes will fall"), "indirect", "said", "a1", "Ana Ruiz"),
        Quote("q2", "We agree,", *span("We agree,"), "direct", "said", bo_speaker, "Bo Chen"),
        Quote("q3", "Fully.", *span("Fully."), "direct", "said", None, None),
        Quote("q4", "Bo Chen said", *span("Bo Chen said"), "partial", None, None, None),  # no gold content there
    )
    return Document("d", text, actors=actors, quotes=quotes)


@pytest.mark.parametrize(("bo_speaker", "direct_correct", "no_speaker"), [("a2", 1, 0), ("a1", 0, 0), (None, 0, 1)])
def test_score_document(corpus, bo_speaker, direct_correct, no_speaker):
    (gold,) = load_polnear(corpus)
    tally = Tally()
    score_document(make_doc(bo_speaker), gold, tally)
    figures = tally.as_dict()
    assert (figures["documents"], figures["aligned"], figures["multi_annotated"]) == (1, 0, 1)
    content = figures["content"]
    assert (content["all"]["predicted"], content["all"]["predicted_matched"]) == (4, 3)
    assert (content["all"]["gold"], content["all"]["gold_matched"]) == (3, 2)
    assert (content["direct"]["predicted"], content["direct"]["predicted_matched"], content["direct"]["recall"]) == (3, 2, 1.0)
    assert (content["indirect"]["precision"], content["indirect"]["recall"]) == (1.0, 0.5)
    source = figures["source"]
    assert (source["indirect"]["matched_with_gold_source"], source["indirect"]["correct"]) == (1, 1)
    assert (source["direct"]["correct"], source["direct"]["no_speaker"]) == (direct_correct, no_speaker)
    assert source["all"] == {"matched_with_gold_source": 2, "correct": 1 + direct_correct,
                             "accuracy": (1 + direct_correct) / 2, "no_speaker": no_speaker,
                             "strict_correct": 1 + direct_correct, "strict_accuracy": (1 + direct_correct) / 2}
    assert figures["predicted_kinds"]["partial"] == {"predicted": 1, "matched": 0}


def test_an_article_without_gold_counts_every_quote_against_precision():
    gold = PolnearDoc("x", "“Hi,” Ana said.", ())
    doc = Document("x", "“Hi,” Ana said.", quotes=(Quote("q", "Hi,", 1, 4, "direct"),))
    tally = Tally()
    score_document(doc, gold, tally)
    assert tally.as_dict()["content"]["all"]["precision"] == 0.0


@pytest.mark.model
def test_real_pipeline_on_two_articles(tmp_path, pipeline):
    articles = {
        "one": ("“We will not raise taxes,” Senator Maria Lopez said on Tuesday.\n", "“We will not raise taxes,”", "Senator Maria Lopez"),
        "two": ("The weather was mild.  Nobody   was quoted.\n", None, None),
    }
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name, (text, content, source) in articles.items():
        (tmp_path / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        lines = []
        if content:
            c, s = text.index(content), text.index(source)
            lines = [f"T1\tContent {c} {c + len(content)}\t{content}", f"T2\tSource {s} {s + len(source)}\t{source}",
                     "E1\tAttribution:T3 Content:T1 Source:T2"]
        (tmp_path / "attributions" / f"{name}_0a0a.ann").write_text("\n".join(lines), encoding="utf-8")
    figures = score_polnear(pipeline, load_polnear(tmp_path))
    assert figures["documents"] == 2 and figures["skipped"] == 0 and figures["aligned"] == 1
    assert figures["content"]["direct"]["recall"] == 1.0
    assert figures["source"]["direct"]["accuracy"] == 1.0


#                0         1         2         3         4         5         6
#                0123456789012345678901234567890123456789012345678901234567890123456
STRICT_TEXT = "Ana Ruiz met Bo Lin. “We will vote,” she said. Minister Ruiz left."
QUOTE = (STRICT_TEXT.index("We"), STRICT_TEXT.index("”"))


@pytest.mark.parametrize("mentions, source_words, expected", [
    # the speaker's mention nearest the quotation ("she") is the gold source
    ([(0, 8), (37, 40)], "she", True),
    # only a far mention is the gold source, the nearest is not: coreference merged two people
    ([(13, 19), (37, 40)], "Bo Lin", False),
    # no mention overlaps, but the gold source's head word is a word of the speaker's name
    ([(13, 19)], "Minister Ruiz", True),
])
def test_strict_speaker_score(mentions, source_words, expected):
    from dyad.eval.polnear import speaker_strictly_right

    start = STRICT_TEXT.index(source_words)
    source = ((start, start + len(source_words)),)
    assert speaker_strictly_right(mentions, "Ana Ruiz", QUOTE, source, STRICT_TEXT) is expected
