"""Lavka entry point, wiring only: arguments → database → services → the window or a command.

Start-up and recovery (the quick check in the background, a damaged file's rescue, the lock,
the window kept across a restore, the close-time backup) live in ui/startup/, their policy in
services/startup.py; the commands in ui/cli.py, imported only when a command is given (the
window's start does not wait for the modules of every command).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from services.messages import QT_TRANSLATE_NOOP
from services.targets import database_target
from ui.cli_common import Parser

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.startup.check import StartCheck
    from ui.startup.quit_after import QuitAfter


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The arguments, with --help and argparse's complaints in the interface language;
    without `commands`, only the window's own options (no --help, no --version: they and any
    command go to the whole parser)."""
    parser = Parser(
        prog="lavka",
        add_help=commands,
        description=QT_TRANSLATE_NOOP(
            "Cli", "Lavka: a desktop CRM for a one-person business that sells goods."
        ),
    )
    parser.add_argument(
        "--db",
        type=database_target,
        default=None,
        help=QT_TRANSLATE_NOOP("Cli", "database file (default: the user data folder) or URL"),
    )
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        default=None,
        help=QT_TRANSLATE_NOOP(
            "Cli", "close the window SECONDS after it is shown (to try an installed copy)"
        ),
    )
    if commands:
        add_commands(parser)
    return parser


def add_commands(parser: argparse.ArgumentParser) -> None:
    """--version and the commands, whose modules (SQLAlchemy, reportlab, the importers…) and
    the package's metadata are loaded only now: the window's start needs none of them."""
    from services.about import version
    from ui import cli

    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    cli.add_commands(parser)


def main(argv: list[str] | None = None) -> int:
    args, rest = build_parser(commands=False).parse_known_args(argv)
    if rest:  # a command, --help, or a word the window does not know: the whole parser says
        args = build_parser().parse_args(argv)
    if args.db is None:
        from services.storage import default_database_path

        args.db = default_database_path()
    if getattr(args, "command", None):
        return run_command(args)
    return run_gui(args.db, args.quit_after)


def run_command(args: argparse.Namespace) -> int:
    """A command of the command line (ui/cli.py): its exit code."""
    from ui import cli

    try:
        return cli.run(args)
    except BrokenPipeError:
        # `app.py segments | head`: the reader has gone, so nothing is left to say. Python's
        # advice: point stdout at devnull, lest its flush at exit raise once more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run_gui(db_path: Path | str, quit_after: float | None = None) -> int:
    """The window on `db_path` until it is closed: the exit code (1 when it did not open)."""
    if isinstance(db_path, str):
        return run_server_gui(db_path, quit_after)
    from ui.startup.check import StartCheck

    check = StartCheck(db_path)  # first: SQLite checks the file while Qt loads
    check.start()
    from services.backup import tidy_leftovers
    from ui.startup.application import lock_or_refuse, start_application
    from ui.startup.quit_after import QuitAfter

    app = start_application()
    quitter = QuitAfter(quit_after) if quit_after is not None else None
    lock = lock_or_refuse(db_path)  # one Lavka per database, held until the process ends
    if lock is None:
        return 1
    try:
        # Holding the lock: what a killed Lavka left half-written (a backup, an export) goes
        # now, while a file another running program still writes stays (services.files).
        tidy_leftovers(db_path)
        return run_window(app, db_path, check, quitter)
    finally:
        lock.unlock()


def run_window(
    app: QApplication, db_path: Path, check: StartCheck, quitter: QuitAfter | None
) -> int:
    """The database (rescued if damaged), the window on it and the event loop; once it is
    closed, the automatic backup."""
    from PySide6.QtCore import QThreadPool

    from ui.startup.close_backup import backup_on_close, warn_if_backup_failed
    from ui.startup.keeper import WindowKeeper
    from ui.startup.window import open_window_or_refuse

    window = open_window_or_refuse(db_path, check=check)
    if window is None:
        return 1
    keeper = WindowKeeper(db_path, window)  # a new window takes its place after a restore
    if quitter is not None:
        quitter.attach(keeper)
    warn_if_backup_failed(window, window.settings)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # an export still writing finishes first
    keeper.window.database.close()
    backup_on_close(db_path)
    return code


def run_server_gui(url: str, quit_after: float | None = None) -> int:
    """The window on a server's database: no file to check, lock, tidy or back up (the
    server does all of that, and several people may have it open at once)."""
    from ui.startup.application import start_application
    from ui.startup.keeper import WindowKeeper
    from ui.startup.quit_after import QuitAfter
    from ui.startup.window import open_window_or_refuse

    app = start_application()
    quitter = QuitAfter(quit_after) if quit_after is not None else None
    window = open_window_or_refuse(url)
    if window is None:
        return 1
    keeper = WindowKeeper(url, window)
    if quitter is not None:
        quitter.attach(keeper)
    code = app.exec()
    keeper.window.database.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
