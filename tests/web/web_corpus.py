"""The invented articles the web tests ingest, and the XSS payloads they carry."""
from __future__ import annotations

import json

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
    # Two more outlets report dispute.txt's happening (Sweden accused Norway on 12 March), each in its own
    # words, so the merged event has three reports from two outlets (the .txt file has no URL, so no domain).
    "outlets.jsonl": "\n".join(json.dumps(record) for record in (
        {"title": "Stockholm says Oslo broke the fishing pact", "published": "2025-03-13",
         "url": "https://nordic-herald.example/2025/03/13/fishing-pact",
         "text": "Stockholm says Oslo broke the fishing pact\n\nSweden accused Norway on 12 March of breaking the "
                 "fishing agreement. Swedish officials said Norwegian boats had taken more cod than the quota "
                 "allowed.\n\nThe Norwegian government said it would answer the charge next week."},
        {"title": "Fishing row: Sweden blames Norway", "published": "2025-03-14",
         "url": "https://baltic-wire.example/news/fishing-row",
         "text": "Fishing row: Sweden blames Norway\n\nSweden accused Norway on Wednesday of breaking the fishing "
                 "agreement between the two neighbours, in the sharpest words of the dispute so far.\n\n"
                 "Officials in Oslo called the charge unfounded."},
    )) + "\n",
}
N_DOCUMENTS = 5  # the three .txt files and the two outlets.jsonl lines
