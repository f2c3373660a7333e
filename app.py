"""Lavka entry point: wires settings, the database, services and the window together."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from services.about import version
from services.messages import QT_TRANSLATE_NOOP
from ui import cli
from ui.cli_common import Parser

APP_NAME = "Lavka"
ICONS = Path(__file__).resolve().parent / "resources" / "icons"


def build_parser() -> argparse.ArgumentParser:
    """The arguments, with --help and argparse's complaints in the interface language."""
    parser = Parser(
        prog="lavka",
        description=QT_TRANSLATE_NOOP(
            "Cli", "Lavka: a desktop CRM for a one-person business that sells goods."
        ),
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "database file (default: the user data folder)"),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        default=None,
        help=QT_TRANSLATE_NOOP(
            "Cli", "close the window SECONDS after it is shown (to try an installed copy)"
        ),
    )
    cli.add_commands(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db is None:
        from services.storage import default_database_path

        args.db = default_database_path()
    if args.command:
        try:
            return cli.run(args)
        except BrokenPipeError:
            # `app.py segments | head`: the reader has gone, so nothing is left to say. Python's
            # advice: point stdout at devnull, lest its flush at exit raise once more.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    return run_gui(args.db, args.quit_after)


class StartCheck(threading.Thread):
    """PRAGMA quick_check of the database, run while Qt loads: SQLite releases the GIL, so the
    check (half a second on a large base) mostly hides behind the imports."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="lavka-start-check", daemon=True)
        self.db_path = db_path
        self._reason: str | None = None
        self._failed = False

    def run(self) -> None:
        from services.storage import quick_check

        try:
            if self.db_path.is_file() and self.db_path.stat().st_size > 0:
                self._reason = quick_check(self.db_path)
        except Exception:  # not a verdict: Database.open checks again and says why
            self._failed = True

    @property
    def failed(self) -> bool:
        self.join()
        return self._failed

    def reason(self) -> str | None:
        """What quick_check found wrong; None for a sound (or new) file, or no verdict."""
        self.join()
        return self._reason


def open_window(db_path: Path, offer_demo: bool = True, check: StartCheck | None = None):
    """Open the database (created or upgraded as needed), offer the demo on a new empty file,
    and show the main window. Returns the window (None when the person chose to quit); the
    caller runs the event loop."""
    from PySide6.QtCore import QLocale

    from services.contacts import search_contacts
    from services.history import tidy
    from services.settings_store import load_business_settings
    from ui.formatting import Formatter
    from ui.main_window import DemoOffer, MainWindow

    database = _open_database(db_path, check)
    if database is None:
        return None
    is_new = database.schema.action == "created" and not search_contacts(database, "", limit=1)
    if offer_demo and is_new and DemoOffer.ask(None):
        from services.demo import create_demo_business

        create_demo_business(database)
    tidy(database)  # the Trash's 30 days and the history's kept months
    symbol = load_business_settings(database).currency_symbol
    window = MainWindow(database, Formatter(QLocale(), symbol))
    window.show()
    return window


def _open_database(db_path: Path, check: StartCheck | None = None):
    """The database. A damaged file (PRAGMA quick_check) is moved aside untouched, and the
    newest verified backup is offered in its place; so it is again at the next start when the
    person chose to quit then."""
    from services.errors import DamagedDatabase
    from services.restore import quarantine_damaged
    from services.storage import Database
    from ui.backup import earlier_damage, rescue
    from ui.translation import interface_language

    try:
        if check is not None and (reason := check.reason()) is not None:
            raise DamagedDatabase(db_path, reason)
        if (kept := earlier_damage(db_path)) is not None:
            return rescue(db_path, None, kept)
        # the thread's verdict stands in for the check, unless the thread itself failed
        return Database.open(
            db_path, check=check is None or check.failed, language=interface_language()
        )
    except DamagedDatabase as error:
        return rescue(db_path, error.reason, quarantine_damaged(db_path))


def run_gui(db_path: Path, quit_after: float | None = None) -> int:
    check = StartCheck(db_path)
    check.start()
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from services.backup import tidy_leftovers
    from services.errors import LavkaError
    from ui.lock import acquire
    from ui.messages import error_text
    from ui.translation import install_translation

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("lavka")  # ties the window to lavka.desktop (Wayland, task bars)
    icon = QIcon()
    for png in sorted(ICONS.glob("lavka-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    install_translation(app)
    quitter = QuitAfter(quit_after) if quit_after is not None else None
    try:
        lock = acquire(db_path)  # one Lavka per database, held until the process ends
    except LavkaError as error:
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return 1
    try:
        # Holding the lock: what a killed Lavka left half-written (a backup, an export) goes
        # now, while a file another running program still writes stays (services.files).
        tidy_leftovers(db_path)
        return _run_window(app, db_path, check, quitter)
    finally:
        lock.unlock()


def _run_window(app, db_path: Path, check: StartCheck, quitter: QuitAfter | None = None) -> int:
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QMessageBox

    from services.errors import LavkaError
    from ui.backup import warn_if_backup_failed
    from ui.messages import error_text

    try:
        window = open_window(db_path, check=check)
    except LavkaError as error:
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return 1
    if window is None:
        return 1
    keeper = WindowKeeper(db_path, window)
    if quitter is not None:
        # Said once the queued show, layout and paint events are handled.
        QTimer.singleShot(0, lambda: print("lavka: window shown", file=sys.stderr, flush=True))
        quitter.attach(keeper)
    warn_if_backup_failed(window, window.settings)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # an export still writing finishes first
    keeper.window.database.close()
    backup_on_close(db_path)
    return code


class QuitAfter:
    """--quit-after SECONDS, counted from the start: then whatever is showing is closed, as a
    person would close it. A question asked before the window (the demo offer on a new
    database, a damaged file's rescue) or over it is answered as closed ("No"), so none can
    keep Lavka open; then the window is closed (layout saved, the close-time backup made)."""

    RETRY_MS = 50  # after a question is answered, the next thing shown is looked at again

    def __init__(self, seconds: float) -> None:
        from PySide6.QtCore import QTimer

        self.due = False
        self.keeper: WindowKeeper | None = None
        QTimer.singleShot(int(seconds * 1000), self.fire)

    def attach(self, keeper: WindowKeeper) -> None:
        """The window is there now; closed at once (from the event loop) if the time is up."""
        from PySide6.QtCore import QTimer

        self.keeper = keeper
        if self.due:
            QTimer.singleShot(0, self.fire)

    def fire(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        self.due = True
        modal = QApplication.activeModalWidget()
        if modal is not None:
            answer_no(modal)
            QTimer.singleShot(self.RETRY_MS, self.fire)
        elif self.keeper is not None:
            self.keeper.window.close()
        # else: no window yet; attach() closes it when it comes


def answer_no(modal) -> None:
    """Close a modal question as its "No" (or Close, Cancel) button would."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    if isinstance(modal, QMessageBox):
        no = modal.button(QMessageBox.StandardButton.No)
        if no is not None:
            no.click()
            return
    if isinstance(modal, QDialog):
        modal.reject()
    else:
        modal.close()


class WindowKeeper:
    """The main window; after a restore, a new one on the restored data takes its place."""

    def __init__(self, db_path: Path, window) -> None:
        self.db_path, self.window = db_path, window
        window.databaseReplaced.connect(self.reopen)

    def reopen(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        from services.errors import LavkaError
        from ui.messages import error_text

        old = self.window
        old.save_layout()  # the new window opens with the columns and section as they were
        try:
            new = open_window(self.db_path, offer_demo=False)
        except LavkaError as error:
            new = None
            QMessageBox.critical(old, APP_NAME, error_text(error))
        if new is None:  # the old window's database is closed: nothing sensible is left open
            old.close()
            QApplication.quit()
            return
        self.window = new
        new.databaseReplaced.connect(self.reopen)
        old.close()
        old.database.close()
        old.deleteLater()


def backup_on_close(db_path: Path, settings=None) -> None:
    """The automatic local backup: at most one a day, thinned; never stops Lavka closing. A
    failure is kept in the settings and said at the next start (there is no window now)."""
    from services.backup import local_backup_folder
    from services.errors import BackupError, LavkaError
    from services.files import failure
    from services.retention import auto_backup
    from ui import settings as options
    from ui.backup import LAST_BACKUP_ERROR
    from ui.messages import error_text

    settings = settings or options.user_settings()
    try:
        auto_backup(db_path)
    except (LavkaError, OSError) as error:
        if not isinstance(error, LavkaError):
            error = failure(BackupError, "backup.failed", error, local_backup_folder(db_path))
        # In the interface language now: the next start says it as it was written.
        LAST_BACKUP_ERROR.set(settings, error_text(error))
        print(f"lavka: the automatic backup was not made: {error}", file=sys.stderr)
    else:
        LAST_BACKUP_ERROR.set(settings, "")
    settings.sync()


if __name__ == "__main__":
    sys.exit(main())
