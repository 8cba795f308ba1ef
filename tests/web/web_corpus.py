"""The invented articles the web tests ingest, and the XSS payloads they carry."""
from __future__ import annotations

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

# Invented articles: short, with cooperation and conflict between the same two countries in two months.
ARTICLES = {
    "talks.txt": (
        "Norway and Sweden agree to resume fishing talks\n\n"
        "Norwegian Foreign Minister Lars Haugland met his Swedish counterpart Karin Lindqvist "
        "in Oslo on 3 February. Norway praised Sweden for its help after the storm.\n\n"
        "\u201cWe will return to the table within a month,\u201d Haugland told reporters after the meeting.\n\n"
        "The European Union urged both governments to settle the quota dispute.\n\n"
        "Share this article\n\nComments are closed."
    ),
    "dispute.txt": (
        "Sweden accuses Norway of breaking fishing deal\n\n"
        "Sweden accused Norway on 12 March of breaking the fishing agreement. Norway rejected the accusation.\n\n"
        "Denmark criticized Sweden for the harsh words and urged Norway to publish the catch data."
    ),
    "xss.txt": (
        f"Finland condemns {XSS_IMG} attack\n\n"
        f"Finland condemned Estonia on 20 March. The statement read {XSS_SCRIPT} and also {XSS_IMG} in full.\n\n"
        "Estonia denied the report."
    ),
}
