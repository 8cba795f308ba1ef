"""``dyad eval DIR``: precision, recall and F1 against gold articles."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import BadOption
from .options import DEFAULT_MODEL, Model


def evaluate(
    gold: Path = typer.Argument(..., help="A gold YAML file or a directory of them (tests/gold); or `plover` to "
                                "score event types and actors on the PLOVER gold records (--data); or `merge` "
                                "(or a merge-pairs .tsv) to score event merging on hand-labelled pairs."),
    model: Model = DEFAULT_MODEL,
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    per_file: bool = typer.Option(False, "--per-file", help="Also show figures per gold file."),
    files: str = typer.Option(None, "--files", help="Only the files numbered in this range, e.g. 51-60 "
                              "(the blind held-out set) or 1-15."),
    every: int = typer.Option(1, "--every", help="For `dyad eval places`: keep every N-th sentence "
                              "(a deterministic subsample)."),
    data: Path = typer.Option(None, "--data", help="For `dyad eval plover`: the plover_gsr_dev folder "
                              "(default ../shared/data/plover_gsr_dev); for `dyad eval merge`: the AllSides "
                              "JSONL(.gz) the pairs' articles come from."),
    half: str = typer.Option(None, "--half", help="For `dyad eval plover` and `dyad eval places`: only the "
                             "records at even or odd positions (`even` is studied, `odd` held out)."),
    window_days: int = typer.Option(1, "--window-days", help="For `dyad eval merge`: the merging date window."),
    monadic: bool = typer.Option(False, "--monadic", help="For `dyad eval merge`: also keep events with only one "
                                 "resolved actor (as `dyad ingest --monadic`)."),
) -> None:
    """Score dyad against team-written gold articles, or (`dyad eval plover`) the PLOVER gold records."""
    if str(gold) == "plover" and not gold.exists():
        _plover(model, data, as_json, half)
        return
    if gold.suffix == ".tsv" or (str(gold) == "merge" and not gold.exists()):
        _merge(model, gold, data, as_json, window_days, monadic)
        return
    if str(gold) == "places" and not gold.exists():
        _places(model, data, as_json, every, half)
        return
    from ..eval.scorer import evaluate as run
    from ..pipeline import Pipeline

    numbers = None
    if files is not None:
        low, _, high = files.partition("-")
        if not (low.isdigit() and (high or low).isdigit()) or int(low) > int(high or low):
            raise BadOption("--files", files, "a range of file numbers such as 51-60 or 7")
        numbers = range(int(low), int(high or low) + 1)
    total, files_scored = run(gold, Pipeline(model), numbers)
    if total.articles == 0:
        raise BadOption("--files", files, f"numbers of gold files under {gold}")
    if as_json:
        payload = total.as_dict()
        if per_file:
            payload["files"] = {p.name: r.as_dict() for p, r in files_scored}
        print(json.dumps(payload, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"dyad eval: {total.articles} gold article(s)")
    for column in ("", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    rows = [("actors", total.actors), ("events (src, tgt, root)", total.events),
            ("quotes (span)", total.quotes), ("quotes (span + speaker)", total.quote_speakers),
            ("actor roles", total.roles), ("affiliations", total.affiliations), ("memberships", total.members),
            ("coreference (gold-listed mentions)", total.coreference)]
    if per_file:
        rows += [(f"  {p.stem} events", r.events) for p, r in files_scored]
    for name, c in rows:
        table.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
    Console().print(table)
    d = total.as_dict()
    Console().print(f"on matched events: realis accuracy {d['event_realis_accuracy']}, date accuracy "
                    f"{d['event_date_accuracy']} (gold events with a date), place country accuracy {d['event_place_accuracy']}\n"
                    f"on matched actors: country accuracy {d['actor_country_accuracy']}, sector accuracy {d['actor_sector_accuracy']}")


def _plover(model: str, data: Path | None, as_json: bool, half: str | None) -> None:
    from ..eval.plover import DEFAULT_DIR, HALVES, format_report, load_plover, score_plover, select_half
    from ..pipeline import Pipeline

    root = data or DEFAULT_DIR
    if not (root / "PLOVER_GSR_dev.json").is_file() and not root.is_file():
        raise BadOption("--data", str(root), "the plover_gsr_dev folder holding PLOVER_GSR_dev.json")
    if half is not None and half not in HALVES:
        raise BadOption("--half", half, " or ".join(HALVES))
    figures = score_plover(Pipeline(model, monadic=True), select_half(load_plover(root), half))
    print(json.dumps(figures, indent=2) if as_json else format_report(figures))


def _places(model: str, data: Path | None, as_json: bool, every: int, half: str | None = None) -> None:
    """Event places on the event_location sentences (``dyad/eval/places.py``), with --monadic."""
    from ..eval.places import DATA_FILE, DEFAULT_DIR, HALVES, evaluate as run

    root = data or DEFAULT_DIR
    if not (root / DATA_FILE).is_file() and not root.is_file():
        raise BadOption("--data", str(root), f"the event_location_dev folder holding {DATA_FILE}")
    if every < 1:
        raise BadOption("--every", str(every), "a whole number of at least 1")
    if half is not None and half not in HALVES:
        raise BadOption("--half", half, " or ".join(HALVES))
    figures = run(root, model, every=every, half=half).as_dict()
    if as_json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{figures['sentences']} sentences: an event on the gold verb {figures['on_verb_rate']}; of those, "
          f"the gold place {figures['place_accuracy']} ({figures['with_place']} with a gold place), no place "
          f"{figures['no_place_rate']} ({figures['without_place']} without); {figures['seconds']} s\n"
          "place accuracy on the team's gold articles: `dyad eval tests/gold` (place country accuracy)")


def _merge(model: str, gold: Path, data: Path | None, as_json: bool, window_days: int, monadic: bool) -> None:
    """Ingest only the pairs' articles into a temporary store (one worker), merge, score the pairs."""
    import tempfile

    from ..engines.ingest import ingest
    from ..eval.merge_pairs import DEFAULT_CORPUS, DEFAULT_PAIRS, format_report, read_pairs, score_store, select_articles
    from ..store import Store

    pairs_path = DEFAULT_PAIRS if str(gold) == "merge" else gold
    corpus = data or DEFAULT_CORPUS
    if not pairs_path.is_file():
        raise BadOption("PAIRS", str(pairs_path), "a merge-pairs TSV such as tests/gold/merge_pairs.tsv")
    if not corpus.is_file():
        raise BadOption("--data", str(corpus), "the AllSides JSONL(.gz) holding the pairs' articles")
    if window_days < 0:
        raise BadOption("--window-days", str(window_days), "a number of days >= 0")
    pairs = read_pairs(pairs_path)
    with tempfile.TemporaryDirectory(prefix="dyad-merge-") as tmp:
        articles = Path(tmp) / "articles.jsonl"
        articles.write_text("".join(select_articles(corpus, {r.doc for p in pairs for r in (p.a, p.b)})),
                            encoding="utf-8")
        with Store.open(Path(tmp) / "merge.duckdb") as store:
            ingest(store, [str(articles)], model=model, workers=1, merge_window_days=window_days, monadic=monadic)
            figures = score_store(store, pairs).as_dict()
    print(json.dumps(figures, indent=2) if as_json else format_report(figures))
