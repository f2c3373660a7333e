"""The database opened (created, upgraded, or rescued when damaged) and the window on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from services.contacts import search_contacts
from services.errors import LavkaError
from services.history import tidy
from services.settings_store import load_business_settings
from services.startup import Verdict, start_database
from services.storage import Database
from ui import settings as options
from ui.backup import backup_folders
from ui.formatting import Formatter
from ui.main_window import DemoOffer, MainWindow
from ui.startup.application import refuse
from ui.startup.check import StartCheck
from ui.startup.rescue import offer_rescue
from ui.translation import interface_language


def open_database(db_path: Path, check: StartCheck | None = None) -> Database | None:
    """The database; a damaged one is moved aside untouched and the person chooses what takes
    its place (services.startup): None when they chose to quit. `check`'s verdict stands in
    for opening's own quick_check, unless the check itself failed."""
    verdict = None if check is None else Verdict(check.reason(), known=not check.failed)
    folders = backup_folders(db_path, options.user_settings())
    language = interface_language()
    opened = start_database(db_path, folders, verdict, language)
    if isinstance(opened, Database):
        return opened
    return offer_rescue(opened, db_path, language)


def open_window(
    db_path: Path | str, offer_demo: bool = True, check: StartCheck | None = None
) -> MainWindow | None:
    """Open the database (a file, or a server's: `db_path` its URL), offer the demo on a new
    empty one, and show the main window. Returns the window (None when the person chose to
    quit); the caller runs the event loop. A database that cannot be opened raises its
    LavkaError. A server's database has no file to check or rescue: its server keeps it."""
    if isinstance(db_path, Path):
        database = open_database(db_path, check)
    else:
        database = Database.open(db_path, language=interface_language())
    if database is None:
        return None
    is_new = database.schema.action == "created" and not search_contacts(database, "", limit=1)
    if offer_demo and is_new and DemoOffer.ask(None):
        from services.demo import create_demo_business  # only for the demo: loaded late

        create_demo_business(database)
    tidy(database)  # the Trash's 30 days and the history's kept months
    symbol = load_business_settings(database).currency_symbol
    window = MainWindow(database, Formatter(QLocale(), symbol), first=True)
    window.show()
    return window


def open_window_or_refuse(
    db_path: Path | str,
    offer_demo: bool = True,
    check: StartCheck | None = None,
    parent: QWidget | None = None,
) -> MainWindow | None:
    """As open_window; a database that cannot be opened is said in a box, and None."""
    try:
        return open_window(db_path, offer_demo, check)
    except LavkaError as error:
        refuse(error, parent)
        return None
