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

# PentaClass, the five-way grouping of CAMEO roots used with Phoenix-style data (not GDELT's QuadClass):
# 0 statement, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
PENTACLASS_BY_ROOT = {
    "01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 2,
    "10": 3, "11": 3, "12": 3, "13": 3, "16": 3, "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4,
}


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


# PLOVER returns one event category, never a category plus a mode (PLOVER manual, "special cases"
# and AGREE): cooperation of types CONSULT, SUPPORT, COOPERATE and AID told in the future is AGREE
# (RETREAT and CONCEDE in the future stay as they are); a coercive or forceful act that is only
# announced or hangs on a condition is THREATEN ("ASSAULT + hypothetical"), and so is a strike,
# boycott or blockade (CAMEO 143, 144), the THREATEN mode "restrict"; a march to come stays PROTEST.
_PLOVER_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_PLOVER_THREATENED = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_THREATENED_RESTRICTIONS = ("143", "144")  # strikes and boycotts, obstruction and blockades


def plover_type(code: CameoCode, realis: str) -> str | None:
    """The PLOVER category of an event of ``code`` with ``realis`` (see above)."""
    if realis == "intended" and code.plover in _PLOVER_FUTURE_AGREE:
        return "AGREE"
    if realis in ("intended", "hypothetical") and (code.plover in _PLOVER_THREATENED
                                                   or code.cameo.startswith(_THREATENED_RESTRICTIONS)):
        return "THREATEN"
    return code.plover


# CAMEO's own reading of a refused cooperation (the CAMEO manual's 12 REJECT family):
# the refused event's code prefix -> the rejection code. Longest prefix wins.
_REJECT_FOR = {
    "03": "120", "04": "125", "045": "126", "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212", "07": "121",
    "08": "124", "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}


def reject_code(cameo: str) -> str | None:
    """The CAMEO reject code for refusing the cooperative event ``cameo``; None outside 03-08."""
    return _by_prefix(_REJECT_FOR, cameo)


# CAMEO codes what was said about an act, not the act: agreeing, offering or pledging to
# cooperate is 03 "express intent", asking someone to is 02 "appeal", announcing force or
# sanctions against someone is 13 "threaten" (CAMEO manual 1.1b3, families 02, 03, 13).
# The substantive code's prefix -> the code of the intent, appeal or threat. Longest prefix wins.
_INTENT_FOR = {
    "04": "036", "045": "039", "046": "036",
    "05": "032", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
}
# CAMEO's 02 family parallels its 03 family digit for digit (0233 appeal for / 0333 intent to
# provide humanitarian aid), except that mediation is 028 (appeal to mediate) against 039
_APPEAL_FOR = {prefix: "02" + code[2:] for prefix, code in _INTENT_FOR.items()} | {"03": "020", "045": "028"}
_THREAT_FOR = {
    "14": "133", "15": "138",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "130", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "175": "137",
    "18": "1383", "19": "138", "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
    "20": "1383", "204": "1385",
}


# Cutting, halting or cancelling a cooperative act is CAMEO's 16 "reduce relations":
# "reduced military aid" -> 1622, "halted talks" -> 164, "cancelled a visit" -> 160.
_REDUCE_FOR = {
    "03": "160", "04": "160", "045": "165", "046": "164",
    "05": "160", "054": "161", "06": "160",  # "cut diplomatic ties" undoes recognition: 161
    "07": "162", "071": "1621", "072": "1622", "073": "1623", "074": "1661",
}


def _by_prefix(table: dict[str, str], cameo: str) -> str | None:
    """The value of the longest prefix of ``cameo`` that ``table`` has."""
    return next((table[cameo[:n]] for n in (4, 3, 2) if cameo[:n] in table), None)


def intent_code(cameo: str) -> str | None:
    """The 03 code for expressing the intent to do the cooperative ``cameo`` ("agreed to lift
    sanctions" -> 0351); None outside 04-08 (a hostile intent is a threat: ``threat_code``)."""
    return _by_prefix(_INTENT_FOR, cameo)


def threat_code(cameo: str) -> str:
    """The 13 code for threatening to do ``cameo``: the hostile act's own threat when CAMEO has
    one ("threatened sanctions" -> 1312), else plain 130 ("threatened to pull out")."""
    return _by_prefix(_THREAT_FOR, cameo) or "130"


# "X said Y must release the crew": an obligation laid on someone else is a demand (CAMEO 10),
# the demand parallel to the appeal for the same act
_DEMAND_FOR_APPEAL = {
    "020": "100", "021": "100", "0211": "1011", "0212": "1012", "0213": "1013", "0214": "1014",
    "022": "102", "023": "103", "0231": "1031", "0232": "1032", "0233": "1033", "0234": "1034",
    "024": "104", "0241": "1041", "0242": "1042", "0243": "1043", "0244": "1044",
    "025": "100", "0251": "1051", "0252": "1052", "0253": "1053", "0254": "1054", "0255": "1055", "0256": "1056",
    "026": "108", "027": "100", "028": "105",
}


def demand_code(cameo: str) -> str | None:
    """The 10 code for demanding that someone do the cooperative ``cameo`` ("must withdraw
    its forces" -> 106, "must release the crew" -> 1053); None outside 03-08."""
    if cameo.startswith("0874"):
        return "106"
    if cameo.startswith("0871"):
        return "107"
    appeal = appeal_code(cameo)
    return _DEMAND_FOR_APPEAL.get(appeal) if appeal else None


def reduce_code(cameo: str) -> str | None:
    """The 16 code for cutting or halting the cooperative ``cameo`` ("suspended humanitarian
    aid" -> 1623); None outside 03-07."""
    return _by_prefix(_REDUCE_FOR, cameo)


def appeal_code(cameo: str) -> str | None:
    """The 02 code for asking someone to do the cooperative ``cameo`` ("urged Tehran to release
    the crew" -> 0253); None outside 03-08."""
    return _by_prefix(_APPEAL_FOR, cameo)
