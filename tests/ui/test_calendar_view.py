"""The Calendar section driven through its widgets: the month grid, a day's list, drag to move."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QMimeData, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from services.orders import LineInput, OrderInput, get_order, save_order
from tests.conftest import TODAY, status_id
from ui.calendar.view import (
    AMOUNT,
    CONTACT,
    PRODUCT,
    QUANTITY,
    SHIPMENT_MIME,
    CalendarView,
    grid_start,
    shipment_from_mime,
)
from ui.formatting import Formatter

# The shop (tests/conftest.py): the one planned line is O3's A 5 × 1000 on 06-20 for Igor2 →
# 5000.00; every other line is dated up to TODAY (06-15) and O4 is cancelled.
FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
JUNE_20, JUNE_25 = dt.date(2026, 6, 20), dt.date(2026, 6, 25)


@pytest.fixture
def view(qtbot, db, shop):
    widget = CalendarView(db, FMT, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def cell(view, day: dt.date) -> str:
    return view.month_model.index_of(day).data()


def click_day(qtbot, view, day: dt.date) -> None:
    rect = view.grid.visualRect(view.month_model.index_of(day))
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def listed(view) -> list[tuple[str, ...]]:
    model = view.day_model
    return [
        tuple(model.index(row, c).data() for c in (CONTACT, PRODUCT, QUANTITY, AMOUNT))
        for row in range(model.rowCount())
    ]


def o3_planned_line(db, shop):
    return next(line for line in get_order(db, shop.o3, today=TODAY).lines if line.planned)


def drag_event(kind, view, day: dt.date, mime: QMimeData):
    # a QPoint: PySide6 before 6.12 has no QPointF constructor for drag events
    pos = view.grid.visualRect(view.month_model.index_of(day)).center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    return kind(pos, Qt.DropAction.MoveAction, mime, buttons, modifiers)


def drop_on(view, day: dt.date, mime: QMimeData) -> tuple[QDragEnterEvent, QDropEvent]:
    """A drag as Qt delivers it to the grid's viewport: enter, move over the day, drop."""
    events = [drag_event(kind, view, day, mime) for kind in (QDragEnterEvent, QDragMoveEvent)]
    for event in events:
        QApplication.sendEvent(view.grid.viewport(), event)
    drop = drag_event(QDropEvent, view, day, mime)
    QApplication.sendEvent(view.grid.viewport(), drop)
    return events[1], drop


def test_models_pass_the_model_tester(qtmodeltester, qtbot, view):
    qtmodeltester.check(view.month_model)
    click_day(qtbot, view, JUNE_20)
    qtmodeltester.check(view.day_model)


def test_june_shows_the_planned_shipment_on_its_day(view):
    assert view.title.text() == "June 2026"
    assert view.month_model.headerData(0, Qt.Orientation.Horizontal) == "Mon"
    assert view.month_model.headerData(6, Qt.Orientation.Horizontal) == "Sun"
    assert grid_start(dt.date(2026, 6, 1)) == dt.date(2026, 6, 1)  # June 2026 starts on Monday
    assert cell(view, JUNE_20) == "20\n1 shipment(s)\nИгорь\n5,000.00\u00a0₽"
    # Past days show what went out, greyed: O1 on 06-01 (A 3 × 1000 + B 2 × 250.50).
    june_1 = view.month_model.index_of(dt.date(2026, 6, 1))
    assert june_1.data() == "1\n2 shipment(s)\nИгорь\n3,501.00\u00a0₽"
    assert june_1.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert view.month_model.index_of(JUNE_20).data(Qt.ItemDataRole.ForegroundRole) is None
    # The cancelled order (O4, 06-05) shows nothing; nothing went out on TODAY.
    assert cell(view, dt.date(2026, 6, 5)) == "5"
    assert cell(view, TODAY) == "15"


def test_today_is_marked_and_chosen(view):
    today = view.month_model.index_of(TODAY)
    assert today.data(Qt.ItemDataRole.FontRole).bold()
    assert today.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert view.month_model.index_of(JUNE_20).data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.selected_day() == TODAY
    assert view.day_model.rowCount() == 0


def test_seen_after_its_day_the_shipment_is_history(qtbot, db, shop):
    later = CalendarView(db, FMT, today=dt.date(2026, 6, 21))
    qtbot.addWidget(later)
    june_20 = later.month_model.index_of(JUNE_20)
    assert june_20.data() == "20\n1 shipment(s)\nИгорь\n5,000.00\u00a0₽"
    assert june_20.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed: past
    later.select_day(JUNE_20)
    assert later.day_title.text() == "Shipped on 6/20/26:"
    # history stays where it happened: a past line cannot be dragged
    assert not later.day_model.flags(later.day_model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_clicking_a_day_lists_its_shipments_and_double_click_opens_the_order(qtbot, view, shop):
    click_day(qtbot, view, JUNE_20)
    assert view.selected_day() == JUNE_20
    assert listed(view) == [
        ("Игорь, +7 916 123-45-68", "Кошелёк Classic", "5", "5,000.00\u00a0₽"),
    ]
    rect = view.day_table.visualRect(view.day_model.index(0, PRODUCT))
    qtbot.mouseClick(view.day_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.orderActivated, timeout=1000) as blocker:
        qtbot.mouseDClick(view.day_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [shop.o3]


def test_months_go_back_and_forth_and_today_comes_home(view):
    view.next_button.click()
    assert (view.title.text(), view.month()) == ("July 2026", dt.date(2026, 7, 1))
    june_29 = view.month_model.index_of(dt.date(2026, 6, 29))  # July 1 is a Wednesday
    assert (june_29.row(), june_29.column()) == (0, 0)
    assert june_29.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed: another month
    assert (
        view.month_model.index_of(dt.date(2026, 7, 1)).data(Qt.ItemDataRole.ForegroundRole) is None
    )
    view.previous_action.trigger()
    view.previous_action.trigger()
    assert view.title.text() == "May 2026"
    view.today_button.click()
    assert (view.month(), view.selected_day()) == (dt.date(2026, 6, 1), TODAY)


def test_a_day_holds_several_customers(db, qtbot, shop):
    # Anna (Confirmed) takes 2 × B (500) on 06-20 too: 2 lines, 2 customers, 6000.00.
    lines = (LineInput(shop.product_b, 2, date="20.06.2026"),)
    save_order(db, OrderInput(shop.anna, TODAY, status_id(db, "confirmed"), lines=lines))
    view = CalendarView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    assert cell(view, JUNE_20) == "20\n2 shipment(s)\nАнна, Игорь\n6,000.00\u00a0₽"
    tooltip = view.month_model.index_of(JUNE_20).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Анна Соколова\nИгорь\n6,000.00\u00a0₽"


def test_move_shipment_reschedules_in_the_database(qtbot, db, view, shop):
    line = o3_planned_line(db, shop)
    with qtbot.waitSignal(view.dataChanged, timeout=1000):
        assert view.move_shipment(line.id, JUNE_25)
    assert o3_planned_line(db, shop).date == JUNE_25
    assert cell(view, JUNE_20) == "20"
    assert cell(view, JUNE_25) == "25\n1 shipment(s)\nИгорь\n5,000.00\u00a0₽"
    assert view.selected_day() == JUNE_25
    assert [row[AMOUNT] for row in listed(view)] == ["5,000.00\u00a0₽"]


def test_dragging_a_listed_shipment_onto_another_day_moves_it(qtbot, db, view, shop):
    click_day(qtbot, view, JUNE_20)
    # What the day list hands to a drag is what the grid takes from a drop.
    mime = view.day_model.mimeData([view.day_model.index(0, CONTACT)])
    line = o3_planned_line(db, shop)
    assert shipment_from_mime(mime) == line.id
    with qtbot.waitSignal(view.dataChanged, timeout=1000):
        move, drop = drop_on(view, JUNE_25, mime)
    assert move.isAccepted()
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.MoveAction
    moved = get_order(db, shop.o3, today=TODAY)
    assert [(ln.id, ln.date) for ln in moved.lines if ln.planned] == [(line.id, JUNE_25)]
    assert cell(view, JUNE_25).startswith("25\n1 shipment(s)\nИгорь")
    assert cell(view, JUNE_20) == "20"


def test_a_drop_of_something_else_changes_nothing(qtbot, db, view, shop):
    other = QMimeData()
    other.setText("20")
    with qtbot.assertNotEmitted(view.dataChanged):
        move, drop = drop_on(view, JUNE_25, other)
    assert not move.isAccepted() and not drop.isAccepted()
    direct = drag_event(QDropEvent, view, JUNE_25, other)
    view.grid.dropEvent(direct)  # Qt would not even deliver it; the handler refuses it too
    assert not direct.isAccepted()
    assert o3_planned_line(db, shop).date == JUNE_20


def test_a_shipment_that_is_gone_is_said_in_plain_words(qtbot, db, view, shop):
    mime = QMimeData()
    mime.setData(SHIPMENT_MIME, b"999999")
    with qtbot.assertNotEmitted(view.dataChanged):
        drop_on(view, JUNE_25, mime)
    assert view.error.isVisibleTo(view)
    assert view.error.text() == "Shipment #999999 does not exist."
    assert cell(view, JUNE_20).startswith("20\n1 shipment")


def test_the_splitter_and_the_day_columns_are_remembered(qtbot, db, shop, view, tmp_path):
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    view.day_table.horizontalHeader().resizeSection(CONTACT, 321)
    view.save_state(settings)
    again = CalendarView(db, FMT, today=TODAY)
    qtbot.addWidget(again)
    again.restore_state(settings)
    assert again.day_table.horizontalHeader().sectionSize(CONTACT) == 321
