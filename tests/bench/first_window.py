"""Bench helper: start Lavka on a database as app.py does, say when each step was done.

`python -m tests.bench.first_window DB` prints a line "<step> <time.time()>" as each step of
the start is done, for the caller to subtract from its own launch time (make bench: "first
window painted", and its steps when over the goal):
  lavka     Python started and app.py loaded (its argument parser, not the commands');
  services  the start-up quick_check started in its thread, SQLAlchemy, the models and the
            services app.run_gui loads before Qt;
  qt        Qt and the window's modules loaded, the application started;
  verdict   the quick check's verdict in (the window never opens a file before it);
  window    the database opened and the main window made and shown (ui/startup/window.py);
  painted   the window on screen: its Today lists say "Loading…";
  filled    Today's lists, read in a thread, shown.
(As `python app.py --db DB`, without the lock file and the tidying beside the database, and
with settings of its own.) `--visit-all` then visits every section as a person clicking down
the sidebar would (each one made, loaded and painted; the report computed in the background
waited for) and prints the process's peak resident memory: "peak_mb N" (make bench: "peak
RSS"). `--bare` paints an empty QMainWindow instead: the floor Qt itself sets.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING


def said(step: str) -> None:
    print(step, repr(time.time()), flush=True)


# As app.run_gui does, in its order: app.py is loaded (its argument parser, without the
# command line's modules), the start-up quick_check starts in its thread, then the modules
# load (services.backup's before Qt's). (`--bare` imports nothing of Lavka: Qt's floor.)
CHECK = None
if sys.argv[1] != "--bare":
    import app  # noqa: F401  (what `python app.py` loads before the check starts)
    from ui.startup.check import StartCheck

    said("lavka")
    CHECK = StartCheck(Path(sys.argv[1]))
    CHECK.start()
    from services.backup import tidy_leftovers  # noqa: F401  (app.run_gui's next import)

    said("services")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

if TYPE_CHECKING:
    from ui.main_window import MainWindow

REPORT_WAIT_MS = 120_000  # the big base's report takes seconds; minutes would be a hang


def main() -> int:
    if CHECK is None:
        app = QApplication(sys.argv[:1])
        bare = QMainWindow()
        bare.show()
        painted(app)
        said("painted")
        return 0
    with tempfile.TemporaryDirectory(prefix="lavka-bench-") as folder:
        # this run's own settings (the window's layout, backup folders), not the person's
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        return start(Path(sys.argv[1]), "--visit-all" in sys.argv[2:])


def start(db_path: Path, visit: bool) -> int:
    """As app.run_window: the application, the database opened with the check's verdict, the
    window shown on it; then every section, if asked."""
    from ui.startup.application import start_application
    from ui.startup.window import open_window

    app = start_application()
    said("qt")
    # the bench base must never be taken for damaged: open_window would move it aside
    assert CHECK is not None and CHECK.reason() is None and not CHECK.failed
    said("verdict")
    window = open_window(db_path, offer_demo=False, check=CHECK)
    assert window is not None
    said("window")
    painted(app)
    said("painted")
    if window.today.page is None:  # Today's lists are read in a thread: wait for them
        loop = QEventLoop(app)
        window.today.loaded.connect(loop.quit)
        QTimer.singleShot(REPORT_WAIT_MS, loop.quit)
        loop.exec()
    painted(app)
    said("filled")
    if visit:
        visit_all(app, window)
        print(f"peak_mb {peak_mb():.1f}", flush=True)
    return 0


def painted(app: QApplication) -> None:
    """Back once the queued show, layout and paint events have been handled: a zero timer
    fires after them. (A loop of its own: app.quit() would close the window.)"""
    loop = QEventLoop(app)
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def visit_all(app: QApplication, window: MainWindow) -> None:
    """Every section in the sidebar's order, each shown and painted; the report (computed in
    a thread) waited for."""
    for index in range(window.sidebar.count()):
        window.go(index)
        view = window.current_view()
        operation = getattr(view, "operation", None)
        if hasattr(view, "loaded") and operation is not None and operation.running:
            loop = QEventLoop(app)
            view.loaded.connect(loop.quit)
            QTimer.singleShot(REPORT_WAIT_MS, loop.quit)
            loop.exec()
        painted(app)


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; not getrusage, whose ru_maxrss a child
    inherits from its parent at fork on Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    sys.exit(main())
