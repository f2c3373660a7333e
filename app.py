"""Lavka entry point: wires settings, the database, services and the window together."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui import cli

APP_NAME = "Lavka"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lavka", description="Lavka: a desktop CRM for a one-person business that sells goods."
    )
    parser.add_argument(
        "--db", type=Path, default=None, help="database file (default: the user data folder)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    cli.add_commands(parser)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lavka")
    except PackageNotFoundError:
        return "dev"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db is None:
        from services.storage import default_database_path

        args.db = default_database_path()
    if args.command:
        return cli.run(args)
    return run_gui(args.db)


def open_window(db_path: Path):
    """Open the database (created or upgraded as needed), offer the demo on a new empty file,
    and show the main window. Returns the window; the caller runs the event loop."""
    from PySide6.QtCore import QLocale

    from services.contacts import search_contacts
    from services.settings_store import load_business_settings
    from services.storage import Database
    from ui.formatting import Formatter
    from ui.main_window import DemoOffer, MainWindow

    database = Database.open(db_path)
    is_new = database.schema.action == "created" and not search_contacts(database, "", limit=1)
    if is_new and DemoOffer.ask(None):
        from services.demo import create_demo_business

        create_demo_business(database)
    symbol = load_business_settings(database).currency_symbol
    window = MainWindow(database, Formatter(QLocale(), symbol))
    window.show()
    return window


def install_translation(app) -> None:
    """Russian when the setting says so, or when it is empty and the system is Russian."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from ui import settings as options

    language = options.LANGUAGE.get(options.user_settings()) or QLocale().name()[:2]
    if not language.startswith("ru"):
        return
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    folder = Path(__file__).resolve().parent / "resources" / "translations"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in (("lavka_ru", str(folder)), ("qtbase_ru", qt_folder)):
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)


def run_gui(db_path: Path) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from services.errors import LavkaError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_translation(app)
    try:
        window = open_window(db_path)
    except LavkaError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    code = app.exec()
    window.database.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
