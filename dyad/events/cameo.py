"""The CAMEO event ontology: names, Goldstein scores, QuadClass and PLOVER mapping.

The table ``dyad/data/cameo_codes.tsv`` holds facts (CAMEO codes, Phoenix
Goldstein values) and the 2021 CAMEO->PLOVER mapping by the Open Event Data
Alliance, licensed CC BY-SA 4.0.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data_files import data_path, read_tsv
from ..errors import DataFileError

# PLOVER has no statement or appeal categories. Documented choice: CAMEO 02
# (appeal) is a request in PLOVER's sense; CAMEO 01 (public statement) gets
# dyad's own STATEMENT value, which is not part of PLOVER 2021.
_PLOVER_FOR_ROOT = {"01": "STATEMENT", "02": "REQUEST"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    cameo: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None

    @property
    def root(self) -> str:
        return self.cameo[:2]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    path = data_path("cameo_codes.tsv")
    table: dict[str, CameoCode] = {}
    for lineno, row in read_tsv(path, ("cameo", "name", "goldstein", "quad_class", "plover_event")):
        code = row["cameo"]
        if not code.isdigit() or len(code) not in (2, 3, 4):
            raise DataFileError(str(path), lineno, f"bad CAMEO code {code!r}")
        try:
            goldstein = float(row["goldstein"])
            quad = int(row["quad_class"])
        except ValueError as err:
            raise DataFileError(str(path), lineno, f"bad number ({err})") from err
        plover = row["plover_event"] or _PLOVER_FOR_ROOT.get(code[:2])
        table[code] = CameoCode(code, row["name"], goldstein, quad, plover)
    return table


def lookup(cameo: str) -> CameoCode:
    """The record for ``cameo``; raises KeyError naming the code when unknown."""
    try:
        return cameo_table()[cameo]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {cameo!r}") from None


# CAMEO's own reading of a refused cooperation (the CAMEO manual's 12 REJECT family):
# the refused event's code prefix -> the rejection code. Longest prefix wins.
_REJECT_FOR = {
    "03": "120", "04": "125", "045": "126", "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212", "07": "121",
    "08": "124", "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}


def reject_code(cameo: str) -> str | None:
    """The CAMEO reject code for refusing the cooperative event ``cameo``; None outside 03-08."""
    for length in (3, 2):
        if cameo[:length] in _REJECT_FOR:
            return _REJECT_FOR[cameo[:length]]
    return None
