"""Importing PETRARCH/TABARI dictionaries: hand-written snippets, then the real Phoenix files."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dyad.actors.kb import KnowledgeBase, load_agents, load_organizations
from dyad.actors.kb_import import (
    ActorRecord,
    AgentRecord,
    Role,
    display_name,
    parse_actors,
    parse_agents,
    read_dictionary,
    tabari_date,
    write_agents_tsv,
    write_organizations_tsv,
)
from dyad.cli.kb import kb_app
from dyad.errors import DictionaryFileError

PHOENIX = Path("/work/shared/reference/phoenix")

ACTORS = """\
# a comment line
RUSSIA_  [RUS]
+RUSSIAN_FEDERATION_
+KREMLIN # the seat of government

SERGEY_LAVROV_  # CountryInfo.txt
+SERGEI_LAVROV
\t[RUSGOV 19940922-20040712] # Amb. to UN
\t[RUSGOV >20040309]
BORIS_YELTSIN_
+BORIS_N._YELTSIN
\t[RUSELI <910710]
\t[RUSGOV 910710-991231]
NORTH_ATLANTIC_TREATY_ORGANIZATION_ [IGOWSTNAT]
+NATO
ABDUL_QADIR_
HAFIZULLAH_AMIN_
\t[AFGELI]
INDIAN_OCEAN  [---]
SOMEONE_ [XYZGOV 991301-000101]
\t[XYZGOV 2004017]
"""


def test_actor_constructs():
    result = parse_actors(ACTORS.splitlines(), origin="test.actors")
    assert result.records == [
        ActorRecord("Russia", ("Russian Federation", "Kremlin"), (Role("RUS", None, None),), 2),
        ActorRecord("Sergey Lavrov", ("Sergei Lavrov",),
                    (Role("RUSGOV", "1994-09-22", "2004-07-12"), Role("RUSGOV", "2004-03-09", None)), 6),
        ActorRecord("Boris Yeltsin", ("Boris N. Yeltsin",),
                    (Role("RUSELI", None, "1991-07-10"), Role("RUSGOV", "1991-07-10", "1999-12-31")), 10),
        ActorRecord("North Atlantic Treaty Organization", ("NATO",), (Role("IGOWSTNAT", None, None),), 14),
        # consecutive code-less primary phrases share the role lines that follow them
        ActorRecord("Abdul Qadir", (), (Role("AFGELI", None, None),), 16),
        ActorRecord("Hafizullah Amin", (), (Role("AFGELI", None, None),), 17),
    ]
    assert result.warnings == [
        "test.actors:20: date '991301' is not a calendar date; role skipped",
        "test.actors:21: date restriction '2004017' is not >DATE, <DATE or DATE-DATE; role skipped",
        "test.actors:19: 'Indian Ocean' has no CAMEO code; entry skipped",
        "test.actors:20: 'Someone' has no CAMEO code; entry skipped",
    ]
    assert result.counts["actors"] == 6 and result.counts["roles"] == 8
    assert result.counts["skipped_lines"] == 3
    assert result.counts["null_codes"] == 1


def test_malformed_lines_warn_with_file_and_line():
    lines = ["+ORPHAN_SYNONYM", "\t[USAGOV]", "GOOD_NAME_ [USAGOV", "BAD\x1aNAME_ [USA]", "FINE_ [USA]"]
    result = parse_actors(lines, origin="x.txt")
    assert [r.name for r in result.records] == ["Fine"]
    assert [w.split(": ")[0] for w in result.warnings] == ["x.txt:1", "x.txt:2", "x.txt:3", "x.txt:4"]
    assert result.counts["skipped_lines"] == 4


@pytest.mark.parametrize("raw, date", [
    ("040309", "2004-03-09"), ("290101", "2029-01-01"), ("300101", "1930-01-01"),
    ("991231", "1999-12-31"), ("19940922", "1994-09-22"), ("20121204", "2012-12-04"),
])
def test_tabari_dates(raw, date):
    assert tabari_date(raw) == date


@pytest.mark.parametrize("raw, name", [
    ("SERGEY_LAVROV_", "Sergey Lavrov"),
    ("ISLAMIC_REPUBLIC_OF_AFGHANISTAN", "Islamic Republic of Afghanistan"),
    ("NURI_AL-MALIKI_", "Nuri Al-Maliki"),
    ("MAZAR-I-SHARIF_", "Mazar-i-Sharif"),
    ("WILLIAM_A._O'NEIL_", "William A. O'Neil"),
    ("SUDAN_PEOPLE'S_LIBERATION_MOVEMENT", "Sudan People's Liberation Movement"),
    ("U.S._STATE_DEPARTMENT", "U.S. State Department"),
    ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", "Aden Abyan Islamic Army (AAIA)"),
    ("TAUFA'AHAU_TUPOU_IV_", "Taufa'ahau Tupou IV"),
    ("JOHN_J MCCLOY_", "John J McCloy"),
    ("STANKO_TODOROV (ACTING_", "Stanko Todorov"),
    ("+Albanian leader Ibrahim Rugova", "Albanian leader Ibrahim Rugova"),  # not all caps: kept
])
def test_display_name(raw, name):
    assert display_name(raw.lstrip("+")) == name


def test_acronyms_stay_upper_case_only_when_spelled_out():
    lines = ["NORTH_ATLANTIC_TREATY_ORGANIZATION_ [IGOWSTNAT]", "+NATO", "UNITED_NATIONS_ [IGOUNO]",
             "UN_ [IGOUNO]", "UN_ENVOY_ [IGOUNO]", "IRAN_ [IRN]", "+ISLAMIC_REPUBLIC_OF_IRAN", "KDP_ [IRQPTY]"]
    names = {r.name: r.aliases for r in parse_actors(lines, origin="t").records}
    assert names == {"North Atlantic Treaty Organization": ("NATO",), "United Nations": (), "UN": (),
                     "UN Envoy": (), "Iran": ("Islamic Republic of Iran",), "KDP": ()}


AGENTS = """\
# agents
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_!MINIST! [~GOV]
POLICE!PERSON!  [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVJUD] # sector is the first three letters
AIR_FORCE {} [~MIL]
PEACEKEEPING_TROOPS {} [IGO~]
IMAM [~MUS]
MULLAH [~MUS]
ISLAMIC_EXTREMIST
DEPARMENT_OF_ENVIRONMENT [~ENV}
"""


def test_agent_constructs():
    result = parse_agents(AGENTS.splitlines(), origin="t.agents")
    assert result.records == [
        AgentRecord("foreign minister", "GOV", "PERSON", 4),
        AgentRecord("foreign ministry", "GOV", "GROUP", 4),
        AgentRecord("policeman", "COP", "PERSON", 5),
        AgentRecord("policemen", "COP", "PERSON", 5),
        AgentRecord("policewoman", "COP", "PERSON", 5),
        AgentRecord("policewomen", "COP", "PERSON", 5),
        AgentRecord("policeperson", "COP", "PERSON", 5),
        AgentRecord("attorney general", "GOV", "PERSON", 6),
        AgentRecord("attorneys general", "GOV", "PERSON", 6),
        AgentRecord("air force", "MIL", "GROUP", 7),
        AgentRecord("peacekeeping troops", "IGO", "GROUP", 8),
    ]
    assert result.warnings == [
        "t.agents:11: no [code] in 'ISLAMIC_EXTREMIST'; line skipped",
        "t.agents:12: malformed brackets in 'DEPARMENT_OF_ENVIRONMENT [~ENV}'; line skipped",
        "t.agents:9: agent code [~MUS]: 'MUS' is not a dyad sector (see SECTORS in dyad/actors/kb.py); "
        "2 line(s) skipped",
    ]
    assert result.counts["skipped_lines"] == 4


def test_written_files_load_with_the_kb_loader(tmp_path: Path):
    records = parse_actors(ACTORS.splitlines(), origin="t").records
    path = tmp_path / "orgs.tsv"
    with path.open("w", encoding="utf-8") as out:
        write_organizations_tsv(records, out)
    rows = path.read_text(encoding="utf-8").splitlines()
    assert rows[1] == "name\taliases\tcountry\tsector\tcode\troles"
    assert rows[3] == ("Sergey Lavrov\tSergei Lavrov\tRUS\tGOV\tRUSGOV\t"
                       "RUSGOV@1994-09-22..2004-07-12|RUSGOV@2004-03-09..")
    assert rows[4].endswith("\tRUS\tGOV\tRUSGOV\tRUSELI@..1991-07-10|RUSGOV@1991-07-10..1999-12-31")
    kb = KnowledgeBase()
    load_organizations(kb, path)
    lavrov = kb.entries["Sergey Lavrov"]
    assert (lavrov.country, lavrov.sector, lavrov.code) == ("RUS", "GOV", "RUSGOV")
    assert lavrov.roles == (("RUSGOV", "1994-09-22", "2004-07-12"), ("RUSGOV", "2004-03-09", None))
    nato = kb.entries["North Atlantic Treaty Organization"]
    assert (nato.country, nato.sector, nato.roles) == (None, "IGO", (("IGOWSTNAT", None, None),))
    assert kb.surfaces["NATO"] == ("North Atlantic Treaty Organization", "alias")

    agents = io.StringIO()
    write_agents_tsv(parse_agents(AGENTS.splitlines(), origin="t").records, agents)
    (tmp_path / "agents.tsv").write_text(agents.getvalue(), encoding="utf-8")
    load_agents(kb, tmp_path / "agents.tsv")
    assert kb.agent_for("Russian foreign ministry").kind == "GROUP"


def test_loader_rejects_a_bad_roles_cell(tmp_path: Path):
    from dyad.errors import DataFileError

    path = tmp_path / "orgs.tsv"
    path.write_text("name\taliases\tcountry\tsector\tcode\troles\nX\t\tRUS\tGOV\tRUSGOV\tRUSGOV@2004-13-01..\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"orgs.tsv:2: bad date '2004-13-01'"):
        load_organizations(KnowledgeBase(), path)


# ---------------------------------------------------------------- command line

def cli():
    app = typer.Typer()
    app.add_typer(kb_app, name="kb")
    return app


def test_cli_writes_tsv_and_reports(tmp_path: Path):
    source = tmp_path / "test.actors"
    source.write_bytes(ACTORS.replace("SERGEI", "S\xc9RGEI").encode("latin-1"))
    out = tmp_path / "orgs.tsv"
    result = CliRunner().invoke(cli(), ["kb", "import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"imported 6 actors (8 roles) from {source}; 3 lines skipped (read as latin-1)" in result.stderr
    assert "warning: " + str(source) + ":20:" in result.stderr
    assert "Sérgei Lavrov" in out.read_text(encoding="utf-8")


def test_cli_detects_agents_and_writes_stdout(tmp_path: Path):
    source = tmp_path / "mine.txt"
    source.write_text(AGENTS, encoding="utf-8")
    result = CliRunner().invoke(cli(), ["kb", "import", str(source)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:3] == ["term\tsector\tkind", "foreign minister\tGOV\tPERSON"]
    assert result.stderr.startswith(f"imported 11 agents from {source}; 4 lines skipped")


def test_cli_errors(tmp_path: Path):
    result = CliRunner().invoke(cli(), ["kb", "import", str(tmp_path / "missing.txt")])
    assert isinstance(result.exception, DictionaryFileError)
    assert "missing.txt: cannot read" in str(result.exception)
    (tmp_path / "x.txt").write_text("A_ [USA]\n", encoding="utf-8")
    result = CliRunner().invoke(cli(), ["kb", "import", str(tmp_path / "x.txt"), "--kind", "verbs"])
    assert str(result.exception) == "[E002] --kind 'verbs' is not supported; use actors, agents"


# ---------------------------------------------------------------- the real Phoenix dictionaries

@pytest.fixture(scope="module")
def phoenix():
    if not PHOENIX.is_dir():
        pytest.skip(f"{PHOENIX} is not available")
    parsed = {}
    for name in ("Countries.actors", "International.actors", "MilNonState.actors", "agents"):
        lines, _ = read_dictionary(PHOENIX / f"Phoenix.{name}.txt")
        parse = parse_agents if name == "agents" else parse_actors
        parsed[name] = (len(lines), parse(lines, origin=f"Phoenix.{name}.txt"))
    return parsed


def test_phoenix_counts(phoenix):
    counts = {name: result.counts for name, (_, result) in phoenix.items()}
    assert counts["Countries.actors"]["actors"] > 1000
    assert counts["International.actors"]["actors"] > 1000
    assert counts["MilNonState.actors"]["actors"] > 500
    assert counts["agents"]["agents"] > 500
    for name, (n_lines, result) in phoenix.items():
        assert len(result.warnings) < 0.02 * n_lines, (name, result.warnings[:5])
        assert result.counts["skipped_lines"] < 0.05 * n_lines, name


def test_phoenix_known_actors(phoenix):
    records = {r.name: r for name, (_, result) in phoenix.items() if name != "agents" for r in result.records}
    lavrov = records["Sergey Lavrov"]
    assert Role("RUSGOV", "1994-09-22", "2004-07-12") in lavrov.roles
    assert Role("RUSGOV", "2004-03-09", None) in lavrov.roles
    assert "Sergei Lavrov" in lavrov.aliases
    assert any(r.cameo_code.startswith("PSE") for r in records["Hamas"].roles)
    assert records["NATO"].roles == (Role("IGOWSTNAT", None, None),)
    agents = {a.term: a for a in phoenix["agents"][1].records}
    assert (agents["foreign minister"].sector, agents["foreign minister"].kind) == ("GOV", "PERSON")
    assert agents["army"].kind == "GROUP"


def test_phoenix_round_trip_through_the_loader(phoenix, tmp_path: Path):
    for name in ("Countries.actors", "International.actors", "MilNonState.actors"):
        records = phoenix[name][1].records
        path = tmp_path / f"{name}.tsv"
        with path.open("w", encoding="utf-8") as out:
            assert write_organizations_tsv(records, out) == len(records)
        kb = KnowledgeBase()
        load_organizations(kb, path)
        assert len(kb.entries) == len(records)
        for record in records[:: max(1, len(records) // 20)]:
            entry = next(e for e in kb.entries.values() if e.name.startswith(record.name) and e.roles == record.roles)
            assert tuple(tuple(r) for r in record.roles) == entry.roles
    path = tmp_path / "agents.tsv"
    with path.open("w", encoding="utf-8") as out:
        write_agents_tsv(phoenix["agents"][1].records, out)
    kb = KnowledgeBase()
    load_agents(kb, path)
    assert len(kb.agents) > 500
