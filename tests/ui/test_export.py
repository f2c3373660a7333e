"""Export from the window: the grid as filtered and sorted, the whole database, and Cancel."""

from __future__ import annotations

import csv
import datetime as dt
import time
from decimal import Decimal as D

import openpyxl
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt

from services.errors import Cancelled
from tests.conftest import status_id
from ui import export, orders_models
from ui.export import LAST_FORMAT, Target
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.operation import ErrorBox, Operation

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
    window.go(1)
    view = window.orders
    view.status.setCurrentIndex(view.status.findData(status_id(db, "completed")))
    view.grid.sortByColumn(orders_models.PROFIT, Qt.SortOrder.DescendingOrder)
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
    assert [D(str(r[8])) for r in rows] == [D("1500.5"), D("800"), D("200"), D("-600")]
    assert rows[0][1] == dt.datetime(2026, 6, 1) and rows[0][3] == "+7 916 123-45-67"


def test_group_totals_export_to_csv_in_the_remembered_dialect(
    qtbot, window, shop, tmp_path, monkeypatch, offered
):
    window.go(1)
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
    from PySide6.QtWidgets import QPushButton, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list = []
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda p, text: errors.append(text)))
    succeeded: list = []

    def work(progress):
        for done in range(1000):
            progress(done, 1000)
            time.sleep(0.005)
        return "finished"

    operation = Operation(parent, "Working…", work, succeeded.append).start()
    qtbot.waitUntil(lambda: operation.dialog.value() > 0, timeout=5000)
    operation.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    finish(qtbot, operation)
    assert operation.cancelled and succeeded == [] and errors == []


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
