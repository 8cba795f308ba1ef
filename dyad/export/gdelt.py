"""Merged events as a GDELT 2.0 event table: tab-separated, the codebook's 61 columns in order.

Filled: ids, dates, actor codes, names, countries and types (dyad's sector),
event codes, QuadClass, Goldstein, mention/source/article counts, ActionGeo and
the source URL. Left empty: fields dyad does not compute (known-group, ethnic and
religion codes, AvgTone, actor geography, ADM codes, feature ids).

As in GDELT, actor country codes are 3-letter (ISO 3166 alpha-3, as CAMEO uses) and
ActionGeo_CountryCode is FIPS 10-4, converted with ``dyad/data/country_fips.tsv``.
Departures from GDELT, documented in the README: GLOBALEVENTID is derived from dyad's
merged-event hash; DATEADDED is the first report's publication day.
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path

from ..data_files import data_path, read_tsv

ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in ACTOR_FIELDS] + [f"Actor2{f}" for f in ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in GEO_FIELDS] + [f"Actor2Geo_{f}" for f in GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61

GEO_COUNTRY, GEO_WORLDCITY = 1, 4

SQL = """
SELECT m.*, s.code AS s_code, s.name AS s_name, s.country AS s_country, s.sector AS s_sector,
       t.code AS t_code, t.name AS t_name, t.country AS t_country, t.sector AS t_sector
FROM merged_events m
LEFT JOIN actors s ON s.id = m.source_actor_id LEFT JOIN actors t ON t.id = m.target_actor_id
ORDER BY m.id
"""


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4 (GDELT's geography codes)."""
    return {row["iso3"]: row["fips"] for _, row in read_tsv(data_path("country_fips.tsv"), ("iso3", "fips"))}


def gdelt_row(event: dict) -> dict[str, object]:
    """One merged event (joined with its actors) -> a GDELT row keyed by column name."""
    day: dt.date | None = event["date_start"] or event["first_published"]
    row: dict[str, object] = {name: "" for name in COLUMNS}
    row["GLOBALEVENTID"] = int(event["id"][:15], 16)
    if day:
        row["SQLDATE"] = day.strftime("%Y%m%d")
        row["MonthYear"] = day.strftime("%Y%m")
        row["Year"] = day.year
        row["FractionDate"] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    for n, prefix in ((1, "s_"), (2, "t_")):
        row[f"Actor{n}Code"] = event[f"{prefix}code"] or ""
        row[f"Actor{n}Name"] = (event[f"{prefix}name"] or "").upper()
        row[f"Actor{n}CountryCode"] = event[f"{prefix}country"] or ""
        row[f"Actor{n}Type1Code"] = event[f"{prefix}sector"] or ""
    row["IsRootEvent"] = int(bool(event["is_root"]))
    row["EventCode"] = event["cameo"]
    row["EventBaseCode"] = event["base_code"]
    row["EventRootCode"] = event["root"]
    row["QuadClass"] = event["quad_class"]
    row["GoldsteinScale"] = event["goldstein"]
    row["NumMentions"] = event["n_mentions"]
    row["NumSources"] = event["n_domains"] or event["n_sources"]
    row["NumArticles"] = event["n_sources"]
    if event["place_name"] or event["place_country"]:
        row["ActionGeo_Type"] = GEO_WORLDCITY if event["place_name"] else GEO_COUNTRY
        row["ActionGeo_FullName"] = event["place_name"] or ""
        row["ActionGeo_CountryCode"] = fips_codes().get(event["place_country"] or "", "")
        row["ActionGeo_Lat"] = "" if event["place_lat"] is None else event["place_lat"]
        row["ActionGeo_Long"] = "" if event["place_lon"] is None else event["place_lon"]
    if event["first_published"]:
        row["DATEADDED"] = event["first_published"].strftime("%Y%m%d") + "000000"
    row["SOURCEURL"] = event["source_url"] or ""
    return row


def export_gdelt(store, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for event in store.query(SQL):
            writer.writerow(gdelt_row(event))
            count += 1
    return count
