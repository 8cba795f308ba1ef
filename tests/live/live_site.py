"""A small news site on 127.0.0.1 for the live-source tests and ``make demo-watch``: an RSS feed, an Atom
feed named by the home page, a sitemap and a robots.txt, over invented articles written for dyad's tests.

Among the pages: one that 404s, one that answers slowly, a PDF, one robots.txt disallows, a redirect, the
same article under two URLs, and a reposted copy with a reposting site's trailer. ``Site.publish()`` adds
an item to the RSS feed (its ETag changes with it). ``python tests/live/live_site.py --port 8765`` serves it.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Invented news, written for these tests: no real event is reported.
ARTICLES = {
    "harbour-talks": ("Kenya and Tanzania open talks on Lake Victoria harbour fees", "2026-03-02", "Amina Njoroge", [
        "Kenyan officials met Tanzanian negotiators in Mwanza on Monday to discuss the fees charged at the "
        "lake's three largest harbours.",
        "Kenya accused Tanzania of raising the fees twice in one year without notice. Tanzania rejected the "
        "charge and said the money paid for new cranes.",
        "Both delegations agreed to meet again in Kisumu next month.",
    ]),
    "border-accord": ("Peru and Ecuador sign an accord on river patrols", "2026-03-03", "Lucia Paredes", [
        "Peru signed an accord with Ecuador on Tuesday on joint patrols along the rivers of their northern "
        "border.",
        "The foreign ministers of both countries praised the agreement in Lima. Ecuador promised to send "
        "two patrol boats before the rainy season.",
        "Colombia welcomed the accord and offered to share river maps.",
    ]),
    "fisheries": ("Norway and Iceland dispute mackerel quotas", "2026-03-04", "Ola Berg", [
        "Norway criticised Iceland on Wednesday for setting its own mackerel quota for the coming season.",
        "Iceland defended the quota and said the stock had moved north. Norway threatened to close its ports "
        "to Icelandic trawlers if no deal was reached.",
    ]),
    "grain-corridor": ("Ghana and Togo agree to reopen a grain corridor", "2026-03-05", "Kofi Mensah", [
        "Ghana and Togo agreed on Thursday to reopen the road corridor that carries grain between their "
        "capitals.",
        "Togo thanked Ghana for lifting the inspections that had slowed the lorries for a month.",
    ]),
}
TRAILER = ["Source: Lakeside Wire", "3 replies", "Comments are closed."]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@dataclass
class Site:
    """The site's state; the handler reads it on every request."""

    base: str = ""
    slow_seconds: float = 3.0
    feed_items: list[str] = field(default_factory=lambda: [
        "/news/harbour-talks.html", "/news/border-accord.html", "/news/missing.html", "/news/slow.html",
        "/files/report.pdf", "/private/memo.html"])
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, path: str) -> None:
        with self.lock:
            self.feed_items.insert(0, path)

    def rss(self) -> str:
        items = "".join(f"<item><title>{html.escape(self._title(p))}</title><link>{self.base}{p}</link>"
                        f"<guid>{self.base}{p}</guid></item>" for p in self.feed_items)
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Lakeside News</title>'
                f"<link>{self.base}/</link><description>Invented news for dyad's tests</description>{items}"
                "</channel></rss>")

    def atom(self) -> str:
        entries = "".join(f'<entry><title>{html.escape(self._title(p))}</title><link href="{self.base}{p}"/>'
                          f"<id>{self.base}{p}</id><updated>2026-03-03T09:00:00Z</updated></entry>"
                          for p in ("/amp/border-accord.html", "/reposts/harbour-talks.html"))
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Lakeside News</title><id>{self.base}/</id><updated>2026-03-03T09:00:00Z</updated>"
                f"{entries}</feed>")

    def sitemap(self) -> str:
        urls = "".join(f"<url><loc>{self.base}{p}</loc></url>" for p in ("/old/harbour-talks", "/news/fisheries.html"))
        return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def home(self) -> str:
        return ('<!DOCTYPE html><html><head><title>Lakeside News</title>'
                '<link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml"></head>'
                "<body><h1>Lakeside News</h1><p>Invented news for dyad's tests.</p></body></html>")

    def article(self, slug: str, *, canonical: str | None = None, trailer: bool = False) -> str:
        title, date, author, paragraphs = ARTICLES[slug]
        canonical = canonical or f"{self.base}/news/{slug}.html"
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs + (TRAILER if trailer else []))
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'<link rel="canonical" href="{canonical}"><meta name="author" content="{author}">'
                f'<meta property="article:published_time" content="{date}T08:00:00Z"></head><body>'
                f"<header><nav><a href=\"/\">Lakeside News</a></nav></header><main><article>"
                f"<h1>{html.escape(title)}</h1>{body}</article></main><footer>Lakeside News</footer></body></html>")

    def _title(self, path: str) -> str:
        slug = path.rsplit("/", 1)[-1].removesuffix(".html")
        return ARTICLES[slug][0] if slug in ARTICLES else slug


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            with site.lock:
                site.requests.append(self.path)
            path = self.path.split("?")[0]
            if path == "/robots.txt":
                return self._send(200, "text/plain", "User-agent: *\nDisallow: /private/\n"
                                  f"Sitemap: {site.base}/sitemap.xml\n")
            if path == "/":
                return self._send(200, "text/html; charset=utf-8", site.home())
            if path in ("/feed.xml", "/atom.xml", "/sitemap.xml"):
                kind = {"/feed.xml": ("application/rss+xml", site.rss), "/atom.xml": ("application/atom+xml", site.atom),
                        "/sitemap.xml": ("application/xml", site.sitemap)}[path]
                return self._send_listing(kind[0], kind[1]())
            if path == "/news/slow.html":
                time.sleep(site.slow_seconds)
                return self._send(200, "text/html", site.article("fisheries"))
            if path == "/files/report.pdf":
                return self._send(200, "application/pdf", PDF)
            if path == "/old/harbour-talks":
                self.send_response(301)
                self.send_header("Location", "/news/harbour-talks.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if path == "/old/memo":  # a redirect into the disallowed part
                self.send_response(302)
                self.send_header("Location", "/private/memo.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if path == "/private/memo.html":
                return self._send(200, "text/html", site.article("fisheries"))
            if path == "/amp/border-accord.html":  # the same page under a second URL
                return self._send(200, "text/html; charset=utf-8", site.article("border-accord"))
            if path == "/reposts/harbour-talks.html":  # a reposting site's copy, its own URL and a trailer
                return self._send(200, "text/html; charset=utf-8", site.article(
                    "harbour-talks", canonical=f"{site.base}/reposts/harbour-talks.html", trailer=True))
            if path.startswith("/news/") and path.removeprefix("/news/").removesuffix(".html") in ARTICLES:
                return self._send(200, "text/html; charset=utf-8", site.article(path[6:-5]))
            return self._send(404, "text/html", "<html><body><h1>Not found</h1></body></html>")

        def _send_listing(self, content_type: str, text: str) -> None:
            etag = '"' + hashlib.sha256(text.encode()).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(200, content_type, text, etag=etag)

        def _send(self, status: int, content_type: str, body: str | bytes, *, etag: str | None = None) -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                pass

    return Handler


def serve(port: int = 0, **options) -> tuple[ThreadingHTTPServer, Site, threading.Thread]:
    """The site served on 127.0.0.1 in a daemon thread (port 0: any free port)."""
    site = Site(**options)
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="dyad-test-site")
    thread.start()
    return server, site, thread


def sources_text(base: str) -> str:
    return (f"# Lakeside News, invented for dyad's tests\n{base}/feed.xml\n{base}/\n{base}/sitemap.xml\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--sources", help="also write a SOURCES file for `dyad watch` here")
    args = parser.parse_args()
    server, site, _ = serve(args.port)
    if args.sources:
        with open(args.sources, "w", encoding="utf-8") as out:
            out.write(sources_text(site.base))
    print(f"serving invented news at {site.base}/ (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
