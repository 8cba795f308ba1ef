"""spark-submit's application file runs the dyad command; the engines never import the CLI."""
from __future__ import annotations

import subprocess
import sys

import dyad.cli.spark_submit as spark_submit


def test_the_spark_submit_script_runs_the_dyad_command():
    done = subprocess.run([sys.executable, spark_submit.__file__, "ingest", "--help"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "--engine" in done.stdout and "--partitions" in done.stdout


def test_a_usage_error_is_one_message_not_a_traceback():
    done = subprocess.run([sys.executable, "-m", "dyad.cli", "export", "-o", "x.jsonl"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Missing option '--format'" in done.stderr and "Traceback" not in done.stderr
