"""The application file for ``spark-submit``: it runs the ``dyad`` command, e.g.

    spark-submit --master yarn ... "$(python -c 'import dyad.cli.spark_submit as m; print(m.__file__)')" \\
      ingest --engine spark hdfs:///news/ --out hdfs:///dyad/run1

spark-submit runs this file as a script, so the import is absolute.
"""
from __future__ import annotations

from dyad.cli.main import main

if __name__ == "__main__":
    main()
