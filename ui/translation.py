"""The interface language: the Russian catalogue for the window, and the same for the CLI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from ui import settings as options
from ui.messages import Translate

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
CATALOGUE = "lavka_ru"
# Besides app.py and ui/: the services' files whose texts are marked for the translation.
MARKED_SERVICES = (
    "messages.py",
    "report_export.py",
    "documents/pdf.py",
    "documents/invoice.py",
    "documents/delivery_note.py",
    "documents/receipt.py",
    "documents/xlsx.py",
)


def catalogue_sources() -> list[Path]:
    """The files lupdate reads for the catalogue (`make translations` and its test)."""
    return [
        ROOT / "app.py",
        *(ROOT / "services" / name for name in MARKED_SERVICES),
        *sorted((ROOT / "ui").rglob("*.py")),
    ]


def interface_language() -> str:
    """ "ru" when the setting says so, or when it is empty and the system is Russian."""
    chosen = options.LANGUAGE.get(options.user_settings()) or QLocale().name()[:2]
    return "ru" if chosen.startswith("ru") else "en"


def install_translation(app) -> None:
    """Russian for the window (Lavka's texts and Qt's own dialogs) when the language is."""
    if interface_language() != "ru":
        return
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in ((CATALOGUE, str(FOLDER)), ("qtbase_ru", qt_folder)):
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)


def catalogue_translate(language: str | None = None) -> Translate:
    """The catalogue read directly, for the command line, which has no QCoreApplication to
    install a translator on (one would stand in the way of a later QApplication)."""
    translator = None
    if (language or interface_language()) == "ru":
        translator = QTranslator()
        if not translator.load(CATALOGUE, str(FOLDER)):
            translator = None

    def translate(context: str, source: str, n: int = -1) -> str:
        found = translator.translate(context, source, None, n) if translator else ""
        text = found or source
        return text.replace("%n", str(n)) if n >= 0 else text

    return translate
