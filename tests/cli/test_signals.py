"""Ctrl-C and SIGTERM in the commands that do not run an ingest: one ``Error:`` line and the shell's
code for the signal (130, 143), never a traceback and never a silent exit 0."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest


def stop_while_reading_stdin(signum: int, args: list[str]) -> subprocess.CompletedProcess:
    """Run ``dyad ARGS`` with a standard input that stays open (the command waits on it), then signal it."""
    proc = subprocess.Popen([sys.executable, "-m", "dyad.cli", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(3)  # past start-up, the command blocks reading standard input
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_extract_stopped_while_reading_says_so_in_one_line(signum, code):
    done = stop_while_reading_stdin(signum, ["extract", "-", "--format", "jsonl"])
    assert done.returncode == code
    lines = done.stderr.decode().strip().splitlines()
    assert lines == [f"Error: interrupted by {signal.Signals(signum).name}"]
    assert done.stdout == b""
