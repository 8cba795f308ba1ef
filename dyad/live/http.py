"""Polite HTTP for ``dyad fetch`` and ``dyad watch``: the standard library's urllib, one request at a time,
a pause between two requests to the same host, robots.txt honoured, a user agent naming dyad, timeouts,
retries with backoff, and a cap on the bytes read.

A request gives a ``Response`` or a ``FetchFailure`` (a code from ``dyad.errors`` and a reason naming the
URL's problem): nothing here raises on a bad page, so a run goes on with the next URL.
"""
from __future__ import annotations

import datetime as dt
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from ..errors import (E_FETCH_BAD_URL, E_FETCH_DISALLOWED, E_FETCH_HTTP, E_FETCH_NETWORK, E_FETCH_NOT_HTML,
                      E_FETCH_TIMEOUT, E_FETCH_TOO_LARGE)
from ..version import __version__

USER_AGENT = f"dyad/{__version__} (political event data from news text; robots.txt honoured)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    """The politeness settings; each is a ``dyad fetch``/``dyad watch`` option of the same name."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0        # seconds to connect and for each read
    delay: float = 2.0           # seconds between two requests to the same host
    retries: int = 2             # more tries after a timeout, a network error, a 429 or a 5xx
    backoff: float = 2.0         # seconds before the first retry, doubled for each next one
    max_bytes: int = 5_000_000   # a page or listing larger than this is not read


@dataclass(frozen=True)
class Response:
    url: str                     # as asked for
    final_url: str               # after redirects
    status: int                  # 200, or 304 when a conditional GET found nothing new
    headers: dict[str, str]
    body: bytes
    fetched: dt.datetime

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES


@dataclass(frozen=True)
class FetchFailure:
    url: str
    code: str                    # an E05x code of dyad.errors
    reason: str
    status: int | None = None    # the HTTP status, when there was one
    permanent: bool = True       # False for a timeout, a network error or a 5xx: worth trying next round

    def __str__(self) -> str:
        return f"[{self.code}] {self.reason}"


class _NotModifiedPasses(urllib.request.HTTPErrorProcessor):
    """Let 304 through as a response (urllib calls every non-2xx an error)."""

    def http_response(self, request, response):
        if response.status == 304:
            return response
        return super().http_response(request, response)

    https_response = http_response


class _RedirectDisallowed(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _PoliteRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only where robots.txt allows dyad."""

    def __init__(self, allowed: Callable[[str], bool]) -> None:
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not self.allowed(newurl):
            raise _RedirectDisallowed(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Fetcher:
    """Fetches URLs politely; keeps each host's robots.txt and the time of its last request."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    last_request: dict[str, float] = field(default_factory=dict)
    robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    requests: int = 0

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(_NotModifiedPasses(), _PoliteRedirects(self.allowed))

    def get(self, url: str, *, html: bool = False, etag: str | None = None,
            last_modified: str | None = None) -> Response | FetchFailure:
        """``url`` fetched (robots.txt first); with ``html`` anything but an HTML page is a failure."""
        problem = bad_url(url)
        if problem:
            return FetchFailure(url, E_FETCH_BAD_URL, problem)
        if not self.allowed(url):
            return FetchFailure(url, E_FETCH_DISALLOWED, f"{url} is disallowed for dyad by the site's robots.txt; "
                                "dyad does not fetch it (remove it from the sources, or ask the site)")
        headers = {"If-None-Match": etag, "If-Modified-Since": last_modified}
        result = self.request(url, {k: v for k, v in headers.items() if v})
        if isinstance(result, Response) and html and result.status != 304 and not result.is_html:
            return FetchFailure(url, E_FETCH_NOT_HTML, f"{url} is {result.content_type or 'of no stated type'}, "
                                "not an HTML page; dyad reads HTML articles only", result.status)
        return result

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets dyad's user agent fetch ``url`` (no robots.txt: yes; 401/403: no)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.robots:
            parser = urllib.robotparser.RobotFileParser(urljoin(host, "/robots.txt"))
            self.robots[host] = _allow_all(parser.url)  # while it is read: a redirect of robots.txt cannot loop
            result = self.request(parser.url, {})
            if isinstance(result, Response):
                parser.parse(result.body.decode("utf-8", "replace").splitlines())
            elif result.status in (401, 403):
                parser.disallow_all = True
            else:  # no robots.txt (404), or it could not be read: everything is allowed
                parser.allow_all = True
            self.robots[host] = parser
        return self.robots[host].can_fetch(self.settings.user_agent, url)

    def request(self, url: str, headers: dict[str, str]) -> Response | FetchFailure:
        """One GET with retries and backoff for what may pass (timeouts, network errors, 429, 5xx)."""
        failure: FetchFailure | None = None
        for attempt in range(self.settings.retries + 1):
            if attempt:
                self.sleep(self.settings.backoff * 2 ** (attempt - 1))
            result = self._once(url, headers)
            if isinstance(result, Response) or result.permanent:
                return result
            failure = result
        return failure

    def _once(self, url: str, headers: dict[str, str]) -> Response | FetchFailure:
        self._wait_for_host(url)
        request = urllib.request.Request(url, headers={"User-Agent": self.settings.user_agent,
                                                       "Accept": "text/html,application/xhtml+xml,application/xml,"
                                                                 "application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5",
                                                       **headers})
        self.requests += 1
        try:
            with self.opener.open(request, timeout=self.settings.timeout) as answer:
                return self._read(url, answer)
        except _RedirectDisallowed as stop:
            return FetchFailure(url, E_FETCH_DISALLOWED, f"{url} redirects to {stop.target}, which the site's "
                                "robots.txt disallows for dyad; dyad does not follow it")
        except urllib.error.HTTPError as error:
            status = error.code
            return FetchFailure(url, E_FETCH_HTTP, f"{url} answered HTTP {status} {error.reason}",
                                status, permanent=status not in RETRY_STATUSES)
        except (TimeoutError, socket.timeout):
            return self._timeout(url)
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                return self._timeout(url)
            return FetchFailure(url, E_FETCH_NETWORK, f"{url} could not be reached ({error.reason}); check the "
                                "host name and the network", permanent=False)
        except (OSError, ValueError) as error:  # a reset connection, a malformed answer
            return FetchFailure(url, E_FETCH_NETWORK, f"{url} could not be read ({error})", permanent=False)
        finally:
            self.last_request[urlsplit(url).netloc] = self.clock()

    def _read(self, url: str, answer) -> Response | FetchFailure:
        limit = self.settings.max_bytes
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            return self._too_large(url, int(declared), answer.status)
        body = answer.read(limit + 1)
        if len(body) > limit:
            return self._too_large(url, None, answer.status)
        return Response(url=url, final_url=answer.geturl(), status=answer.status, headers=_lower(answer.headers),
                        body=body, fetched=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))

    def _too_large(self, url: str, size: int | None, status: int) -> FetchFailure:
        shown = f"{size:,} bytes" if size else "larger"
        return FetchFailure(url, E_FETCH_TOO_LARGE, f"{url} is {shown}, above the {self.settings.max_bytes:,}-byte "
                            "limit; raise --max-bytes to read it", status)

    def _timeout(self, url: str) -> FetchFailure:
        return FetchFailure(url, E_FETCH_TIMEOUT, f"{url} did not answer within {self.settings.timeout:g} s "
                            f"({self.settings.retries + 1} tries); raise --timeout or try later", permanent=False)

    def _wait_for_host(self, url: str) -> None:
        last = self.last_request.get(urlsplit(url).netloc)
        if last is not None:
            wait = self.settings.delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)


def _allow_all(url: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser(url)
    parser.allow_all = True
    return parser


def bad_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{url!r} is not an http:// or https:// URL"
    return None


def _lower(headers: Message) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}
