"""One corpus actor for a person some articles name by surname alone (issue 14).

An article that says only "Trump" or "Mr. Romney" (no fuller name with that surname: the
actors stage joins a surname to the article's own full name first) stores the surname as
written. Across the corpus that surname is the full-name person of that surname the corpus
names: the one, or the one named in at least ``DOMINANCE`` times as many documents as every
other full-name person of that surname together ("Trump" is Donald Trump next to a few
articles on Melania Trump; "Clinton", between Hillary and Bill, stays "Clinton").

The document rows keep the name each article wrote, so the join is recomputed from them for
the whole corpus after every ingest or load: the same whatever the order articles came in.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .rows import SETTLED_COLUMNS, actor_key, identity_name, settle_sql

DOMINANCE = 4  # the full name that takes a lone surname: named in 4x the documents of all others of it


def surname_targets(documents: Mapping[str, Iterable[str]],
                    codes: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """Identity name of a lone surname, or of a full name with a middle name the corpus also
    names without it ("hillary rodham clinton"), -> the identity name of the person it joins.

    ``documents``: person identity name -> the documents naming it; ``codes``: identity name ->
    the code most of its rows give. When no full name dominates, a surname whose code has a
    sector ("Sen. Sanders", USALEG) weighs only the full names of that sector or none ("Bernie
    Sanders" USALEG, not "Sarah Sanders" USAGOV)."""
    codes = codes or {}
    targets = {}
    for name in documents:
        words = name.split()
        short = f"{words[0]} {words[-1]}" if len(words) > 2 else None
        if short in documents:
            targets[name] = short
    _join_nicknames(documents, targets)
    by_surname: dict[str, Counter] = {}
    for name, docs in documents.items():
        words = name.split()
        if len(words) > 1:
            by_surname.setdefault(words[-1], Counter())[targets.get(name, name)] += len(set(docs))
    for name in documents:
        if " " in name or name not in by_surname:
            continue
        sector = _sector(codes.get(name))
        for agree in (False, True):
            ranked = sorted(((n, full) for full, n in by_surname[name].items()
                             if not agree or _sector(codes.get(full)) in (None, sector)), key=lambda c: (-c[0], c[1]))
            if ranked and ranked[0][0] >= DOMINANCE * sum(n for n, _ in ranked[1:]):
                targets[name] = ranked[0][1]
                break
            if sector is None:
                break
    return targets


def _join_nicknames(documents: Mapping[str, Iterable[str]], targets: dict[str, str]) -> None:
    """Two first-and-last names of one surname whose first names are one name and its nickname
    ("bernard sanders", "bernie sanders"; "thomas tillis", "thom tillis") are one person: the one
    fewer documents name joins the other (``nicknames``' hand-curated English table)."""
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for name, docs in documents.items():
        words = name.split()
        if len(words) == 2 and name not in targets:
            by_surname.setdefault(words[1], []).append((len(set(docs)), name))
    for names in by_surname.values():
        if len(names) < 2:
            continue
        ranked = sorted(names, key=lambda c: (-c[0], c[1]))  # most documented first
        for i, (_, name) in enumerate(ranked):
            first = name.split()[0]
            related = _nicknames().nicknames_of(first) | _nicknames().canonicals_of(first)
            bigger = next((other for _, other in ranked[:i] if other.split()[0] in related), None)
            if bigger is not None:
                targets[name] = targets.get(bigger, bigger)


@lru_cache(maxsize=1)
def _nicknames():
    from nicknames import NickNamer  # noqa: PLC0415 (its table is read on first need)
    return NickNamer()


def _sector(code: str | None) -> str | None:
    """The sector of a CAMEO person code ("USALEG" -> "LEG"), None without one."""
    return code[3:6] or None if code and len(code) >= 6 else None


def join_surnames(store) -> int:
    """Point every document's lone-surname person at the corpus person it is (``surname_targets``),
    or back at the surname when it no longer is one; re-settle the actors touched. Returns how many
    document rows changed. Merged events cluster by actor: rebuild them after a change."""
    import pyarrow as pa

    rows = store.query("SELECT document_id, local_id, name, code, actor_id FROM document_actors WHERE kind = 'PERSON'")
    identities = [identity_name(r["name"], "PERSON") for r in rows]
    documents: dict[str, set[str]] = {}
    votes: dict[str, Counter] = {}
    for row, name in zip(rows, identities):
        documents.setdefault(name, set()).add(row["document_id"])
        if row["code"]:
            votes.setdefault(name, Counter())[row["code"]] += 1
    codes = {name: min(c, key=lambda code: (-c[code], code)) for name, c in votes.items()}
    targets = surname_targets(documents, codes)
    changed = []
    for row, name in zip(rows, identities):
        wanted = actor_key(targets.get(name, name), "PERSON", None)
        if wanted != row["actor_id"]:
            changed.append({"document_id": row["document_id"], "local_id": row["local_id"],
                            "old": row["actor_id"], "new": wanted})
    if not changed:
        return 0
    touched = sorted({c["old"] for c in changed} | {c["new"] for c in changed})
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_moved", pa.Table.from_pylist(changed))
        con.register("_touched", pa.table({"id": pa.array(touched, pa.string())}))
        _repoint(con)
        con.execute("DELETE FROM actors WHERE id IN (SELECT id FROM _touched)")
        con.execute(f"INSERT INTO actors BY NAME SELECT actor_id AS id, {', '.join(SETTLED_COLUMNS)} FROM "
                    f"({settle_sql('document_actors', 'WHERE actor_id IN (SELECT id FROM _touched)')})")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("_moved", "_touched"):
            con.unregister(name)
    return len(changed)


def _repoint(con) -> None:
    """The moved document actors' new id, on them and on every row that holds it."""
    con.execute("UPDATE document_actors SET actor_id = m.new FROM _moved m "
                "WHERE document_actors.document_id = m.document_id AND document_actors.local_id = m.local_id")
    con.execute("UPDATE mentions SET actor_id = m.new FROM _moved m "
                "WHERE mentions.document_id = m.document_id AND mentions.local_actor_id = m.local_id")
    for column, local in (("source_actor_id", "source"), ("target_actor_id", "target"), ("speaker_actor_id", "speaker")):
        con.execute(f"UPDATE events SET {column} = m.new FROM _moved m "
                    f"WHERE events.document_id = m.document_id AND events.{local} = m.local_id")
    con.execute("UPDATE quotes SET speaker_actor_id = m.new FROM _moved m "
                "WHERE quotes.document_id = m.document_id AND quotes.speaker = m.local_id")
