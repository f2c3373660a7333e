"""The installed bundle's start-up: from launching dist/lavka/lavka to its window shown, on the
demo business (Ivan's size), against the same start from the source tree. Measured only when
`make dist` has built the bundle; otherwise the row is left out with a line saying so."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from services.demo import create_demo_business
from services.storage import Database
from tests.bench.run import Figure

REPO = Path(__file__).resolve().parent.parent.parent
BUNDLE = REPO / "dist" / "lavka" / "lavka"
FIRST_WINDOW_MS = 2000  # issue #20: the bundle's first window within 2 s


def shown(command: list[str], home: Path) -> Callable[[], object]:
    """Start Lavka, return once it says its window is shown, then stop it (the close and its
    backup are not start-up)."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }

    def call() -> None:
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
        assert process.stderr is not None
        try:
            for line in process.stderr:
                if "lavka: window shown" in line:
                    return
            raise RuntimeError(f"{command[0]} ended without showing its window")
        finally:
            process.kill()
            process.wait()

    return call


def figures(tmp: Path) -> list[Figure]:
    if not BUNDLE.exists():
        print("  (no dist/lavka: run `make dist` to time the bundle's start-up)", file=sys.stderr)
        return []
    db_path = tmp / "bundle-demo.sqlite3"
    database = Database.open(db_path)
    create_demo_business(database, dt.date.today())
    database.close()
    home = tmp / "bundle-home"
    home.mkdir(exist_ok=True)
    args = ["--db", str(db_path), "--quit-after", "60"]
    return [
        Figure(
            "bundle: first window, demo base",
            shown([str(BUNDLE), *args], home),
            FIRST_WINDOW_MS,
            raw=shown([sys.executable, str(REPO / "app.py"), *args], home),
            raw_label="source tree",
            note="dist/lavka/lavka, no Python on PATH",
            runs=5,
        )
    ]
