import pytest

from dyad.clean import (
    DEFAULT_STEPS,
    CleanResult,
    clean_text,
    normalize_whitespace,
    remove_furniture,
    repair_glued_sentences,
    repair_unicode,
    strip_markup,
)

# --- 1. unicode repair --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayorâ€™s office", "The mayor’s office"),  # mojibake
        ("“Curly” and ‘single’ stay", "“Curly” and ‘single’ stay"),
        ("Wait for it… then go", "Wait for it… then go"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("zero\u200bwidth\ufeff joiner\u200d", "zerowidth joiner"),
        ("bell\x07 and\x0c form feed", "bell and form feed"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("no\u00a0break\u202fspaces", "no break spaces"),
        ("soft\u00adhyphen", "softhyphen"),
    ],
)
def test_repair_unicode(text, expected):
    assert repair_unicode(text) == expected


# --- 2. furniture -------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Source: Ministers meet over the river dispute",
        "Source:",
        "1 reply",
        "2 replies",
        "14 comments",
        "Comments are closed.",
        "Comments are closed",
        "Share this:",
        "Share this",
        "Share on Facebook",
        "Tweet",
        "Read more",
        "Read more:",
        "Read more: Talks on the river dispute stall",
        "Related posts",
        "Related Posts:",
        "Related articles",
        "Click here to read the full report",
        "Subscribe",
        "Subscribe to our daily newsletter",
        "Sign up for email updates",
        "Advertisement",
        "ADVERTISEMENT",
        "Like this:",
        "Loading...",
        "Loading…",
        "   Share this:   ",
    ],
)
def test_furniture_line_is_removed(line):
    text = f"The council met on Monday.\n\n{line}\n\nIt voted to rebuild the bridge."
    cleaned, removed = remove_furniture(text)
    assert removed == [line.strip()]
    assert cleaned == "The council met on Monday.\n\n\nIt voted to rebuild the bridge."


@pytest.mark.parametrize(
    "text",
    [
        "The source: a senior official who asked not to be named.",
        "He said the comments are closed to the public.",
        "Officials urged residents to read more about the plan.",
        "Critics say the minister will tweet about it again.",
        "Voters were asked to subscribe to the new rules.",
        "The paper ran an advertisement for the rally.",
        "He replied with 2 replies to every question.",
        "Sources: the ministry and two diplomats.",
        "She said she would like this plan to pass.",
    ],
)
def test_furniture_words_inside_a_sentence_stay(text):
    assert remove_furniture(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "expected_text", "expected_removed"),
    [
        (
            "The talks ended without a deal.Comments are closed.",
            "The talks ended without a deal.",
            ["Comments are closed."],
        ),
        (
            "“We will return,” she said.”Comments are closed.\n\nLike this:",
            "“We will return,” she said.”\n",
            ["Comments are closed.", "Like this:"],
        ),
        # Only at the very end of the article, and only after a sentence end.
        (
            "First.Comments are closed.\n\nSecond paragraph.",
            "First.Comments are closed.\n\nSecond paragraph.",
            [],
        ),
        (
            "The notice read Comments are closed.",
            "The notice read Comments are closed.",
            [],
        ),
    ],
)
def test_glued_trailer(text, expected_text, expected_removed):
    assert remove_furniture(text) == (expected_text, expected_removed)


# --- 3. glued sentences ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy reached Rafah.The border stayed shut.", "The convoy reached Rafah. The border stayed shut."),
        ("They asked for aid.”We", "They asked for aid.” We"),
        ("It happened in 2015.”We", "It happened in 2015.” We"),
        ("before the elections,”Speaking", "before the elections,” Speaking"),
        ("Is it over?The", "Is it over? The"),
        ("Enough!They", "Enough! They"),
        ("It was ‘final.’Then", "It was ‘final.’ Then"),
        ("“Go home.”“No,” he said.", "“Go home.” “No,” he said."),
        ("He left.“We stay,” she said.", "He left. “We stay,” she said."),
        ("the last (and worst) year).Then", "the last (and worst) year). Then"),
        ("the “hard border”.Then", "the “hard border”. Then"),
        ("the officers of the UN.The", "the officers of the UN. The"),
        ("It joined NATO.Then it grew.", "It joined NATO. Then it grew."),
        ("in 2010.Three years later", "in 2010. Three years later"),
        # straight quotes: the count of quotes before decides
        ('He said "no."We left.', 'He said "no." We left.'),
        ('"Why?"He asked.', '"Why?" He asked.'),
        ('They were done."We start again," she said.', 'They were done. "We start again," she said.'),
        ("He said 'enough.'Then", "He said 'enough.' Then"),
    ],
)
def test_glued_sentences_are_split(text, expected):
    assert repair_glued_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.Senate voted.",  # single-letter "words" before the period
        "Officials from the U.N.Security Council",
        "The U.S. and the U.K. agreed.",
        "Use a tool, e.g.Python, for this.",
        "At 9 a.m.The meeting",
        "J.R.R.Tolkien wrote it.",
        "J.R.R. Tolkien wrote it.",
        "Mr.Smith met Dr.Jones in St.Louis.",  # ambiguous: no sentence ends after a title
        "Gen.Harris and Sen.Ortiz arrived on Jan.Fifth.",
        "Prices rose 3.5 percent.",
        "Version 2.0.1 shipped.",
        "Visit www.example.com for details.",
        "See example.com/Path/To/Page and Example.Com.",
        "Write to a.b@c.org or Desk.Editor@paper.net today.",
        "Open https://example.org/News.Today?Id=Main for more.",
        "Download report.PDF and data.CSV now.",
        "He waited...Then he left.",
        "He waited…Then he left.",
        "No.5 was the winner.",
        "Item 3.A lists the sanctions.",
        "It was, he said, over.",
        "the sentence ends here.and lowercase follows",
        "An editorial bracket [in the capital] stays.",
        '"They asked, \'Who are they?\'" he said.',  # the straight quote closes
        "Shares of Acme Corp (ACME.N) and Widget (WDG.O) rose.",  # tickers
    ],
)
def test_glued_sentence_negatives_stay(text):
    assert repair_glued_sentences(text) == text


# --- 4. whitespace ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two  spaces\tand\t\ttabs", "two spaces and tabs"),
        ("trailing   \nspaces\t\n", "trailing\nspaces"),
        ("one\n\n\n\ntwo\n\n\nthree", "one\n\ntwo\n\nthree"),
        ("one\n \n\t\n  \ntwo", "one\n\ntwo"),
        ("  \n\n padded text \n\n ", "padded text"),
        ("line\nbreak kept", "line\nbreak kept"),
    ],
)
def test_normalize_whitespace(text, expected):
    assert normalize_whitespace(text) == expected


# --- the whole chain ----------------------------------------------------------


TRAILER_ARTICLE = (
    "Ministers meet over the river dispute\n"
    "\n"
    "Delegations from both countries met in the border town on Tuesday.The talks,"
    " the first since 2019, lasted six hours.\u00a0Officials said the U.S. envoy"
    " attended as an observer.\r\n"
    "\r\n"
    "“We have agreed to keep talking,” the foreign minister said.”Nothing is"
    " signed yet.”\n"
    "\n"
    "\n"
    "Source: Ministers meet over the river dispute\n"
    "\n"
    "2 replies\n"
    "\n"
    "Comments are closed."
)

TRAILER_CLEANED = (
    "Ministers meet over the river dispute\n"
    "\n"
    "Delegations from both countries met in the border town on Tuesday. The talks,"
    " the first since 2019, lasted six hours. Officials said the U.S. envoy"
    " attended as an observer.\n"
    "\n"
    "“We have agreed to keep talking,” the foreign minister said.” Nothing is"
    " signed yet.”"
)


def test_clean_text_removes_trailer_and_repairs_text():
    result = clean_text(TRAILER_ARTICLE)
    assert result == CleanResult(
        text=TRAILER_CLEANED,
        removed=(
            "Source: Ministers meet over the river dispute",
            "2 replies",
            "Comments are closed.",
        ),
    )


def test_clean_text_glued_trailer_at_the_very_end():
    result = clean_text("The vote is on Friday.Comments are closed.")
    assert result == CleanResult(text="The vote is on Friday.", removed=("Comments are closed.",))


@pytest.mark.parametrize(
    "text",
    [
        TRAILER_ARTICLE,
        "The convoy reached Rafah.The border stayed shut.",
        'He said "no."We left.They were done."We start again," she said.',
        "The vote is on Friday.Comments are closed.",
        "  Mr.Smith\u00a0met\u200b the U.S.Senate at 9 a.m.\n\n\n\nShare this:\n",
        "Is it over?”“No.”Then",
    ],
)
def test_clean_text_is_idempotent(text):
    once = clean_text(text).text
    assert clean_text(once) == CleanResult(text=once, removed=())


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u200b\ufeff"])
def test_empty_input_gives_empty_text(text):
    assert clean_text(text) == CleanResult(text="", removed=())


def test_steps_can_be_overridden():
    result = clean_text("A  b.C", steps=(normalize_whitespace,))
    assert result == CleanResult(text="A b.C", removed=())


def test_default_steps_order():
    assert DEFAULT_STEPS == (
        repair_unicode,
        strip_markup,
        remove_furniture,
        repair_glued_sentences,
        normalize_whitespace,
    )


def test_clean_result_is_frozen():
    result = clean_text("Text.")
    with pytest.raises(AttributeError):
        result.text = "other"  # type: ignore[misc]


def test_share_this_article_line_is_furniture():
    from dyad.clean import clean_text

    result = clean_text("Chile thanked Peru.\n\nShare this article\n\nShare this story:")
    assert result.text == "Chile thanked Peru."
    assert result.removed == ("Share this article", "Share this story:")


def test_markup_tags_are_removed_and_their_words_kept():
    text = 'She wrote:\n\n<tweet tweet-id="123456">We will win.</tweet>\n\n<tweet tweet-id="789"><tweet/>. Then a < b, x<3.'
    result = clean_text(text)
    assert "tweet" not in result.text and "123456" not in result.text
    assert "We will win." in result.text and "a < b, x<3" in result.text
    assert '<tweet tweet-id="123456">' in result.removed


def test_a_video_caption_line_is_furniture_but_prose_opening_close_is_not():
    cleaned = clean_text("CLOSE The senator spoke for an hour. NEWS TODAY\n\nThe senator spoke.\n\nClose aides said he was tired.")
    assert cleaned.text == "The senator spoke.\n\nClose aides said he was tired."
    assert cleaned.removed == ("CLOSE The senator spoke for an hour. NEWS TODAY",)
