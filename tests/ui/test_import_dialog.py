"""The import preview: counts, rejected rows, skipping them, and a column mapped by hand."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QSettings

from services.figures import Period, period_figures
from ui.exchange.import_dialog import ImportDialog, remembered_mapping

LOG = (
    "Дата;Клиент;Телефон;Товар;Кол-во;Цена;Закупка\r\n"
    "13.09.2024;Игорь;8 916 123-45-67;Кошелёк Classic;2;1 250,50;600\r\n"
    "13.09.2024;Игорь;+7 (916) 123-45-67;Картхолдер Mini;1;500;300\r\n"
    "14.09.24;Анна;89031112233;Кошелёк Classic;0;1250,5;600\r\n"
)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def opened(qtbot, db, path, settings) -> ImportDialog:
    dialog = ImportDialog(db, path, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.planned, timeout=15_000):
        dialog.start()
    return dialog


def orders(db) -> int:
    connection = sqlite3.connect(db.path)
    try:
        return connection.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    finally:
        connection.close()


def test_a_rejected_row_is_named_and_blocks_the_import_until_skipped(qtbot, db, tmp_path, settings):
    log = tmp_path / "log.csv"
    log.write_bytes(LOG.encode("cp1251"))
    dialog = opened(qtbot, db, log, settings)
    assert dialog.plan is not None and dialog.plan.order_count == 1  # Anna's order is refused
    assert "1 new contacts" in dialog.summary.text() and "2 lines" in dialog.summary.text()
    assert dialog.rejected_rows.rowCount() == 1
    assert (dialog.rejected_rows.item(0, 0).text(), dialog.rejected_rows.item(0, 1).text()) == (
        "4",
        "Кол-во",
    )
    assert not dialog.import_button.isEnabled()  # all or nothing by default
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.planned, timeout=15_000):
        dialog.start_import()
    assert dialog.outcome is not None and dialog.outcome.result.orders == 1
    (rejected,) = dialog.outcome.rejected_files
    assert "Анна" in rejected.read_text(encoding="utf-8-sig")
    again = opened(qtbot, db, log, settings)
    assert "Nothing new: every order of the file is already here." in again.summary.text()
    assert "0 new, 0 updated, 1 unchanged" in again.summary.text()
    assert not again.import_button.isEnabled() and not again.changes.isVisible()
    figures = period_figures(db, Period(), today=dt.date(2026, 1, 1))
    # Igor's order: 2 × 1250.50 + 500 = 3001.00 revenue; cost 2 × 600 + 300 = 1500
    assert (figures.realized.amount, figures.realized.cost) == (D("3001.00"), D("1500.00"))


def test_an_unknown_column_is_mapped_by_hand_and_remembered(qtbot, db, tmp_path, settings):
    log = tmp_path / "log.csv"
    text = "Когда;Клиент;Телефон;Товар;Цена\r\n01.02.2025;Олег;89161234567;Портмоне;900\r\n"
    log.write_text(text, encoding="utf-8-sig")
    dialog = opened(qtbot, db, log, settings)
    assert dialog.plan is None and not dialog.import_button.isEnabled()  # no date column
    combo = dialog.mapping.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("date"))
    with qtbot.waitSignal(dialog.planned, timeout=15_000):
        dialog.replan()
    assert dialog.plan is not None and dialog.plan.order_count == 1
    assert dialog.import_button.isEnabled()
    headers = ("Когда", "Клиент", "Телефон", "Товар", "Цена")
    assert remembered_mapping(settings, headers)[0] == "date"
    again = opened(qtbot, db, log, settings)  # the same header set next time: no asking
    assert again.plan is not None and again.plan.order_count == 1
    assert orders(db) == 0  # a preview writes nothing


def test_two_columns_with_one_header_are_mapped_apart_and_no_cost_is_warned(
    qtbot, db, tmp_path, settings
):
    log = tmp_path / "log.csv"
    text = "Дата;Клиент;Телефон;Товар;Цена;Цена\r\n01.02.2025;Олег;89161234567;Портмоне;900;500\r\n"
    log.write_text(text, encoding="utf-8-sig")
    dialog = opened(qtbot, db, log, settings)
    assert "no cost column" in dialog.summary.text()  # profit would equal revenue
    combo = dialog.mapping.cellWidget(5, 1)  # the second "Цена" holds the purchase price
    combo.setCurrentIndex(combo.findData("cost"))
    with qtbot.waitSignal(dialog.planned, timeout=15_000):
        dialog.replan()
    (order,) = dialog.plan.orders
    assert (order.lines[0].unit_price, order.lines[0].unit_cost) == (D("900"), D("500"))
    assert "no cost column" not in dialog.summary.text()


def test_the_sales_sheet_is_found_behind_an_instructions_sheet(qtbot, db, tmp_path, settings):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Инструкция"
    book.active.append(["Как вести таблицу"])
    sales = book.create_sheet("Продажи")
    sales.append(["Дата", "Клиент", "Телефон", "Товар", "Цена", "Закупка", "Скидка"])
    sales.append([dt.date(2025, 2, 1), "Олег", "89161234567", "Портмоне", 900, 500, "x"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    dialog = opened(qtbot, db, path, settings)
    assert dialog.plan is not None and dialog.plan.order_count == 1
    assert dialog.mapping.item(0, 0).text() == "Дата"  # the sales sheet's columns
    assert "Not imported: Скидка." in dialog.summary.text()


def test_an_order_changed_on_both_sides_is_shown_and_lavkas_version_kept(
    qtbot, db, tmp_path, settings
):
    from services.orders import LineInput, OrderInput, get_order, save_order

    log = tmp_path / "log.csv"
    log.write_text(LOG.replace("0;1250,5", "1;1250,5"), encoding="utf-8-sig")
    first = opened(qtbot, db, log, settings)
    with qtbot.waitSignal(first.planned, timeout=15_000):
        first.start_import()
    igor = 1  # the first order of the file: Igor's, 2 × 1250.50 + 500 = 3001.00
    view = get_order(db, igor)
    lines = tuple(
        LineInput(ln.product_id, ln.quantity, "1000", ln.unit_cost, ln.date)
        for ln in view.lines[:1]
    )  # here: 2 × 1000 = 2000.00
    save_order(db, OrderInput(view.contact_id, view.date, view.status_id, lines=lines), igor)
    log.write_text(
        LOG.replace("0;1250,5", "1;1250,5").replace(";1;500;", ";2;500;"), encoding="utf-8-sig"
    )  # in the file: 2 × 1250.50 + 2 × 500 = 3501.00

    dialog = opened(qtbot, db, log, settings)
    assert dialog.changes.isVisible() and dialog.changes.rowCount() == 1
    texts = [dialog.changes.item(0, c).text() for c in range(4)]
    assert texts[:2] == ["1", "Игорь"]
    assert "2" in texts[2] and "3" in texts[2] and "→" in texts[2]
    assert texts[3] == "Changed here too: Lavka's version is kept"
    assert dialog.prefer_file.isVisible() and not dialog.prefer_file.isChecked()
    with qtbot.waitSignal(dialog.planned, timeout=15_000):
        dialog.start_import()
    assert dialog.outcome.result.conflicts_kept == 1
    assert get_order(db, igor).figures.amount == D("2000.00")

    dialog = opened(qtbot, db, log, settings)
    dialog.prefer_file.setChecked(True)
    with qtbot.waitSignal(dialog.planned, timeout=15_000):
        dialog.start_import()
    assert dialog.outcome.result.updated == 1
    assert get_order(db, igor).figures.amount == D("3501.00")
