"""ASGI middleware: a cap on request bodies and the security headers every response carries."""
from __future__ import annotations

from fastapi import Request

from ..errors import UploadTooLarge
from .responses import error_response

SECURITY_HEADERS = {
    # Scripts only from this server; Plotly sets inline styles, so styles need 'unsafe-inline'.
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


async def security_headers(request: Request, call_next):
    """Add SECURITY_HEADERS to every response that does not set them itself."""
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class BodyLimit:
    """Refuse a request body over `limit` bytes with 413 before anything parses or spools it.

    `limit` leaves room for form encoding; the refusal names the upload limit users know, `stated`."""

    def __init__(self, app, limit: int, stated: int) -> None:
        self.app = app
        self.limit = limit
        self.stated = stated

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                return await self._refuse(scope, receive, send)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send) -> None:
        request = Request(scope, receive)
        response = error_response(request, UploadTooLarge("the request body", self.stated))
        await response(scope, receive, send)
