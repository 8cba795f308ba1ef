"""Freeze the model's parse of a text into a table a test can build the same ``Doc`` from.

    python tools/doc_table.py "Serbia refused to meet Kosovo in Brussels."
    python tools/doc_table.py --file article.txt
    echo "Kenya condemned the attack." | python tools/doc_table.py -

The text is cleaned and parsed exactly as ``dyad.Pipeline`` does (``clean_text``, then
``load_model``, paragraph boundaries included), and printed one token a line::

    # Serbia refused to meet Kosovo in Brussels.
    # i  word      tag  pos    dep    head  lemma     ent    ws
     >0  Serbia    NNP  PROPN  nsubj  1     Serbia    B-GPE  1
      1  refused   VBD  VERB   ROOT   1     refuse    O      1
    ...

``i`` is the token's index, with ``>`` where a sentence starts; ``head`` is the index of
the token's head (a root heads itself); ``ent`` is IOB plus label (``O`` outside any
entity); ``ws`` is 1 when a space follows the token, else 0. In ``word`` and ``lemma`` a
backslash escapes whitespace (``\\n`` newline, ``\\s`` space, ``\\t`` tab, ``\\\\``
backslash). ``tests/handmade.py`` (``doc_from_table``) reads the table back; paste it into a
test as a string and the test no longer needs the model.
"""
from __future__ import annotations

import argparse
import sys

COLUMNS = ("i", "word", "tag", "pos", "dep", "head", "lemma", "ent", "ws")

_ESCAPES = (("\\", "\\\\"), ("\n", "\\n"), (" ", "\\s"), ("\t", "\\t"), ("\r", "\\r"))


def escape(value: str) -> str:
    """One table cell: whitespace spelled out so a cell never contains a blank; "" is ``\\0``."""
    if value == "":
        return "\\0"
    for raw, escaped in _ESCAPES:
        value = value.replace(raw, escaped)
    return value


def format_table(doc) -> str:
    """The table of ``doc``: a comment with its text, the column header, one row per token."""
    rows = []
    for tok in doc:
        ent = f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_iob_ in ("B", "I") else (tok.ent_iob_ or "-")
        rows.append((
            (">" if tok.is_sent_start else "") + str(tok.i), escape(tok.text), escape(tok.tag_), escape(tok.pos_),
            escape(tok.dep_), str(tok.head.i), escape(tok.lemma_), ent, "1" if tok.whitespace_ else "0",
        ))
    widths = [max(len(column), *(len(row[n]) for row in rows)) for n, column in enumerate(COLUMNS)]
    widths[0] = max(widths[0], 3)  # room for the "# " of the header above ">12"

    def line(cells) -> str:
        return "  ".join(cell.rjust(widths[0]) if n == 0 else cell.ljust(widths[n]) for n, cell in enumerate(cells)).rstrip()

    header = line(COLUMNS)
    header = "#" + header[1:] if header.startswith(" ") else "# " + header
    text = doc.text.replace("\n", "\\n")
    return "\n".join([f"# {text}", header, *(line(row) for row in rows)])


def parse(text: str):
    """``text`` as the pipeline sees it: cleaned, then parsed by dyad's spaCy pipeline."""
    from dyad.clean import clean_text
    from dyad.pipeline import load_model

    return load_model()(clean_text(text).text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", nargs="?", help="the text to parse; '-' reads standard input")
    parser.add_argument("--file", help="read the text from this file (UTF-8)")
    args = parser.parse_args(argv)
    if args.file:
        with open(args.file, encoding="utf-8") as handle:
            text = handle.read()
    elif args.text == "-":
        text = sys.stdin.read()
    elif args.text:
        text = args.text
    else:
        parser.error("give a text, '-' for standard input, or --file PATH")
    print(format_table(parse(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
