"""tests/bench/first_window.py, the child process of make bench's "first window painted": it
starts Lavka as app.py does and says when each step of the start was done, in order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STEPS = ["lavka", "services", "qt", "verdict", "window", "painted", "filled"]


def test_the_bench_window_says_each_step_of_the_start_in_order(tmp_path, shop):
    """On the shop of tests/conftest.py: every step said once, in the start's order, each at
    a moment no earlier than the one before."""
    path = tmp_path / "lavka.sqlite3"  # the `db` fixture's file, which `shop` filled
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    said = subprocess.run(
        [sys.executable, "-m", "tests.bench.first_window", str(path)],
        cwd=REPO, env=env, capture_output=True, text=True, check=True, timeout=120,
    ).stdout.split("\n")  # fmt: skip
    steps = [line.split() for line in said if line]
    assert [step for step, _when in steps] == STEPS
    moments = [float(when) for _step, when in steps]
    assert moments == sorted(moments)
