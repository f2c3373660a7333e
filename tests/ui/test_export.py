"""Export from the window: the grid as filtered and sorted, the whole database, and Cancel."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from decimal import Decimal as D

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings, Qt

from services.errors import Cancelled
from tests.conftest import status_id
from ui.exchange import export
from ui.exchange.export import LAST_FORMAT, Target
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.operation import ErrorBox, Operation
from ui.orders import columns as orders_columns
from ui.orders import models as orders_models

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


@pytest.fixture
def window(qtbot, db, shop, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = MainWindow(db, FMT, settings)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def offered(monkeypatch):
    """The files the finished-export message offers to open (instead of a modal box)."""
    files: list = []
    monkeypatch.setattr(export.Done, "offer", staticmethod(lambda parent, f: files.extend(f)))
    return files


def choose(monkeypatch, target: Target | None) -> list:
    asked: list = []

    def ask(parent, title, name, settings, prefer=None):
        asked.append((name, prefer))
        return target

    monkeypatch.setattr(export.SaveDialog, "ask", staticmethod(ask))
    return asked


def finish(qtbot, operation: Operation | None) -> Operation:
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=10_000)
    return operation


def test_orders_grid_exports_every_filtered_row_in_its_sort_not_only_the_fetched_page(
    qtbot, window, db, shop, tmp_path, monkeypatch, offered
):
    monkeypatch.setattr(orders_models, "PAGE_SIZE", 2)  # the grid holds two rows at a time
    window.go(window.sections.index(("Orders", window.orders)))
    view = window.orders
    view.status.setCurrentIndex(view.status.findData(status_id(db, "completed")))
    view.grid.sortByColumn(orders_columns.PROFIT, Qt.SortOrder.DescendingOrder)
    assert view.model.rowCount() == 2 and view.model.total == 4
    path = tmp_path / "orders.xlsx"
    asked = choose(monkeypatch, Target(path, "xlsx"))
    finish(qtbot, window.export_view(prefer="xlsx"))
    assert asked == [("Orders", "xlsx")] and offered == [path]
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][:3] == ["No.", "Date", "Contact"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    # Completed orders by profit: O1 1500.50, O5 800, O6 200, O2 −600 (a loss stays a number)
    assert [r[0] for r in rows] == [shop.o1, shop.o5, shop.o6, shop.o2]
    assert [D(str(r[7])) for r in rows] == [D("1500.5"), D("800"), D("200"), D("-600")]
    assert rows[0][1] == dt.datetime(2026, 6, 1) and rows[0][3] == "+7 916 123-45-67"


def test_group_totals_export_to_csv_in_the_remembered_dialect(
    qtbot, window, shop, tmp_path, monkeypatch, offered
):
    window.go(window.sections.index(("Orders", window.orders)))
    view = window.orders
    view.group_by.setCurrentIndex(view.group_by.findData("contact"))
    path = tmp_path / "groups.csv"
    choose(monkeypatch, Target(path, "csv", "excel-ru"))
    finish(qtbot, window.export_view())
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:2] == ["Group", "Orders"]
    anna = next(r for r in rows if r[0].startswith("Анна"))
    # Anna: O5 2000 + O6 500 (O4 cancelled: counted apart, not in the money)
    assert (anna[1], anna[2], anna[3]) == ("2", "1", "2500,00")


def test_export_all_writes_the_exchange_workbook(qtbot, window, tmp_path, monkeypatch, offered):
    path = tmp_path / "all.xlsx"
    choose(monkeypatch, Target(path, "xlsx"))
    finish(qtbot, window.export_everything())
    assert offered == [path]
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[:3] == [
        "Contacts",
        "Orders",
        "Shipments",
    ]


def test_export_all_to_csv_makes_a_folder_named_as_the_file(
    qtbot, window, tmp_path, monkeypatch, offered
):
    choose(monkeypatch, Target(tmp_path / "lavka.csv", "csv", "standard"))
    finish(qtbot, window.export_everything())
    assert {p.name for p in offered} >= {"contacts.csv", "orders.csv", "shipments.csv"}
    assert all(p.parent == tmp_path / "lavka" for p in offered)


def test_no_file_chosen_means_no_export(window, monkeypatch, offered):
    choose(monkeypatch, None)
    assert window.export_view() is None and window.export_everything() is None
    assert offered == []


def test_save_dialog_remembers_the_csv_dialect(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    seen = []

    def dialog(parent, title, path, filters, selected):
        seen.append(selected)
        return str(tmp_path / "x"), filters.split(";;")[2]  # the "standard" CSV type

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    target = export.SaveDialog.ask(None, "Export", "x", settings)
    assert target == Target(tmp_path / "x.csv", "csv", "standard")  # suffix added
    assert LAST_FORMAT.get(settings) == "csv:standard"
    export.SaveDialog.ask(None, "Export", "x", settings, prefer="csv")
    assert "standard" in seen[-1].lower() or "," in seen[-1]  # the last dialect preselected


def test_cancel_stops_the_work_and_reports_nothing(qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list = []
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda p, text: errors.append(text)))
    succeeded: list = []
    release = threading.Event()

    def work(progress):
        for done in range(1000):
            progress(done, 1000)
            if done == 10:
                release.wait(5)  # hold still until the test has pressed Cancel
        return "finished"

    operation = Operation(parent, "Working…", work, succeeded.append).start()
    qtbot.waitUntil(lambda: operation.dialog.bar.value() >= 10, timeout=5000)
    operation.dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    # the dialog stays up, modal, until the work has really stopped
    assert operation.dialog.isVisible() and operation.dialog.label.text() == "Cancelling…"
    release.set()
    finish(qtbot, operation)
    assert operation.cancelled and succeeded == [] and errors == []


def test_a_window_closed_under_running_work_stops_it_without_a_crash(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    succeeded: list = []
    release = threading.Event()

    def work(progress):
        release.wait(5)
        for done in range(100):
            progress(done, 100)
        return "finished"

    operation = Operation(parent, "Working…", work, succeeded.append).start()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent), timeout=5000)
    release.set()
    finish(qtbot, operation)
    assert operation.cancelled and succeeded == []


def test_a_failure_is_said_in_plain_words(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from services.exchange import ExportError

    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list = []
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda p, text: errors.append(text)))

    def work(progress):
        raise ExportError("Could not write 'x.xlsx': No space left on device.")

    operation = finish(qtbot, Operation(parent, "Working…", work).start())
    assert errors == ["Could not write 'x.xlsx': No space left on device."]
    assert isinstance(operation.error, ExportError) and not isinstance(operation.error, Cancelled)


def rows_of(table) -> list[list]:
    return [list(row) for row in table.rows()]


def test_group_totals_export_in_the_grids_sort(qtbot, window, shop):
    window.go(window.sections.index(("Orders", window.orders)))
    view = window.orders
    view.group_by.setCurrentIndex(view.group_by.findData("contact"))
    view.group_table.sortByColumn(orders_models.G_AMOUNT, Qt.SortOrder.AscendingOrder)
    amounts = [row[3] for row in rows_of(view.export_table())]
    # Igor 1: 3501; Anna: 2000 + 500; Igor 2: 0 + 7400 — ascending as on screen
    assert amounts == [D("2500.00"), D("3501.00"), D("7400.00")]


def test_contacts_export_has_every_match_not_only_the_listed_ones(qtbot, db, shop, monkeypatch):
    from ui.contacts import view as contacts_view
    from ui.contacts.view import ContactsView

    monkeypatch.setattr(contacts_view, "_LIMIT", 1)
    view = ContactsView(db, FMT)
    qtbot.addWidget(view)
    view.search.setText("Игорь")
    view.apply_search()
    assert view.list_model.rowCount() == 1
    # both bought in June 2026, more than 4 cadences before any real today after that
    assert rows_of(view.export_table()) == [
        ["Игорь", "+7 916 123-45-67", "Long asleep", ""],
        ["Игорь", "+7 916 123-45-68", "Long asleep", ""],
    ]


def test_the_contacts_export_has_the_tags_after_the_columns_shown(qtbot, db, shop):
    from services.contacts import ContactInput, update_contact
    from services.tags import create_tag
    from ui.contacts.view import ContactsView

    wholesale, vip = create_tag(db, "опт"), create_tag(db, "VIP")
    update_contact(
        db, shop.anna, ContactInput("Анна", "+7 903 111-22-33", tag_ids=[vip.id, wholesale.id])
    )
    view = ContactsView(db, FMT)
    qtbot.addWidget(view)
    view.list_view.horizontalHeader().hideSection(1)  # the phone hidden: not in the file
    table = view.export_table()
    assert [c.header for c in table.columns] == ["Name", "Segment", "Tags"]
    rows = {row[0]: row for row in rows_of(table)}
    assert rows["Анна"][2] == "VIP, опт"


def test_export_keeps_the_columns_as_arranged_and_leaves_hidden_ones_out(qtbot, db, shop):
    from tests.conftest import TODAY
    from ui.products.models import NAME, PROFIT, SKU
    from ui.products.view import ProductsView

    view = ProductsView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(PROFIT), 0)  # profit dragged to the front
    header.hideSection(SKU)
    table = view.export_table()
    headers = [c.header for c in table.columns]
    assert headers[:2] == ["Profit", "Name"] and "SKU" not in headers
    rows = {row[1]: row for row in rows_of(table)}
    # Кошелёк Classic: O1 3×(1000−600) + O2 1×(0−600) + O3 2×(1200−0) = 1200 − 600 + 2400
    assert rows["Кошелёк Classic"][0] == D("3000.00")
    assert view.model.columnCount() == len(headers) + 3 and NAME == 0  # SKU, price, cost hidden


def test_calendar_exports_the_days_list_under_a_usable_file_name(qtbot, db, shop, monkeypatch):
    from tests.conftest import TODAY
    from ui.calendar.view import CalendarView

    view = CalendarView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    view.select_day(dt.date(2026, 6, 20))
    table = view.export_table()
    assert rows_of(table) == [["Игорь, +7 916 123-45-68", "Кошелёк Classic", 5, D("5000.00")]]
    assert table.name == "Shipments 6/20/26"  # the US short date of FMT
    assert export.file_name(table.name) == "Shipments 6-20-26"  # not a folder path
    assert export.file_name('a: b*?"<>|c.') == "a- b-c"
