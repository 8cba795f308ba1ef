"""The text of a saved HTML page: trafilatura's main-text extraction, and for a page nested too deeply
for lxml (libxml2 stops at 256 levels, 2048 in its "huge" mode) the plain text of Python's own parser."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import E_NO_ARTICLE_TEXT
from .decoding import byte_order_mark, decode_bytes
from .records import Article, ReadError, Record, normalize_published

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def html_article(data: bytes, origin: str) -> Record:
    """A saved page's main text, title, URL and date (nothing is fetched), or why there is none."""
    import trafilatura  # heavy; only HTML input needs it

    bom = byte_order_mark(data)
    if bom is not None:  # trafilatura guesses a charset from bytes; a byte-order mark settles it
        text = decode_bytes(data, origin)
        if isinstance(text, ReadError):
            return text
        data = text.encode("utf-8")
    page = data
    main_text = _trafilatura_text(page)
    if not main_text and _too_deep_for_lxml(data):
        # libxml2 stops at 256 levels; its "huge" mode reaches 2048, and past that only plain text is left
        page = _lxml_tree(data, huge=True)
        main_text = _trafilatura_text(page) if page is not None else None
        if not main_text:
            return _plain_html_article(data, origin)
    if not main_text:
        return ReadError(origin, "no article text found in the HTML", E_NO_ARTICLE_TEXT)
    try:  # extraction may have pruned a parsed tree: metadata reads the page afresh
        metadata = trafilatura.extract_metadata(data if page is data else _lxml_tree(data, huge=True))
    except Exception:  # metadata is a bonus; the text is what counts
        metadata = None
    title = (metadata.title or None) if metadata else None
    # trafilatura gives one line per block; blank lines mark paragraphs as in .txt
    paragraphs = [line.strip() for line in main_text.split("\n") if line.strip()]
    if title and len(paragraphs) > 1 and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # the <h1> repeats the title
    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        url=(metadata.url or None) if metadata else None,
        published=normalize_published(metadata.date) if metadata else None,
        origin=origin,
        format="html",
    )


def _trafilatura_text(page) -> str | None:
    import trafilatura

    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True)
    except Exception:  # a page trafilatura chokes on: the plain-text fallback or "no article text" follows
        return None
    return text if text and text.strip() else None


def _lxml_tree(data: bytes, *, huge: bool):
    """The page parsed by lxml, or None when lxml gives up or stops at its depth limit."""
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=huge)
    try:
        tree = lxml.html.fromstring(data, parser=parser)
    except Exception:
        return None
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        return None
    return tree


def _too_deep_for_lxml(data: bytes) -> bool:
    """Whether lxml's default parser stops at its depth limit on this page (trafilatura then sees a stub)."""
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(data, parser=parser)
    except Exception:
        return False
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)


class _PlainText(HTMLParser):
    """The text of a page outside scripts, styles and the head, a paragraph per block element.

    Python's own parser keeps no tree, so nesting has no limit."""

    SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object"})
    BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                        "article", "section", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
                        "table", "tr", "td", "th", "figure", "figcaption", "hr", "form", "address"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping = 0
        self.in_head = False  # until </head> or <body>: pages often leave the head unclosed
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag in self.SKIPPED:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.in_head = False
        elif tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping and not self.in_head:
            self.parts.append(data)


def _plain_html_article(data: bytes, origin: str) -> Record:
    """A page too deeply nested for lxml: its plain text, a paragraph per block, and its title."""
    parser = _PlainText()
    try:
        parser.feed(_html_as_text(data))
        parser.close()
    except Exception:  # html.parser is lenient; whatever it read so far is used
        pass
    paragraphs = [" ".join(block.split()) for block in "".join(parser.parts).split("\n\n")]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if not paragraphs:
        return ReadError(origin, "no article text found in the HTML", E_NO_ARTICLE_TEXT)
    title = " ".join("".join(parser.title).split()) or None
    return Article(text="\n\n".join(paragraphs), title=title, origin=origin, format="html")


def _html_as_text(data: bytes) -> str:
    """UTF-8, else the charset a <meta> tag names, else Windows-1252 (what browsers assume)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if match := META_CHARSET.search(data[:4096]):
        try:
            return data.decode(match[1].decode("ascii"), "replace")
        except LookupError:
            pass
    return data.decode("cp1252", "replace")
