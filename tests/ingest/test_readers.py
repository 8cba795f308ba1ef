import gzip
import io
import json
import os

import pytest

from dyad.ingest import (
    Article,
    ReadError,
    detect_format,
    normalize_published,
    read_paths,
    read_text_file,
    split_headline,
)

BODY = (
    "Dock workers in the northern port returned to work on Thursday after a "
    "nine-day strike over pay, the union said.\n\n"
    "The port authority agreed to raise wages by four percent this year."
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour workers end strike | The Example Gazette</title>
<meta property="og:title" content="Harbour workers end strike">
<meta property="og:url" content="https://news.example.org/2021/03/harbour-strike">
<meta property="article:published_time" content="2021-03-04T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour workers end strike</h1>
<p>Dock workers in the northern port returned to work on Thursday after a nine-day
strike over pay, the union said in a statement released in the morning.</p>
<p>The port authority agreed to raise wages by four percent this year and to review
night-shift allowances before the summer, according to the union's chairwoman.</p>
<p>Shipping companies had warned that the stoppage was delaying deliveries of grain
and fuel to the islands, where shops reported empty shelves by the weekend.</p>
</article>
<footer>Copyright The Example Gazette</footer>
</body></html>
"""


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records):
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def read_one(path, **options):
    records = list(read_paths([str(path)], **options))
    assert len(records) == 1, records
    return records[0]


# --- txt ------------------------------------------------------------------------


def test_txt_with_headline(tmp_path):
    path = write(tmp_path / "strike.txt", f"Harbour workers end strike\n\n{BODY}\n")
    assert read_one(path) == Article(
        text=BODY,
        title="Harbour workers end strike",
        origin=str(path),
        format="txt",
    )


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Harbour workers end strike\n\nBody text.", "Harbour workers end strike", "Body text."),
        ("Will the port reopen?\n\nBody text.", "Will the port reopen?", "Body text."),
        ("Strike over!\r\n\r\nBody text.", "Strike over!", "Body text."),
        ("\n\n  Strike ends  \n \nBody text.", "Strike ends", "Body text."),
        ("Talks: “We are close”\n\nBody text.", "Talks: “We are close”", "Body text."),
        # negatives: a full sentence, no blank line, too long, or nothing after it
        ("The strike ended on Thursday.\n\nBody text.", None, "The strike ended on Thursday.\n\nBody text."),
        ("“The strike is over.”\n\nBody text.", None, "“The strike is over.”\n\nBody text."),
        ("Harbour workers end strike\nBody text.", None, "Harbour workers end strike\nBody text."),
        ("A" * 200 + "\n\nBody text.", None, "A" * 200 + "\n\nBody text."),
        ("Harbour workers end strike\n\n", None, "Harbour workers end strike\n\n"),
        ("Harbour workers end strike", None, "Harbour workers end strike"),
    ],
)
def test_split_headline(text, title, body):
    assert split_headline(text) == (title, body)


def test_txt_first_line_sentence_is_not_a_title(tmp_path):
    text = "The strike ended on Thursday.\n\nWorkers returned to the docks."
    path = write(tmp_path / "plain.txt", text)
    assert read_one(path) == Article(text=text, origin=str(path), format="txt")


@pytest.mark.parametrize("name", ["note", "note.text", "note.md", "NOTE.TXT"])
def test_txt_suffixes(tmp_path, name):
    path = write(tmp_path / name, "The strike ended.")
    assert read_one(path) == Article(text="The strike ended.", origin=str(path), format="txt")


def test_txt_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path / "bom.txt", "\ufeffThe strike ended.".encode("utf-8"))
    assert read_one(path).text == "The strike ended."


def test_read_text_file_yields_one_record(tmp_path):
    path = write(tmp_path / "a.txt", "The strike ended.")
    assert list(read_text_file(path)) == [
        Article(text="The strike ended.", origin=str(path), format="txt")
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "Caf\xe9 owners protest.".encode("latin-1"),
            "not valid UTF-8 text (byte 0xe9 at offset 3); re-save it as UTF-8",
        ),
        (
            b"\xef\xbb\xbfCaf\xe9",
            "not valid UTF-8 text (byte 0xe9 at offset 6); re-save it as UTF-8",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text"),
        (bytes(range(1, 9)) * 20, "looks like a binary file, not text"),
        (b"", "file is empty"),
        (b"  \n\n\t\n", "file is empty"),
    ],
)
def test_txt_bad_input(tmp_path, content, reason):
    path = write(tmp_path / "bad.txt", content)
    assert read_one(path) == ReadError(str(path), reason)


def test_txt_above_size_limit(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 2_100_000)
    assert read_one(path) == ReadError(str(path), "file is 10.5 MB, above the 10 MB limit per article")


def test_size_limit_is_an_option(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 300_000)
    assert read_one(path, max_bytes=1_000_000) == ReadError(
        str(path), "file is 1.5 MB, above the 1 MB limit per article"
    )


def test_read_error_str():
    assert str(ReadError("a/b.jsonl:3", "malformed JSON")) == "a/b.jsonl:3: malformed JSON"


# --- html -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "page.htm"])
def test_html_article(tmp_path, name):
    path = write(tmp_path / name, HTML_PAGE)
    assert read_one(path) == Article(
        text=(
            "Dock workers in the northern port returned to work on Thursday after a "
            "nine-day strike over pay, the union said in a statement released in the morning.\n\n"
            "The port authority agreed to raise wages by four percent this year and to review "
            "night-shift allowances before the summer, according to the union's chairwoman.\n\n"
            "Shipping companies had warned that the stoppage was delaying deliveries of grain "
            "and fuel to the islands, where shops reported empty shelves by the weekend."
        ),
        title="Harbour workers end strike",
        url="https://news.example.org/2021/03/harbour-strike",
        published="2021-03-04",
        origin=str(path),
        format="html",
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<html><head><title>Empty</title></head><body></body></html>", "no article text found in the HTML"),
        ("<html><body><script>var x = 1;</script></body></html>", "no article text found in the HTML"),
        ("", "file is empty"),
        (b"\x00\x01\x02<html>", "looks like a binary file, not text"),
    ],
)
def test_html_bad_input(tmp_path, content, reason):
    path = write(tmp_path / "page.html", content)
    assert read_one(path) == ReadError(str(path), reason)


# --- jsonl ----------------------------------------------------------------------


GOOD_LINES = [
    {"id": "a1", "title": "Strike ends", "url": "https://example.org/a1",
     "published": "2021-03-04", "text": "The strike ended."},
    {"ID": 7, "headline": "Talks resume", "link": "https://example.org/7",
     "date": "2021-03-05T10:00:00Z", "content": "Talks resumed."},
    {"publish_date": "March 6, 2021", "text": "  ", "content_original": "Ships sailed."},
    {"body": "Shops reopened."},
    {"article": "Prices fell.", "id": None},
]

GOOD_ARTICLES = [
    dict(text="The strike ended.", id="a1", title="Strike ends", url="https://example.org/a1",
         published="2021-03-04"),
    dict(text="Talks resumed.", id="7", title="Talks resume", url="https://example.org/7",
         published="2021-03-05"),
    dict(text="Ships sailed.", published="March 6, 2021"),
    dict(text="Shops reopened."),
    dict(text="Prices fell."),
]


@pytest.mark.parametrize("name", ["news.jsonl", "news.ndjson"])
def test_jsonl_fields(tmp_path, name):
    path = write(tmp_path / name, jsonl(*GOOD_LINES))
    assert list(read_paths([str(path)])) == [
        Article(**fields, origin=f"{path}:{lineno}", format="jsonl")
        for lineno, fields in enumerate(GOOD_ARTICLES, start=1)
    ]


def test_jsonl_gz(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(jsonl(*GOOD_LINES[:2]))
    assert [(r.origin, r.text) for r in read_paths([str(path)])] == [
        (f"{path}:1", "The strike ended."),
        (f"{path}:2", "Talks resumed."),
    ]


def test_jsonl_gz_that_is_not_gzip(tmp_path):
    path = write(tmp_path / "news.jsonl.gz", jsonl(*GOOD_LINES[:1]))
    record = read_one(path)
    assert isinstance(record, ReadError)
    assert record.origin == str(path)
    assert record.reason.startswith("not a valid gzip file (")


def test_jsonl_bad_lines_do_not_stop_the_others(tmp_path):
    path = write(
        tmp_path / "mixed.jsonl",
        jsonl(
            {"text": "First."},
            '{"text": "Talks resume"',
            "",
            "[1, 2]",
            {"title": "No body here"},
            "   ",
            '"just a string"',
            {"text": "Last."},
        ),
    )
    assert list(read_paths([str(path)])) == [
        Article(text="First.", origin=f"{path}:1", format="jsonl"),
        ReadError(f"{path}:2", "malformed JSON (Expecting ',' delimiter at column 24)"),
        ReadError(f"{path}:4", "expected a JSON object, got an array"),
        ReadError(
            f"{path}:5",
            "no text field (expected one of text, content, content_original, body, article)",
        ),
        ReadError(f"{path}:7", "expected a JSON object, got a string"),
        Article(text="Last.", origin=f"{path}:8", format="jsonl"),
    ]


def test_jsonl_invalid_utf8_line(tmp_path):
    path = write(tmp_path / "enc.jsonl", b'{"text": "Caf\xe9"}\n{"text": "Fine."}\n')
    assert list(read_paths([str(path)])) == [
        ReadError(f"{path}:1", "not valid UTF-8 text (byte 0xe9 at offset 13); re-save it as UTF-8"),
        Article(text="Fine.", origin=f"{path}:2", format="jsonl"),
    ]


def test_jsonl_line_above_size_limit(tmp_path):
    path = write(tmp_path / "big.jsonl", jsonl({"text": "x" * 1_500_000}, {"text": "Small."}))
    assert list(read_paths([str(path)], max_bytes=1_000_000)) == [
        ReadError(f"{path}:1", "line is 1.5 MB, above the 1 MB limit per article"),
        Article(text="Small.", origin=f"{path}:2", format="jsonl"),
    ]


def test_jsonl_empty_file(tmp_path):
    path = write(tmp_path / "empty.jsonl", "\n\n")
    assert read_one(path) == ReadError(str(path), "file is empty")


# --- directories and paths ------------------------------------------------------


def test_directory_recursion_in_sorted_order(tmp_path):
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second file.")
    write(root / "a" / "z.txt", "Nested file.")
    write(root / "a" / "page.html", HTML_PAGE)
    write(root / "c.jsonl", jsonl({"text": "Line one."}, {"text": "Line two."}))
    write(root / "d.txt", b"")  # bad file in the middle
    write(root / "e.md", "Last file.")
    write(root / "notes.pdf", b"%PDF-1.4")  # unsupported: skipped
    write(root / ".hidden.txt", "Hidden file.")
    write(root / ".git" / "x.txt", "Hidden directory.")
    records = list(read_paths([str(root)]))
    assert [(r.origin, getattr(r, "format", None) or r.reason) for r in records] == [
        (os.path.join(root, "a", "page.html"), "html"),
        (os.path.join(root, "a", "z.txt"), "txt"),
        (os.path.join(root, "b.txt"), "txt"),
        (os.path.join(root, "c.jsonl") + ":1", "jsonl"),
        (os.path.join(root, "c.jsonl") + ":2", "jsonl"),
        (os.path.join(root, "d.txt"), "file is empty"),
        (os.path.join(root, "e.md"), "txt"),
    ]


def test_directory_with_unreadable_file(tmp_path):
    root = tmp_path / "corpus"
    write(root / "a.txt", "First file.")
    os.symlink(root / "missing.txt", root / "broken.txt")
    write(root / "c.txt", "Last file.")
    assert list(read_paths([str(root)])) == [
        Article(text="First file.", origin=os.path.join(root, "a.txt"), format="txt"),
        ReadError(os.path.join(root, "broken.txt"), "no such file or directory"),
        Article(text="Last file.", origin=os.path.join(root, "c.txt"), format="txt"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path / "locked.txt", "Secret.")
    path.chmod(0)
    try:
        assert read_one(path) == ReadError(str(path), "cannot be read (permission denied)")
    finally:
        path.chmod(0o644)


def test_missing_path_and_unsupported_suffix(tmp_path):
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    good = write(tmp_path / "ok.txt", "Fine.")
    missing = tmp_path / "nope.txt"
    assert list(read_paths([str(missing), str(pdf), str(good)])) == [
        ReadError(str(missing), "no such file or directory"),
        ReadError(
            str(pdf),
            "unsupported file type '.pdf'; use one of .txt, .text, .md, .html, .htm, "
            ".jsonl, .ndjson, .jsonl.gz, .ndjson.gz, a file without suffix, a directory or -",
        ),
        Article(text="Fine.", origin=str(good), format="txt"),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "txt"), ("a", "txt"), ("a.md", "txt"), ("a.text", "txt"),
        ("a.HTML", "html"), ("a.htm", "html"),
        ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.jsonl.gz", "jsonl"),
        ("a.pdf", None), ("a.txt.gz", None), ("a.json", None),
    ],
)
def test_detect_format(name, expected):
    assert detect_format(name) == expected


# --- stdin ----------------------------------------------------------------------


def test_stdin_text():
    stream = io.StringIO(f"Harbour workers end strike\n\n{BODY}")
    assert list(read_paths(["-"], stdin=stream)) == [
        Article(text=BODY, title="Harbour workers end strike", origin="<stdin>", format="stdin")
    ]


def test_stdin_jsonl():
    stream = io.StringIO("\n" + jsonl({"id": 3, "text": "The strike ended."}, "not json"))
    assert list(read_paths(["-"], stdin=stream)) == [
        Article(text="The strike ended.", id="3", origin="<stdin>:2", format="jsonl"),
        ReadError("<stdin>:3", "malformed JSON (Expecting value at column 1)"),
    ]


def test_stdin_empty():
    assert list(read_paths(["-"], stdin=io.StringIO(" \n"))) == [
        ReadError("<stdin>", "input is empty")
    ]


# --- dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-03-04", "2021-03-04"),
        (" 2021-03-04 ", "2021-03-04"),
        ("2021-03-04T09:30:00", "2021-03-04"),
        ("2021-03-04T09:30:00+02:00", "2021-03-04"),
        ("2021-03-04 09:30:00Z", "2021-03-04"),
        ("20210304", "2021-03-04"),
        ("March 4, 2021", "March 4, 2021"),
        ("04/03/2021", "04/03/2021"),
        ("", None),
        (None, None),
    ],
)
def test_normalize_published(raw, expected):
    assert normalize_published(raw) == expected
