"""The first start and every start: `--quit-after` closes even over the demo question and
leaves no lock; what a killed Lavka left half-written is gone once Lavka has started again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from services.backup import backup_to, local_backup_folder
from services.contacts import search_contacts
from services.storage import Database
from ui.lock import lock_path
from ui.main_window import DemoOffer
from ui.startup.keeper import WindowKeeper
from ui.startup.quit_after import QuitAfter
from ui.startup.window import open_window

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 30  # seconds: far more than a start and a close take, far less than "hung"


def isolated_env(home: Path) -> dict[str, str]:
    """The environment of a person who never ran Lavka: settings and data in `home`."""
    home.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def start_lavka(db: Path, home: Path, seconds: str = "2") -> subprocess.CompletedProcess:
    """`lavka --db DB --quit-after SECONDS`; killed (and failed) if it does not end in time."""
    child = subprocess.Popen(
        [sys.executable, str(REPO / "app.py"), "--db", str(db), "--quit-after", seconds],
        cwd=REPO,
        env=isolated_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = child.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        raise AssertionError(f"Lavka was still open after {TIMEOUT} s:\n{err}") from None
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def test_quit_after_closes_over_the_demo_question_and_leaves_no_lock(tmp_path):
    """A new database: the demo question is showing when the time is up. It is answered
    "No", the window is closed, Lavka ends normally and its lock file is gone."""
    db = tmp_path / "new.sqlite3"
    run = start_lavka(db, tmp_path / "home")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "lavka: window shown" in run.stderr
    assert not lock_path(db).exists()
    database = Database.open(db)
    try:
        assert search_contacts(database, "") == []  # "No" to the demo: nothing written
    finally:
        database.close()
    assert list(local_backup_folder(db).glob("lavka-*.sqlite3"))  # the close-time backup


def test_the_quit_timer_answers_the_question_then_closes_the_window(qtbot, tmp_path):
    """In the process: the timer started before the question fires while it is modal."""
    quitter = QuitAfter(0.3)
    assert DemoOffer.ask(None) is False  # the real modal box, answered by the timer
    assert quitter.due and QApplication.activeModalWidget() is None
    window = open_window(tmp_path / "shop.sqlite3", offer_demo=False)
    qtbot.addWidget(window)
    keeper = WindowKeeper(tmp_path / "shop.sqlite3", window)
    quitter.attach(keeper)  # the time is already up: closed from the event loop
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    window.database.close()


KILLED_BACKUP = """
import os, sys
from services.backup import backup_to
backup_to(sys.argv[1], sys.argv[2], progress=lambda done, total: os._exit(9))
"""


def test_what_a_killed_lavka_left_is_gone_after_the_next_start(tmp_path):
    db = tmp_path / "shop.sqlite3"
    Database.open(db).close()
    backups = local_backup_folder(db)
    backups.mkdir()
    backup_to(db, backups)  # a finished backup: never touched
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BACKUP, str(db), str(backups)], cwd=REPO, check=False
    )
    assert killed.returncode == 9
    half = sorted(p.name for p in backups.glob(".lavka-*"))
    assert any(name.endswith(".part") for name in half), half
    export = tmp_path / f".orders.csv.partial-{os.getpid()}-0123abcd"  # being written now
    export.write_text("an export this process is writing")
    run = start_lavka(db, tmp_path / "home", "1")
    assert run.returncode == 0, run.stderr
    assert list(backups.glob(".lavka-*")) == []
    assert export.exists()
    assert len(list(backups.glob("lavka-*.sqlite3"))) >= 1
    assert not lock_path(db).exists()
