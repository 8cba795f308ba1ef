import codecs
import gzip
import io
import json
import os
import socket
import threading
import time

import pytest

from dyad.errors import (
    E_BAD_GZIP,
    E_BINARY_INPUT,
    E_EMPTY_INPUT,
    E_ENCODING,
    E_INPUT_MISSING,
    E_INPUT_UNREADABLE,
    E_MALFORMED_CSV,
    E_MALFORMED_JSON,
    E_NO_ARTICLE_TEXT,
    E_NO_TEXT,
    E_READER_FAILED,
    E_SYMLINK_LOOP,
    E_TOO_LARGE,
    E_UNSUPPORTED_INPUT,
    E_WRONG_TYPE,
    W_SPECIAL_FILE,
)
from dyad.ingest import (
    Article,
    ReadError,
    detect_format,
    normalize_published,
    read_paths,
    read_text_file,
    split_headline,
)
from dyad.ingest.count import count_records

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
    ("content", "reason", "code"),
    [
        (
            "Caf\xe9 owners protest.".encode("latin-1"),
            "not valid UTF-8 text (byte 0xe9 at offset 3); re-save it as UTF-8",
            E_ENCODING,
        ),
        (
            b"\xef\xbb\xbfCaf\xe9",
            "not valid UTF-8 text (byte 0xe9 at offset 6); re-save it as UTF-8",
            E_ENCODING,
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text", E_BINARY_INPUT),
        (bytes(range(1, 9)) * 20, "looks like a binary file, not text", E_BINARY_INPUT),
        (b"", "file is empty", E_EMPTY_INPUT),
        (b"  \n\n\t\n", "file is empty", E_EMPTY_INPUT),
        (b"\xef\xbb\xbf \n", "file is empty", E_EMPTY_INPUT),
    ],
)
def test_txt_bad_input(tmp_path, content, reason, code):
    path = write(tmp_path / "bad.txt", content)
    assert read_one(path) == ReadError(str(path), reason, code)


def test_txt_above_size_limit(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 2_100_000)
    assert read_one(path) == ReadError(str(path), "file is 10.5 MB, above the 10 MB limit per article", E_TOO_LARGE)


def test_size_limit_is_an_option(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 300_000)
    assert read_one(path, max_bytes=1_000_000) == ReadError(
        str(path), "file is 1.5 MB, above the 1 MB limit per article", E_TOO_LARGE
    )


def test_read_error_str():
    assert str(ReadError("a/b.jsonl:3", "malformed JSON")) == "a/b.jsonl:3: malformed JSON"
    assert str(ReadError("a/b.jsonl:3", "malformed JSON", "E038")) == "a/b.jsonl:3: [E038] malformed JSON"


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
    ("content", "reason", "code"),
    [
        ("<html><head><title>Empty</title></head><body></body></html>", "no article text found in the HTML",
         E_NO_ARTICLE_TEXT),
        ("<html><body><script>var x = 1;</script></body></html>", "no article text found in the HTML",
         E_NO_ARTICLE_TEXT),
        ("", "file is empty", E_EMPTY_INPUT),
        (b"\x00\x01\x02<html>", "looks like a binary file, not text", E_BINARY_INPUT),
    ],
)
def test_html_bad_input(tmp_path, content, reason, code):
    path = write(tmp_path / "page.html", content)
    assert read_one(path) == ReadError(str(path), reason, code)


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
        ReadError(f"{path}:2", "malformed JSON (Expecting ',' delimiter at column 24)", E_MALFORMED_JSON),
        ReadError(f"{path}:4", "expected a JSON object, got an array", E_MALFORMED_JSON),
        ReadError(
            f"{path}:5",
            "no text field (expected one of text, content, content_original, body, article)",
            E_NO_TEXT,
        ),
        ReadError(f"{path}:7", "expected a JSON object, got a string", E_MALFORMED_JSON),
        Article(text="Last.", origin=f"{path}:8", format="jsonl"),
    ]


def test_jsonl_invalid_utf8_line(tmp_path):
    path = write(tmp_path / "enc.jsonl", b'{"text": "Caf\xe9"}\n{"text": "Fine."}\n')
    assert list(read_paths([str(path)])) == [
        ReadError(f"{path}:1", "not valid UTF-8 text (byte 0xe9 at offset 13); re-save it as UTF-8", E_ENCODING),
        Article(text="Fine.", origin=f"{path}:2", format="jsonl"),
    ]


def test_jsonl_line_above_size_limit(tmp_path):
    path = write(tmp_path / "big.jsonl", jsonl({"text": "x" * 1_500_000}, {"text": "Small."}))
    assert list(read_paths([str(path)], max_bytes=1_000_000)) == [
        ReadError(f"{path}:1", "line is 1.5 MB, above the 1 MB limit per article", E_TOO_LARGE),
        Article(text="Small.", origin=f"{path}:2", format="jsonl"),
    ]


def test_jsonl_empty_file(tmp_path):
    path = write(tmp_path / "empty.jsonl", "\n\n")
    assert read_one(path) == ReadError(str(path), "file is empty", E_EMPTY_INPUT)


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
        ReadError(os.path.join(root, "broken.txt"), "no such file or directory", E_INPUT_MISSING),
        Article(text="Last file.", origin=os.path.join(root, "c.txt"), format="txt"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path / "locked.txt", "Secret.")
    path.chmod(0)
    try:
        assert read_one(path) == ReadError(str(path), "cannot be read (permission denied)", E_INPUT_UNREADABLE)
    finally:
        path.chmod(0o644)


def test_missing_path_and_unsupported_suffix(tmp_path):
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    good = write(tmp_path / "ok.txt", "Fine.")
    missing = tmp_path / "nope.txt"
    assert list(read_paths([str(missing), str(pdf), str(good)])) == [
        ReadError(str(missing), "no such file or directory", E_INPUT_MISSING),
        ReadError(
            str(pdf),
            "unsupported file type '.pdf'; use one of .txt, .text, .md, .html, .htm, "
            ".jsonl, .ndjson, .jsonl.gz, .ndjson.gz, .csv, .csv.gz, a file without suffix, a directory or -",
            E_UNSUPPORTED_INPUT,
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
        ReadError("<stdin>:3", "malformed JSON (Expecting value at column 1)", E_MALFORMED_JSON),
    ]


def test_stdin_empty():
    assert list(read_paths(["-"], stdin=io.StringIO(" \n"))) == [
        ReadError("<stdin>", "input is empty", E_EMPTY_INPUT)
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


# --- encodings ------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    path = write(tmp_path / "a.txt", f"Strike ends\n\n{BODY}\n".encode(encoding))
    record = read_one(path)
    assert (record.title, record.text) == ("Strike ends", BODY)


def test_utf16_big_endian_with_a_byte_order_mark(tmp_path):
    path = write(tmp_path / "a.txt", codecs.BOM_UTF16_BE + "The strike ended.".encode("utf-16-be"))
    assert read_one(path).text == "The strike ended."


@pytest.mark.parametrize("encoding", ["UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"])
@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.jsonl", "a.csv"])
def test_utf16_and_32_without_a_byte_order_mark_name_the_fix(tmp_path, encoding, name):
    path = write(tmp_path / name, "id,text\nThe strike ended on Thursday.\n".encode(encoding))
    assert read_one(path) == ReadError(
        str(path), f"looks like {encoding} text without a byte-order mark; convert it to UTF-8 with iconv -f "
        f"{encoding} -t UTF-8 (dyad reads UTF-16 and UTF-32 only with a byte-order mark)", E_ENCODING)


@pytest.mark.parametrize(("content", "reason", "code"), [
    ("The strike ended.\n".encode("utf-16") + b"A", "not valid UTF-16 text (truncated data at byte 38); "
     "re-save it as UTF-8", E_ENCODING),
    (" \n\t".encode("utf-32"), "file is empty", E_EMPTY_INPUT),
    (b"The strike\x00 ended on Thursday.", "text with NUL bytes (the first at byte 10); remove them, e.g. with "
     "tr -d '\\000' < FILE > FILE.clean", E_BINARY_INPUT),
])
def test_bad_text_behind_or_inside_text(tmp_path, content, reason, code):
    path = write(tmp_path / "a.txt", content)
    assert read_one(path) == ReadError(str(path), reason, code)


def test_jsonl_and_csv_with_a_utf16_byte_order_mark(tmp_path):
    lines = write(tmp_path / "a.jsonl", (jsonl({"id": 1, "text": "One."}, {"id": 2, "text": "Two."})).encode("utf-16"))
    table = write(tmp_path / "b.csv", 'id,text\n3,"Three, and more."\n'.encode("utf-16"))
    assert [(r.id, r.text, r.origin) for r in read_paths([str(lines), str(table)])] == [
        ("1", "One.", f"{lines}:1"), ("2", "Two.", f"{lines}:2"), ("3", "Three, and more.", f"{table}:2")]


def test_html_with_a_utf16_byte_order_mark(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE.replace('<meta charset="utf-8">', "").encode("utf-16"))
    record = read_one(path)
    assert (record.title, record.published) == ("Harbour workers end strike", "2021-03-04")
    assert record.text.startswith("Dock workers in the northern port")


def test_binary_jsonl_is_one_error_not_one_per_line(tmp_path):
    path = write(tmp_path / "a.jsonl", bytes(range(256)) * 8)
    assert read_one(path) == ReadError(str(path), "looks like a binary file, not text", E_BINARY_INPUT)


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "w", encoding="utf-8") as stream:
        stream.write("The strike ended.")
    assert read_one(tmp_path).origin == os.path.join(str(tmp_path), "caf\\xe9.txt")


# --- special files and symlinks -------------------------------------------------


def released_fifo(path):
    """A FIFO, and a thread that opens it for writing after a while: a reader that opened it
    would then see an empty file (and fail its test) instead of blocking forever."""
    os.mkfifo(path)

    def release():
        time.sleep(3)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # nobody is reading: as it should be

    threading.Thread(target=release, daemon=True).start()
    return path


def test_devices_fifos_and_sockets_are_skipped_unopened(tmp_path):
    released_fifo(tmp_path / "fifo.txt")
    os.symlink("/dev/null", tmp_path / "null.txt")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s.txt"))
    write(tmp_path / "zz.txt", "The strike ended.")
    records = list(read_paths([str(tmp_path)]))
    assert [(os.path.basename(r.origin), r.code) for r in records[:-1]] == [
        ("fifo.txt", W_SPECIAL_FILE), ("null.txt", W_SPECIAL_FILE), ("s.txt", W_SPECIAL_FILE),
        ("zero.jsonl", W_SPECIAL_FILE)]
    assert records[0].reason.startswith("skipped: a FIFO (named pipe), not a regular file")
    assert records[1].reason.startswith("skipped: a character device, not a regular file")
    assert records[2].reason.startswith("skipped: a socket")
    assert all(r.is_warning for r in records[:-1])
    assert records[-1].text == "The strike ended."


def test_a_fifo_given_as_a_path_is_skipped_and_not_counted_by_opening(tmp_path):
    fifo = released_fifo(tmp_path / "fifo.jsonl")
    assert count_records([str(fifo), str(tmp_path)]) == 2
    assert read_one(fifo).code == W_SPECIAL_FILE


def test_symlink_loops_are_reported(tmp_path):
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    write(tmp_path / "sub" / "c.txt", "The strike ended.")
    records = list(read_paths([str(tmp_path)]))
    assert [(os.path.relpath(r.origin, tmp_path), getattr(r, "code", None)) for r in records] == [
        ("sub/up", E_SYMLINK_LOOP), ("a.txt", E_SYMLINK_LOOP), ("b.txt", E_SYMLINK_LOOP), ("sub/c.txt", None)]
    assert records[0].reason == (f"symlink loop: it leads back to {tmp_path}, a directory being read; skipped "
                                 "(remove the link, or point it outside the input)")
    assert records[1].reason == "symlink loop (too many levels of symbolic links); fix or remove the link"


def test_a_symlinked_directory_is_followed(tmp_path):
    write(tmp_path / "elsewhere" / "a.txt", "The strike ended.")
    (tmp_path / "corpus").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "corpus" / "linked")
    assert read_one(tmp_path / "corpus").origin == str(tmp_path / "corpus" / "linked" / "a.txt")


def test_a_reader_that_raises_costs_its_file_only(tmp_path, monkeypatch):
    import dyad.ingest.readers as readers

    def broken(path, **options):
        yield Article(text="Before the bug.", origin=str(path))
        raise KeyError("boom")

    monkeypatch.setattr(readers, "read_text_file", broken)
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.jsonl", jsonl({"text": "After."}))
    first, error, after = read_paths([str(tmp_path)])
    assert first.text == "Before the bug." and after.text == "After."
    assert error.code == E_READER_FAILED and error.origin == str(tmp_path / "a.txt")
    assert error.reason.startswith("dyad's reader failed on this file (KeyError: 'boom', at test_readers.py:")


# --- deep HTML ------------------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 10_000])
def test_html_nested_too_deep_for_lxml_still_gives_its_text(tmp_path, depth):
    paragraph = "Dock workers returned to work on Thursday after a nine-day strike over pay, the union said."
    page = (f"<html><head><title>Deep page</title><script>var x = 1;</script></head><body>{'<div>' * depth}"
            f"<p>{paragraph}</p><p>Ships sailed.</p>{'</div>' * depth}</body></html>")
    record = read_one(write(tmp_path / "deep.html", page))
    assert record.title == "Deep page"
    assert record.text.startswith(paragraph)
    assert "var x" not in record.text


# --- JSON types -----------------------------------------------------------------


@pytest.mark.parametrize(("record", "reason", "code"), [
    ({"text": 5}, "`text` is a number, expected a string", E_WRONG_TYPE),
    ({"text": 2.5}, "`text` is a number, expected a string", E_WRONG_TYPE),
    ({"text": ["a", "b"]}, "`text` is an array, expected a string; join the paragraphs into one string", E_WRONG_TYPE),
    ({"text": {"a": 1}}, "`text` is an object, expected a string", E_WRONG_TYPE),
    ({"text": False}, "`text` is a boolean, expected a string", E_WRONG_TYPE),
    ({"body": 7}, "`body` is a number, expected a string", E_WRONG_TYPE),
    ({"text": ""}, "no text field: `text` is empty; put the article's text in one of text, content, "
     "content_original, body, article", E_NO_TEXT),
    ({"text": None}, "no text field (expected one of text, content, content_original, body, article)", E_NO_TEXT),
])
def test_jsonl_text_of_the_wrong_type(tmp_path, record, reason, code):
    path = write(tmp_path / "a.jsonl", jsonl(record))
    assert read_one(path) == ReadError(f"{path}:1", reason, code)


def test_jsonl_odd_but_usable_records(tmp_path):
    path = write(tmp_path / "a.jsonl", "\n".join([
        '{"text": "Caf\\ud800 owners", "title": "T\\udfff"}',                   # lone surrogates
        '{"n": ' + "9" * 5000 + ', "text": "Long number."}',                    # above Python's int digits limit
        '{"text": 3, "content": "The content wins."}',                           # a later field has the text
    ]) + "\n")
    assert [(r.text, r.title) for r in read_paths([str(path)])] == [
        ("Caf\ufffd owners", "T\ufffd"), ("Long number.", None), ("The content wins.", None)]


def test_jsonl_nested_too_deeply(tmp_path):
    path = write(tmp_path / "a.jsonl", "[" * 100_000 + "\n" + jsonl({"text": "Fine."}))
    assert list(read_paths([str(path)])) == [
        ReadError(f"{path}:1", "malformed JSON (nested too deeply to read); write one flat JSON object a line",
                  E_MALFORMED_JSON),
        Article(text="Fine.", origin=f"{path}:2", format="jsonl")]


# --- gzip -----------------------------------------------------------------------


def test_truncated_gzip_keeps_the_lines_before_the_cut(tmp_path):
    lines = [{"id": i, "text": f"Article {i} " + "word " * 200} for i in range(400)]
    data = gzip.compress(jsonl(*lines).encode())
    path = write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    records = list(read_paths([str(path)]))
    *articles, error = records
    assert len(articles) > 100 and [a.id for a in articles] == [str(i) for i in range(len(articles))]
    assert error == ReadError(str(path), "not a valid gzip file (it is cut short: the data end before gzip's "
                              "end-of-stream marker); the articles before the cut were read; copy or download "
                              "the file again", E_BAD_GZIP)


def test_concatenated_gzip_members_are_all_read(tmp_path):
    path = write(tmp_path / "two.jsonl.gz", gzip.compress(jsonl({"text": "One."}).encode())
                 + gzip.compress(jsonl({"text": "Two."}).encode()))
    assert [r.text for r in read_paths([str(path)])] == ["One.", "Two."]


def test_plain_text_named_gz(tmp_path):
    path = write(tmp_path / "a.csv.gz", "id,text\n1,One.\n")
    assert read_one(path) == ReadError(str(path), "not a valid gzip file (incorrect header check); compress it with "
                                       "gzip, or drop the .gz suffix if it is plain text", E_BAD_GZIP)


# --- csv ------------------------------------------------------------------------


def test_csv_rows_and_their_problems(tmp_path):
    path = write(tmp_path / "a.csv", (
        b'id,title,text\n'
        b'1,Quoted,"First, with ""quotes"".\n\nSecond paragraph."\n'     # lines 2-4: one good row
        b'2\n'                                                          # a short row
        b'3,Empty,\n'
        b'4,Latin,Caf\xe9\n'
        b'\n'
        b'5,Last,Last row.\n'))
    assert list(read_paths([str(path)])) == [
        Article(text='First, with "quotes".\n\nSecond paragraph.', id="1", title="Quoted", origin=f"{path}:2",
                format="csv"),
        ReadError(f"{path}:5", "no text field: the row has 1 of the header's 3 columns (expected one of text, "
                  "content, content_original, body, article); check the row's commas and quotes", E_NO_TEXT),
        ReadError(f"{path}:6", "no text field: `text` is empty; put the article's text in one of text, content, "
                  "content_original, body, article", E_NO_TEXT),
        ReadError(f"{path}:7", "not valid UTF-8 text (byte 0xe9 in this row); re-save the file as UTF-8", E_ENCODING),
        Article(text="Last row.", id="5", title="Last", origin=f"{path}:9", format="csv"),
    ]


def test_csv_unterminated_quote_names_its_line_and_keeps_the_rows_before(tmp_path):
    path = write(tmp_path / "a.csv", 'id,text\n1,One.\n2,"Two, never closed\n3,Three.\n4,Four.\n')
    assert list(read_paths([str(path)])) == [
        Article(text="One.", id="1", origin=f"{path}:2", format="csv"),
        ReadError(f"{path}:3", "unterminated quote: the quoted field opened on line 3 is never closed, so lines 3-5 "
                  '(the rest of the file) are one field; close the quote (a quote inside a quoted field is written '
                  'twice: "")', E_MALFORMED_CSV),
    ]


def test_csv_quote_left_open_until_the_next_rows_quote(tmp_path):
    path = write(tmp_path / "a.csv", 'id,text\n1,"One, never closed\n2,"Two."\n3,"Three."\n')
    assert list(read_paths([str(path)])) == [
        ReadError(f"{path}:2", "unterminated quote: the quoted field opened on line 2 runs over lines 2-3 and closes "
                  "in the middle of a field (',' expected after '\"'); lines 2-3 were skipped; close the quote where "
                  'the field ends (a quote inside it is written twice: "")', E_MALFORMED_CSV),
        Article(text="Three.", id="3", origin=f"{path}:4", format="csv"),
    ]


def test_csv_sloppy_quotes_on_one_line_are_kept(tmp_path):
    path = write(tmp_path / "a.csv", 'id,text\n1,"He said "hello" today."\n')
    assert read_one(path).text == 'He said hello" today."'


def test_csv_with_old_mac_line_ends(tmp_path):
    path = write(tmp_path / "a.csv", "id,text\r1,One.\r2,Two.\r")
    assert [(r.id, r.origin) for r in read_paths([str(path)])] == [("1", f"{path}:2"), ("2", f"{path}:3")]


def test_csv_row_above_the_size_limit(tmp_path):
    path = write(tmp_path / "a.csv", "id,text\n1," + "a" * 200_000 + "\n2,Two.\n")
    assert list(read_paths([str(path)], max_bytes=150_000)) == [
        ReadError(f"{path}:2", "row starting on line 2 is above the 0.15 MB limit per article", E_TOO_LARGE),
        Article(text="Two.", id="2", origin=f"{path}:3", format="csv")]


# --- stdin as bytes -------------------------------------------------------------


def stdin_bytes(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


@pytest.mark.parametrize(("data", "reason", "code"), [
    (bytes(range(256)) * 4, "input looks like binary data, not text; pipe plain text or JSON lines (one object a "
     "line) to dyad, or pass the file's path", E_BINARY_INPUT),
    (b"Caf\xe9", "not valid UTF-8 text (byte 0xe9 at offset 3); re-save it as UTF-8", E_ENCODING),
    ("The strike ended.".encode("utf-16-le"), "looks like UTF-16LE text without a byte-order mark; convert it to "
     "UTF-8 with iconv -f UTF-16LE -t UTF-8 (dyad reads UTF-16 and UTF-32 only with a byte-order mark)", E_ENCODING),
    (b"", "input is empty", E_EMPTY_INPUT),
])
def test_stdin_bad_bytes(data, reason, code):
    assert list(read_paths(["-"], stdin=stdin_bytes(data))) == [ReadError("<stdin>", reason, code)]


def test_stdin_utf16_text_and_jsonl():
    assert list(read_paths(["-"], stdin=stdin_bytes("The strike ended.".encode("utf-16")))) == [
        Article(text="The strike ended.", origin="<stdin>", format="stdin")]
    assert [r.text for r in read_paths(["-"], stdin=stdin_bytes(jsonl({"text": "A."}).encode("utf-16")))] == ["A."]


def test_stdin_closed():
    closed = io.StringIO()
    closed.close()
    assert list(read_paths(["-"], stdin=closed)) == [ReadError(
        "<stdin>", "standard input is closed; pipe an article to it or pass a path", E_INPUT_UNREADABLE)]
