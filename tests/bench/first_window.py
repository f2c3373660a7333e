"""Bench helper: start, open Lavka's window on a database, say once it is painted, exit.

`--bare` paints an empty QMainWindow instead: the floor Qt itself sets for the figure.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

# As app.run_gui does: app.py is loaded (its argument parser brings in the command line's
# modules, SQLAlchemy among them), then the start-up quick_check runs while Qt loads.
# (`--bare` imports nothing of Lavka: that is not Qt's floor.)
CHECK = None
if sys.argv[1] != "--bare":
    import app  # noqa: F401  (what `python app.py` loads before the check starts)
    from ui.startup.check import StartCheck

    CHECK = StartCheck(Path(sys.argv[1]))
    CHECK.start()

from PySide6.QtCore import QLocale, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    if CHECK is None:
        window = QMainWindow()
    else:
        from services.storage import Database
        from ui.formatting import Formatter
        from ui.main_window import MainWindow

        folder = tempfile.mkdtemp()
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        assert CHECK.reason() is None
        database = Database.open(Path(sys.argv[1]), check=False)
        window = MainWindow(database, Formatter(QLocale(), "₽"), settings)
    window.show()
    # A zero timer fires once the queued show, layout and paint events have been handled.
    QTimer.singleShot(0, app.quit)
    app.exec()
    print("painted", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
