"""Documents as JSON lines, in the ``Document.to_dict()`` contract, rebuilt from the tables."""
from __future__ import annotations

import json
from pathlib import Path

from ..store.rows import document_dict

CHUNK = 500


def export_jsonl(store, path: Path) -> int:
    ids = [row[0] for row in store.con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(0, len(ids), CHUNK):  # bounded memory: a chunk of documents at a time
            for doc in iter_documents(store, ids[i:i + CHUNK]):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                count += 1
    return count


def iter_documents(store, ids: list[str]):
    def grouped(table: str) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for row in store.query(f"SELECT * FROM {table} WHERE list_contains(?, document_id)", [ids]):
            out.setdefault(row["document_id"], []).append(row)
        return out

    documents = {r["id"]: r for r in store.query("SELECT * FROM documents WHERE list_contains(?, id)", [ids])}
    actors, mentions, events, quotes = (grouped(t) for t in ("document_actors", "mentions", "events", "quotes"))
    for doc_id in ids:
        yield document_dict(documents[doc_id], actors.get(doc_id, []), mentions.get(doc_id, []),
                            events.get(doc_id, []), quotes.get(doc_id, []))
