"""`make screenshots`: each section of the window on the demo business, saved as PNG files.

    python -m tests.screenshots                    # every variant below, into .screenshots/
    python -m tests.screenshots --size 1280x720 --language ru --theme dark

A variant is one window size, interface language and light or dark palette; each goes into
its own folder (`.screenshots/ru-dark-1280x720/03-orders.png`) and runs in a process of its
own, since a translation, once installed, stays for the process. Run under xvfb-run (the
Makefile does) to see the fonts a desktop has.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, QSettings, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from ui.main_window import SECTION_ICONS

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / ".screenshots"
SECTIONS = SECTION_ICONS  # the sections' names, in the sidebar's order
FIRST_START = "first-start"  # the size the window opens at before any layout is remembered
# (size, language, theme): the small screen in both languages and themes, and the first start
VARIANTS = (
    ("1280x720", "ru", "light"),
    ("1280x720", "ru", "dark"),
    ("1280x720", "en", "light"),
    (FIRST_START, "ru", "light"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", help=f"WIDTHxHEIGHT of the window, or {FIRST_START}")
    parser.add_argument("--language", choices=("ru", "en"), default="ru")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--out", type=Path, default=OUT, help="the folder of the variants")
    args = parser.parse_args(argv)
    if args.size is None:  # every variant, each in a process of its own
        failed = 0
        for size, language, theme in VARIANTS:
            command = [sys.executable, "-m", "tests.screenshots", "--size", size]
            command += ["--language", language, "--theme", theme, "--out", str(args.out)]
            failed |= subprocess.run(command, cwd=REPO, check=False).returncode
        return failed
    return shoot(args.size, args.language, args.theme, args.out)


def shoot(size: str, language: str, theme: str, out: Path) -> int:
    from services.demo import create_demo_business
    from services.storage import Database
    from ui import settings as options
    from ui.formatting import Formatter
    from ui.main_window import MainWindow
    from ui.translation import install_translation

    folder = out / f"{language}-{theme}-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        temp = Path(temporary)
        # A throwaway user settings file: the person's own language and layout stay untouched.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp))
        app = QApplication.instance() or QApplication(sys.argv[:1])
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        options.LANGUAGE.set(options.user_settings(), language)
        install_translation(app)  # as app.py does: Russian texts and QLocale when "ru"
        if theme == "dark":
            app.setStyle("Fusion")
            app.setPalette(dark_palette())
        # A new database in the interface language: its statuses and channels in Russian too.
        database = Database.open(temp / "demo.sqlite3", language=language)
        create_demo_business(database, dt.date.today())
        settings = QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database, Formatter(QLocale(), "₽"), settings)
        if size != FIRST_START:
            width, height = (int(part) for part in size.split("x"))
            window.resize(width, height)
        window.show()
        settle(app)
        for index, name in enumerate(SECTIONS):
            window.go(index)
            if window.stack.currentWidget() is window.reports:  # computed in the background
                loop = QEventLoop()
                window.reports.loaded.connect(loop.quit)
                QTimer.singleShot(30_000, loop.quit)
                loop.exec()
            settle(app)
            save(window, folder / f"{index + 1:02d}-{name}.png")
            if window.stack.currentWidget() is window.reports:  # the page below the fold too
                save(window.reports.page, folder / f"{index + 1:02d}-{name}-page.png")
                _year_report(app, window, folder / f"{index + 1:02d}-{name}-year-page.png")
        _card_activity(app, window, folder)
        _company_card(app, window, folder)
        _global_search(app, window, folder)
        _merge(app, window, folder)
        _order_editor(app, window, folder)
        _documents(app, window, folder)
        _history(app, window, folder)
        _dialogs(app, window, temp, folder)
        window.close()
        database.close()
    return 0


def dark_palette() -> QPalette:
    """Fusion's colours on a dark desktop (Breeze Dark–like), for checking legibility."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3e3e3e",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3d7ebf",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7aa7e0",
        QPalette.ColorRole.LinkVisited: "#b48ee0",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def _year_report(app: QApplication, window, path: Path) -> None:
    """The Reports page over the last 12 months (a month axis), then back to this month."""
    reports = window.reports
    for preset in ("last_12_months", "this_month"):
        loop = QEventLoop()
        reports.loaded.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        reports.period.setCurrentIndex(reports.period.findData(preset))
        loop.exec()
        reports.loaded.disconnect(loop.quit)
        settle(app)
        if preset != "this_month":
            save(reports.page, path)


def _card_activity(app: QApplication, window, folder: Path) -> None:
    """The card of the customer with a call planned today, on its Activity tab."""
    from services.today import today_page

    page = today_page(window.database, dt.date.today())
    contact = next(t.contact_id for t in page.tasks_due if t.contact_id is not None)
    window.show_contact(contact)
    window.contacts.tabs.setCurrentWidget(window.contacts.activity)
    settle(app)
    save(window, folder / "card-activity.png")


def _company_card(app: QApplication, window, folder: Path) -> None:
    """A shop's card on its People tab: the company, its legal name, INN and its people."""
    with window.database.session() as session:
        company = session.scalar(
            text(
                "SELECT company_id FROM contacts WHERE company_id IS NOT NULL"
                " GROUP BY company_id ORDER BY COUNT(*) DESC, company_id LIMIT 1"
            )
        )
    window.show_contact(company)
    window.contacts.tabs.setCurrentWidget(window.contacts.people_tab)
    settle(app)
    save(window, folder / "card-company.png")


def _global_search(app: QApplication, window, folder: Path) -> None:
    """Ctrl+K with "ко" typed: people, companies, orders and products found, by kind."""
    search = window.search_everything()
    search.edit.setText("ко")
    search.search_now()
    settle(app)
    save(window, folder / "search-everything.png")
    search.close_popup()


def _merge(app: QApplication, window, folder: Path) -> None:
    """The two Igor Petrovs (namesakes: two people) side by side in the merge dialog, and the
    list of possible duplicates with Igor Smirnov typed in twice."""
    from services.contacts import ContactInput, create_contact
    from ui.merge import DuplicatesDialog, MergeDialog

    with window.database.session() as session:
        first, second = session.scalars(
            text("SELECT id FROM contacts WHERE name = 'Игорь Петров' ORDER BY id LIMIT 2")
        )
        phone = session.scalar(text("SELECT phone FROM contacts WHERE name = 'Игорь Смирнов'"))
    # a card typed in again with a slip in the phone: the list of duplicates has a pair
    slip = phone[:-1] + str((int(phone[-1]) + 1) % 10)
    create_contact(window.database, ContactInput("Игорь Смирнов", slip, notes="Звонил с Авито"))
    for name, dialog in (
        ("merge", MergeDialog(window.database, window.formatter, first, second, window)),
        ("duplicates", DuplicatesDialog(window.database, window.formatter, window)),
    ):
        dialog.show()
        settle(app)
        save(dialog, folder / f"dialog-{name}.png")
        dialog.close()


def _order_editor(app: QApplication, window, folder: Path) -> None:
    """The newest order with the most lines, in its editor."""
    from ui.orders.editor import OrderEditor

    order_id = window.orders.model.order_id(0) if window.orders.model.rowCount() else None
    editor = OrderEditor(window.database, window.formatter, order_id=order_id, parent=window)
    editor.show()
    settle(app)
    save(editor, folder / "dialog-order.png")
    editor.close()


def _documents(app: QApplication, window, folder: Path) -> None:
    """A shop's order (one with an INN) with the most lines: its invoice (issued, then the
    order changed, so the dialog offers a new version), its editor on the Documents tab, the
    invoice and the delivery note as PDFs (`pdftoppm` turns them into pictures), and
    Settings → Business."""
    from services.documents.issue import issue_document
    from services.orders import LineInput, OrderInput, get_order, save_order
    from ui.documents.dialog import DocumentDialog
    from ui.documents.render import write_pdf, write_xlsx
    from ui.orders.editor import OrderEditor
    from ui.settings_dialog.dialog import SettingsDialog
    from ui.translation import interface_language

    with window.database.session() as session:
        order_id = session.scalar(
            text(
                "SELECT o.id FROM orders o JOIN contacts c ON c.id = o.contact_id"
                " WHERE c.kind = 'company'"
                " ORDER BY c.tax_id IS NULL, o.line_count DESC, o.id DESC LIMIT 1"
            )
        )
    language = interface_language()
    for kind in ("invoice", "delivery_note"):
        issued = issue_document(window.database, order_id, kind)
        write_pdf(issued.content, issued.images, folder / f"document-{kind}.pdf", language)
    write_xlsx(issued.content, folder / "document-delivery_note.xlsx", language)
    # One more line after the invoice: the dialog and the editor say it changed since.
    view = get_order(window.database, order_id)
    lines = [LineInput(x.product_id, x.quantity, x.unit_price, x.unit_cost, x.date, x.id)
             for x in view.lines]  # fmt: skip
    lines.append(LineInput(view.lines[0].product_id, 1))
    data = OrderInput(view.contact_id, view.date, view.status_id, view.channel_id,
                      view.comment, lines=tuple(lines), person_id=view.person_id)  # fmt: skip
    save_order(window.database, data, order_id)
    invoice = issue_document(window.database, order_id, "invoice")
    dialog = DocumentDialog(window.database, window.formatter, invoice, window)
    dialog.show()
    settle(app)
    save(dialog, folder / "dialog-document.png")
    dialog.close()
    editor = OrderEditor(window.database, window.formatter, order_id=order_id, parent=window)
    editor.tabs.setCurrentIndex(editor.DOCUMENTS_TAB)
    editor.show()
    settle(app)
    save(editor, folder / "dialog-order-documents.png")
    editor.close()
    settings = SettingsDialog(window.database, window, window.formatter)
    settings.show()
    settle(app)
    save(settings, folder / "dialog-settings-business.png")
    settings.close()


def _history(app: QApplication, window, folder: Path) -> None:
    """A shipment moved a week on and an order shipped, as a person would: the Edit menu
    saying what Ctrl+Z undoes, the History section on the status change with its details,
    the Trash with a deleted order, the order's History tab and the History settings."""
    from PySide6.QtGui import QPainter

    from services import choices
    from services.orders import change_status, delete_order, reschedule_shipment
    from ui.orders.editor import OrderEditor
    from ui.settings_dialog.dialog import SettingsDialog

    database, today = window.database, dt.date.today()
    with database.session() as session:
        line, day = session.execute(
            text("SELECT id, date FROM shipments WHERE date > :today ORDER BY date, id LIMIT 1"),
            {"today": today.isoformat()},
        ).one()
        paid = choices.status_by_code(session, "paid")
        shipped = choices.status_by_code(session, "shipped")
        order_id, gone = session.execute(
            text("SELECT id FROM orders WHERE status_id = :paid ORDER BY id DESC LIMIT 2"),
            {"paid": paid.id},
        ).scalars()
    reschedule_shipment(database, line, dt.date.fromisoformat(str(day)) + dt.timedelta(days=7))
    delete_order(database, gone)
    change_status(database, order_id, shipped.id)
    window.refresh_all()
    window.go(SECTIONS.index("history"))
    window.history.tabs.setCurrentIndex(0)
    window.history.changes.table.selectRow(0)
    settle(app)
    save(window, folder / "history.png")
    window.history.show_trash()
    window.history.trash_table.selectRow(0)
    settle(app)
    save(window, folder / "history-trash.png")
    window.history.tabs.setCurrentIndex(0)

    # the Edit menu open over the window: a popup is a window of its own, drawn on the grab
    menu = window.edit_menu
    bar = window.menuBar()
    menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    settle(app)
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    shot.save(str(folder / "edit-menu-undo.png"))
    print(folder / "edit-menu-undo.png")
    menu.close()

    editor = OrderEditor(database, window.formatter, order_id=order_id, parent=window)
    editor.tabs.setCurrentIndex(editor.HISTORY_TAB)
    editor.show()
    settle(app)
    save(editor, folder / "dialog-order-history.png")
    editor.close()
    settings = SettingsDialog(database, window, window.formatter)
    settings.tabs.setCurrentWidget(settings.history)
    settings.show()
    settle(app)
    save(settings, folder / "dialog-settings-history.png")
    settings.close()


def _dialogs(app: QApplication, window, temp: Path, folder: Path) -> None:
    """The backup and restore dialogs, with one backup taken so the list is not empty."""
    from services.backup import backup_to
    from ui.backup import LAST_TARGET, BackupTargetDialog, RestoreDialog

    stick = temp / "STICK" / "Lavka backups"
    stick.mkdir(parents=True)
    backup_to(window.database.path, stick)
    LAST_TARGET.set(window.settings, str(stick))
    for name, dialog in (
        ("backup", BackupTargetDialog(window.settings, window)),
        ("restore", RestoreDialog([stick], window)),
    ):
        dialog.show()
        settle(app)
        save(dialog, folder / f"dialog-{name}.png")
        dialog.close()


if __name__ == "__main__":
    sys.exit(main())
