"""`make screenshots`: each section of the window on the demo business, saved as PNG files."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from services.demo import create_demo_business
from services.storage import Database
from ui.formatting import Formatter
from ui.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / ".screenshots"
QM = REPO / "resources" / "translations" / "lavka_ru.qm"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "demo.sqlite3")
        create_demo_business(database, dt.date.today())
        # Ivan's locale, and a throwaway settings file: the user's own layout stays untouched.
        russian = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
        QLocale.setDefault(russian)
        translator = QTranslator(app)
        if translator.load(str(QM)):
            app.installTranslator(translator)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database, Formatter(russian, "₽"), settings)
        window.resize(1400, 860)
        window.show()
        for index in range(len(window.sections)):
            window.go(index)
            if window.stack.currentWidget() is window.reports:  # computed in the background
                loop = QEventLoop()
                window.reports.loaded.connect(loop.quit)
                QTimer.singleShot(30_000, loop.quit)
                loop.exec()
            for _ in range(5):
                app.processEvents()
            path = OUT / f"{index + 1:02d}-section.png"
            window.grab().save(str(path))
            print(path)
        _card_activity(app, window)
        _dialogs(app, window, Path(folder))
        window.close()
        database.close()
    return 0


def _card_activity(app: QApplication, window: MainWindow) -> None:
    """The card of the customer with a call planned today, on its Activity tab."""
    from services.today import today_page

    page = today_page(window.database, dt.date.today())
    contact = next(t.contact_id for t in page.tasks_due if t.contact_id is not None)
    window.show_contact(contact)
    window.contacts.tabs.setCurrentWidget(window.contacts.activity)
    for _ in range(5):
        app.processEvents()
    path = OUT / "card-activity.png"
    window.grab().save(str(path))
    print(path)


def _dialogs(app: QApplication, window: MainWindow, folder: Path) -> None:
    """The backup and restore dialogs, with one backup taken so the list is not empty."""
    from services.backup import backup_to
    from ui.backup import LAST_TARGET, BackupTargetDialog, RestoreDialog

    stick = folder / "STICK" / "Lavka backups"
    stick.mkdir(parents=True)
    backup_to(window.database.path, stick)
    LAST_TARGET.set(window.settings, str(stick))
    for name, dialog in (
        ("backup", BackupTargetDialog(window.settings, window)),
        ("restore", RestoreDialog([stick], window)),
    ):
        dialog.show()
        for _ in range(5):
            app.processEvents()
        path = OUT / f"dialog-{name}.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()


if __name__ == "__main__":
    sys.exit(main())
