"""What a source lists: the SOURCES file, and the article links of a feed, a sitemap or a home page.

trafilatura's feed and sitemap tools come first (``trafilatura.feeds``, ``trafilatura.sitemaps``); they
keep only links that pass courlan's checks (no IP hosts such as 127.0.0.1, no odd ports), and where they
find nothing, feedparser reads the RSS or Atom feed and lxml the sitemap's ``<loc>`` elements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import SourcesFileError
from .http import Response, bad_url

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
              "application/rdf+xml"}
FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)
SITEMAP_START = re.compile(rb"<(?:urlset|sitemapindex)\b")


@dataclass(frozen=True)
class Listing:
    kind: str                  # feed, sitemap or site
    links: list[str]           # article URLs (feed, sitemap) or feed/sitemap URLs (site)


def read_sources(path: str | Path) -> list[str]:
    """The URLs of a SOURCES file: one a line, blank lines and ``#`` comments skipped, in order, once each."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as error:
        raise SourcesFileError(str(path), "no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise SourcesFileError(str(path), f"cannot be read ({error})") from error
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        url = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not url:
            continue
        if problem := bad_url(url):
            raise SourcesFileError(f"{path}:{number}", problem)
        if url not in urls:
            urls.append(url)
    if not urls:
        raise SourcesFileError(str(path), "no source URL in the file")
    return urls


def listing_of(response: Response) -> Listing:
    """The article links of a feed or sitemap, or for a home page the feeds (else sitemaps) it names."""
    body = response.body
    if SITEMAP_START.search(body[:2000]):
        return Listing("sitemap", sitemap_links(response))
    if response.content_type in FEED_TYPES or FEED_START.match(body[:2000]) or body.lstrip().startswith(b"{"):
        return Listing("feed", feed_links(response))
    return Listing("site", site_listings(response))


def feed_links(response: Response) -> list[str]:
    """Item links of an RSS, Atom or JSON feed, in feed order."""
    from trafilatura.feeds import FeedParameters, extract_links

    text = response.body.decode("utf-8", "replace")
    params = FeedParameters(_base(response.final_url), _host(response.final_url), response.final_url)
    links = extract_links(text, params)
    if not links:
        import feedparser

        parsed = feedparser.parse(response.body)
        links = [urljoin(response.final_url, entry.get("link", "")) for entry in parsed.entries if entry.get("link")]
    return _unique(link for link in links if not bad_url(link))


def sitemap_links(response: Response) -> list[str]:
    """Page links of a sitemap, and the sitemaps a sitemap index names (followed on the same round)."""
    from trafilatura.sitemaps import SitemapObject

    text = response.body.decode("utf-8", "replace")
    sitemap = SitemapObject(_base(response.final_url), _host(response.final_url), [])
    sitemap.current_url, sitemap.content = response.final_url, text
    sitemap.process()
    links = sitemap.urls + sitemap.sitemap_urls
    if not links:
        links = _loc_elements(response.body, response.final_url)
    return _unique(link for link in links if not bad_url(link))


def site_listings(response: Response) -> list[str]:
    """The feeds a home page links to (``<link rel=alternate>``, else feed-like ``<a>`` links)."""
    from trafilatura.feeds import FeedParameters, determine_feed

    text = response.body.decode("utf-8", "replace")
    params = FeedParameters(_base(response.final_url), _host(response.final_url), response.final_url)
    return _unique(determine_feed(text, params))


def _loc_elements(body: bytes, base: str) -> list[str]:
    from lxml import etree

    try:
        root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                             recover=True))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    return [urljoin(base, (loc.text or "").strip()) for loc in root.iter("{*}loc") if (loc.text or "").strip()]


def _base(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


def _unique(links) -> list[str]:
    return list(dict.fromkeys(links))
