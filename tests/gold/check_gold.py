#!/usr/bin/env python
"""Validate the dyad gold evaluation files (tests/gold/*.yaml).

Usage:  python tests/gold/check_gold.py [--cameo PATH] [files...]
Exit status 0 when every file is clean, 1 otherwise.
"""
import argparse
import csv
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CAMEO = "/work/shared/reference/cameo_codes.tsv"
TOP_KEYS = {"id", "title", "published", "text", "actors", "events", "quotes"}
TOP_OPT_KEYS = {"coreference"}  # optional (files 16+)
ACTOR_KEYS = {"name", "aliases", "kind", "country", "sector"}
ACTOR_OPT_KEYS = {"roles", "affiliations", "members"}  # optional (files 16+)
ROLE_KEYS = {"title", "organization", "status"}
ROLE_STATUS = {"current", "former", "then"}
COREF_KEYS = {"text", "occurrence", "actor"}
EVENT_KEYS = {"source", "target", "root", "cameo", "trigger", "realis", "date"}
EVENT_OPT_KEYS = {"date_granularity", "place"}  # optional; required in files 36+
EVENT_OPT_REQUIRED_FROM = 36  # first file number whose events must carry them
PLACE_KEYS = {"name", "country"}
GRANULARITY = {"day": 3, "month": 2, "year": 1}  # granularity -> number of date parts
QUOTE_KEYS = {"text", "speaker", "kind"}
KINDS = {"PERSON", "ORGANIZATION", "COUNTRY", "IGO", "GROUP"}
REALIS = {"asserted", "negated", "intended", "requested", "hypothetical"}
QUOTE_KINDS = {"direct", "indirect"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_cameo(path):
    with open(path, encoding="utf-8") as fh:
        return {row["cameo"].strip() for row in csv.DictReader(fh, delimiter="\t")}


def occurs(surface, text):
    """Case-sensitive literal occurrence with word boundaries."""
    return re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text) is not None


def occurrences(surface, text):
    """Start offsets of case-sensitive whole-word occurrences of surface."""
    return [m.start() for m in
            re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]


def check_file(path, cameo):
    errs = []
    fname = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
    except Exception as exc:  # noqa: BLE001
        return [f"YAML error: {exc}"]
    if not isinstance(doc, dict):
        return ["top level is not a mapping"]
    missing = TOP_KEYS - doc.keys()
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
    extra = doc.keys() - TOP_KEYS - TOP_OPT_KEYS
    if extra:
        errs.append(f"unknown top-level keys {sorted(extra)}")
    text = doc.get("text") or ""
    if not isinstance(text, str) or not text.strip():
        errs.append("empty text")
        text = ""
    if not str(doc.get("id", "")).startswith("gold-" + fname[:2]):
        errs.append(f"id {doc.get('id')!r} does not match file number")
    if not DATE_RE.match(str(doc.get("published", ""))):
        errs.append(f"bad published date {doc.get('published')!r}")
    nwords = len(text.split())
    if not 100 <= nwords <= 280:
        errs.append(f"text has {nwords} words (expected ~120-250)")

    names = set()
    for i, a in enumerate(doc.get("actors") or []):
        tag = f"actor[{i}] {a.get('name')!r}"
        if not ACTOR_KEYS <= set(a.keys()) <= ACTOR_KEYS | ACTOR_OPT_KEYS:
            errs.append(f"{tag}: keys {sorted(a.keys())} != {sorted(ACTOR_KEYS)}"
                        f" (+ optional {sorted(ACTOR_OPT_KEYS)})")
        if a.get("kind") not in KINDS:
            errs.append(f"{tag}: bad kind {a.get('kind')!r}")
        c = a.get("country")
        if c is not None and not re.fullmatch(r"[A-Z]{3}", str(c)):
            errs.append(f"{tag}: bad country {c!r}")
        name = a.get("name")
        if name in names:
            errs.append(f"{tag}: duplicate actor name")
        names.add(name)
        if not isinstance(a.get("aliases"), list):
            errs.append(f"{tag}: aliases must be a list")
        surfaces = [name] + list(a.get("aliases") or [])
        if not any(occurs(s, text) for s in surfaces if s):
            errs.append(f"{tag}: no surface form occurs in text")
        for s in a.get("aliases") or []:
            if not occurs(s, text):
                errs.append(f"{tag}: alias {s!r} not in text")
    # name itself must occur too (canonical names are taken from the text)
    for a in doc.get("actors") or []:
        if a.get("name") and not occurs(a["name"], text):
            errs.append(f"actor {a['name']!r}: canonical name not in text")
    if not 4 <= len(names) <= 12:
        errs.append(f"{len(names)} actors (expected 4-10)")
    errs.extend(check_actor_extras(doc, names, text))
    errs.extend(check_coreference(doc, names, text))

    for i, e in enumerate(doc.get("events") or []):
        tag = f"event[{i}] {e.get('cameo')!r} {e.get('trigger')!r}"
        if not EVENT_KEYS <= set(e.keys()) <= EVENT_KEYS | EVENT_OPT_KEYS:
            errs.append(f"{tag}: keys {sorted(e.keys())} != {sorted(EVENT_KEYS)}"
                        f" (+ optional {sorted(EVENT_OPT_KEYS)})")
        for role in ("source", "target"):
            v = e.get(role)
            if v is not None and v not in names:
                errs.append(f"{tag}: {role} {v!r} is not a gold actor")
        code, root = e.get("cameo"), e.get("root")
        if not isinstance(code, str) or not isinstance(root, str):
            errs.append(f"{tag}: root/cameo must be quoted strings")
        else:
            if code not in cameo:
                errs.append(f"{tag}: cameo {code!r} not in CAMEO table")
            if root != code[:2] or len(root) != 2:
                errs.append(f"{tag}: root {root!r} != cameo[:2]")
        if e.get("realis") not in REALIS:
            errs.append(f"{tag}: bad realis {e.get('realis')!r}")
        trig = e.get("trigger")
        if not trig or trig not in text:
            errs.append(f"{tag}: trigger not in text")
        d = e.get("date")
        if d is not None and not DATE_RE.match(str(d)):
            errs.append(f"{tag}: bad date {d!r}")
        if e.get("source") is not None and e.get("source") == e.get("target"):
            errs.append(f"{tag}: source == target")
        errs.extend(check_event_extras(e, tag, text, file_number(fname)))

    for i, q in enumerate(doc.get("quotes") or []):
        tag = f"quote[{i}] {str(q.get('text'))[:30]!r}"
        if set(q.keys()) != QUOTE_KEYS:
            errs.append(f"{tag}: keys {sorted(q.keys())} != {sorted(QUOTE_KEYS)}")
        qt = q.get("text")
        if not isinstance(qt, str) or qt not in text:
            errs.append(f"{tag}: text is not a substring of the article")
        elif len(qt.split()) < 4:
            errs.append(f"{tag}: fewer than 4 words")
        sp = q.get("speaker")
        if sp is not None and sp not in names:
            errs.append(f"{tag}: speaker {sp!r} is not a gold actor")
        if q.get("kind") not in QUOTE_KINDS:
            errs.append(f"{tag}: bad kind {q.get('kind')!r}")
    return errs


def file_number(fname):
    """Leading number of a gold file name (NN_slug.yaml), or None."""
    m = re.match(r"(\d+)_", fname)
    return int(m.group(1)) if m else None


def check_event_extras(e, tag, text, number):
    """Optional per-event keys: date_granularity and place.

    Both are optional for backward compatibility, but files numbered
    EVENT_OPT_REQUIRED_FROM and up must give `place` (possibly null) on every
    event and `date_granularity` on every dated event.
    """
    errs = []
    required = number is not None and number >= EVENT_OPT_REQUIRED_FROM
    d = e.get("date")
    if "date_granularity" in e:
        g = e["date_granularity"]
        if d is None:
            if g is not None:
                errs.append(f"{tag}: date_granularity {g!r} given for a null date")
        elif g not in GRANULARITY:
            errs.append(f"{tag}: bad date_granularity {g!r}"
                        f" (expected one of {sorted(GRANULARITY)})")
        elif DATE_RE.match(str(d)) and len(str(d).split("-")) != GRANULARITY[g]:
            errs.append(f"{tag}: date_granularity {g!r} inconsistent with date {d!r}")
    elif required and d is not None:
        errs.append(f"{tag}: dated event without date_granularity")
    if "place" in e:
        pl = e["place"]
        if pl is not None:
            if not isinstance(pl, dict) or set(pl.keys()) != PLACE_KEYS:
                errs.append(f"{tag}: place must be null or a mapping with keys"
                            f" {sorted(PLACE_KEYS)}")
            else:
                pname, pc = pl.get("name"), pl.get("country")
                if not isinstance(pname, str) or not pname.strip():
                    errs.append(f"{tag}: empty place name")
                elif not occurs(pname, text):
                    errs.append(f"{tag}: place name {pname!r} not in text")
                if pc is not None and not re.fullmatch(r"[A-Z]{3}", str(pc)):
                    errs.append(f"{tag}: bad place country {pc!r}")
    elif required:
        errs.append(f"{tag}: missing place (use null when the text gives none)")
    return errs


def check_actor_extras(doc, names, text):
    """Optional per-actor keys: roles, affiliations, members."""
    errs = []
    for a in doc.get("actors") or []:
        tag = f"actor {a.get('name')!r}"
        if "roles" in a:
            roles = a["roles"]
            if not isinstance(roles, list):
                errs.append(f"{tag}: roles must be a list")
                roles = []
            if roles and a.get("kind") != "PERSON":
                errs.append(f"{tag}: roles given for a non-PERSON actor")
            for j, r in enumerate(roles):
                rtag = f"{tag} role[{j}]"
                if not isinstance(r, dict) or set(r.keys()) != ROLE_KEYS:
                    errs.append(f"{rtag}: keys must be {sorted(ROLE_KEYS)}")
                    continue
                title = r.get("title")
                if not isinstance(title, str) or not title.strip():
                    errs.append(f"{rtag}: empty title")
                elif not occurs(title, text):
                    errs.append(f"{rtag}: title {title!r} not in text")
                org = r.get("organization")
                if org is not None and org not in names:
                    errs.append(f"{rtag}: organization {org!r} is not a gold actor")
                if org is not None and org == a.get("name"):
                    errs.append(f"{rtag}: organization is the actor itself")
                if r.get("status") not in ROLE_STATUS:
                    errs.append(f"{rtag}: bad status {r.get('status')!r}")
        for key in ("affiliations", "members"):
            if key not in a:
                continue
            vals = a[key]
            if not isinstance(vals, list):
                errs.append(f"{tag}: {key} must be a list")
                continue
            if len(set(vals)) != len(vals):
                errs.append(f"{tag}: duplicate entries in {key}")
            for v in vals:
                if v not in names:
                    errs.append(f"{tag}: {key} entry {v!r} is not a gold actor")
                elif v == a.get("name"):
                    errs.append(f"{tag}: {key} lists the actor itself")
        if "members" in a and a.get("kind") not in ("ORGANIZATION", "IGO", "GROUP"):
            errs.append(f"{tag}: members given for a {a.get('kind')} actor")
    return errs


def check_coreference(doc, names, text):
    """Optional top-level list of pronoun/description mentions."""
    errs = []
    if "coreference" not in doc:
        return errs
    corefs = doc["coreference"]
    if not isinstance(corefs, list):
        return ["coreference must be a list"]
    seen = set()
    for i, c in enumerate(corefs):
        tag = f"coreference[{i}]"
        if not isinstance(c, dict) or set(c.keys()) != COREF_KEYS:
            errs.append(f"{tag}: keys must be {sorted(COREF_KEYS)}")
            continue
        mention, occ, actor = c.get("text"), c.get("occurrence"), c.get("actor")
        tag = f"coreference[{i}] {mention!r}#{occ}"
        if actor not in names:
            errs.append(f"{tag}: actor {actor!r} is not a gold actor")
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errs.append(f"{tag}: occurrence must be an integer >= 1")
            continue
        if not isinstance(mention, str) or not mention.strip():
            errs.append(f"{tag}: empty mention text")
            continue
        n = len(occurrences(mention, text))
        if occ > n:
            errs.append(f"{tag}: only {n} whole-word occurrence(s) in text")
        if (mention, occ) in seen:
            errs.append(f"{tag}: duplicate mention")
        seen.add((mention, occ))
    return errs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cameo", default=DEFAULT_CAMEO)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    cameo = load_cameo(args.cameo)
    files = args.files or sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.yaml")))
    bad = 0
    ids = set()
    for f in files:
        errs = check_file(f, cameo)
        with open(f, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh) or {}
        if isinstance(doc, dict):
            if doc.get("id") in ids:
                errs.append(f"duplicate id {doc.get('id')!r}")
            ids.add(doc.get("id"))
            counts = "actors=%d events=%d quotes=%d" % tuple(
                len(doc.get(k) or []) for k in ("actors", "events", "quotes"))
            acts = [a for a in doc.get("actors") or [] if isinstance(a, dict)]
            if "coreference" in doc or any(ACTOR_OPT_KEYS & a.keys() for a in acts):
                counts += " coreference=%d roles=%d members=%d" % (
                    len(doc.get("coreference") or []),
                    sum(len(a.get("roles") or []) for a in acts),
                    sum(len(a.get("members") or []) for a in acts))
            evs = [e for e in doc.get("events") or [] if isinstance(e, dict)]
            if any(EVENT_OPT_KEYS & e.keys() for e in evs):
                counts += " dated=%d placed=%d" % (
                    sum(e.get("date") is not None for e in evs),
                    sum(isinstance(e.get("place"), dict) for e in evs))
        else:
            counts = ""
        status = "OK " if not errs else "ERR"
        print(f"{status} {os.path.basename(f)} {counts}")
        for e in errs:
            print(f"    - {e}")
        bad += bool(errs)
    print(f"{len(files)} files, {bad} with errors")
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main())
