"""The Board section driven through its widgets: columns, a card dragged to another status, the
loss reason a lost column asks for, the filter, and the conversion strip under the board."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, QMimeData, QModelIndex, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from services.choices import loss_reasons
from services.contacts import ContactInput, create_contact
from services.orders import LineInput, OrderInput, delete_order, get_order, save_order
from services.products import ProductInput, create_product
from services.settings_store import ListEntry, load_list, save_list
from tests.conftest import status_id
from ui.board import view as board_view
from ui.board.delegate import age_text
from ui.board.models import CARD_ROLE, card_from_mime
from ui.board.view import BoardView, ErrorMessage
from ui.formatting import Formatter
from ui.orders.loss_reason import LossReasonDialog

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
DAY = dt.date(2026, 12, 1)
NEW, CONFIRMED, PAID, SHIPPED, COMPLETED, CANCELLED = range(6)  # the columns, left to right


class Shop:
    """Five orders of one customer, wallets at 1 000:

    a  New        2 wallets          2 000   20 Nov, no channel
    b  New        no lines, expected 5 000   25 Nov, channel "Сарафан"
    c  Confirmed  1 wallet           1 000   10 Nov
    d  Completed  3 wallets          3 000    5 Nov
    e  Cancelled  1 wallet           1 000   15 Oct (price too high)
    """

    def __init__(self, db) -> None:
        self.db = db
        entries = [*load_list(db, "channels"), ListEntry(None, "Сарафан", True, None, 0)]
        save_list(db, "channels", entries)
        self.word = next(e.id for e in load_list(db, "channels") if e.name == "Сарафан")
        with db.session() as session:
            self.reasons = {r.name: r.id for r in loss_reasons(session)}
        self.wallet = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
        self.contact = create_contact(db, ContactInput("Магазин «Уют»")).id
        self.a = self.order(dt.date(2026, 11, 20), "new", 2)
        data = OrderInput(
            self.contact, dt.date(2026, 11, 25), status_id(db, "new"), self.word,
            expected_amount="5000",
        )  # fmt: skip
        self.b = save_order(db, data, today=DAY).id
        self.c = self.order(dt.date(2026, 11, 10), "confirmed", 1)
        self.d = self.order(dt.date(2026, 11, 5), "completed", 3)
        self.e = self.order(dt.date(2026, 10, 15), "cancelled", 1, self.reasons["Price too high"])

    def order(self, day, code, quantity, reason=None) -> int:
        data = OrderInput(
            self.contact,
            day,
            status_id(self.db, code),
            loss_reason_id=reason,
            lines=(LineInput(self.wallet, quantity),),
        )
        return save_order(self.db, data, today=DAY).id

    def status_of(self, order: int) -> int:
        return get_order(self.db, order, today=DAY).status_id


@pytest.fixture
def shop(db):
    return Shop(db)


@pytest.fixture
def view(qtbot, db, shop):
    widget = BoardView(db, FMT, today=DAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def orders_in(view, column: int) -> list[int]:
    model = view.panels[column].model
    return [model.card(row).order_id for row in range(model.rowCount())]


def drop_on(view, column: int, mime: QMimeData) -> QDropEvent:
    """A drag as Qt delivers it to a column's list: enter, move over it, drop."""
    viewport = view.panels[column].list.viewport()
    pos = viewport.rect().center()  # a QPoint: PySide6 before 6.12 takes no QPointF here
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = kind(pos, Qt.DropAction.MoveAction, mime, buttons, modifiers)
        QApplication.sendEvent(viewport, event)
    drop = QDropEvent(pos, Qt.DropAction.MoveAction, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, drop)
    return drop


def dragged(view, column: int, order: int) -> QMimeData:
    """What a column's list hands to a drag of the order's card."""
    model = view.panels[column].model
    return model.mimeData([model.index(model.row_of(order))])


def test_a_column_per_status_with_its_count_and_sum(view, shop):
    columns = [(p.column.name, p.column.count, p.column.total) for p in view.panels]
    assert columns == [
        ("New", 2, Decimal("7000.00")),  # a 2 000 + b's expected 5 000
        ("Confirmed", 1, Decimal("1000.00")),
        ("Paid", 0, Decimal("0.00")),
        ("Shipped", 0, Decimal("0.00")),
        ("Completed", 1, Decimal("3000.00")),
        ("Cancelled", 1, Decimal("1000.00")),
    ]
    assert view.panels[NEW].title.text() == "New"
    assert view.panels[NEW].figures.text() == "2 · 7,000.00\u00a0₽"
    assert orders_in(view, NEW) == [shop.b, shop.a]  # newest first
    assert orders_in(view, CANCELLED) == [shop.e]
    assert view.panels[CANCELLED].more.isHidden()  # every card of the column is shown


def test_a_card_says_its_order_contact_worth_age_and_deal(view, shop):
    card = view.panels[NEW].model.index(0).data(CARD_ROLE)
    # b: 6 days old, no modifiers: the default 20 % of its expected 5 000 = 1 000, class E
    # (below D's 5 000)
    assert (card.order_id, card.contact_name, card.worth, card.age) == (
        shop.b,
        "Магазин «Уют»",
        Decimal("5000.00"),
        6,
    )
    assert (card.probability, card.value, card.klass) == (20, Decimal("1000.00"), "E")
    text = view.panels[NEW].model.index(0).data()
    assert text == f"No. {shop.b} · Магазин «Уют» · 5,000.00\u00a0₽"
    assert age_text(6, FMT) == "6 d" and age_text(0, FMT) == "today"
    won = view.panels[COMPLETED].model.card(0)
    assert (won.probability, won.klass) == (None, None)
    assert view.panels[CANCELLED].model.card(0).klass == "F"


def test_dragging_a_card_to_another_column_changes_its_status(qtbot, view, shop, db):
    mime = dragged(view, NEW, shop.a)
    assert card_from_mime(mime) == (shop.a, status_id(db, "new"))
    with qtbot.waitSignal(view.dataChanged):
        drop = drop_on(view, CONFIRMED, mime)
    assert drop.isAccepted()
    assert shop.status_of(shop.a) == status_id(db, "confirmed")
    # both columns again from the database: a left New, Confirmed holds it and its 2 000
    assert orders_in(view, NEW) == [shop.b]
    assert orders_in(view, CONFIRMED) == [shop.a, shop.c]
    assert (view.panels[NEW].column.count, view.panels[NEW].column.total) == (
        1,
        Decimal("5000.00"),
    )
    assert view.panels[CONFIRMED].column.total == Decimal("3000.00")  # 2 000 + 1 000
    assert view.current_card().order_id == shop.a  # the moved card stays chosen
    # the conversion strip follows: a reached Confirmed now, as c did, and d (won) passed it
    assert view.strip.texts()[1] == "Confirmed: reached 3 → won 1 (33.3\u00a0%)"


def test_a_drop_back_on_its_own_column_writes_nothing(qtbot, view, shop, db, monkeypatch):
    moves = []
    monkeypatch.setattr(board_view, "change_status", lambda *a, **k: moves.append(a))
    drop = drop_on(view, NEW, dragged(view, NEW, shop.a))
    QApplication.processEvents()
    assert not drop.isAccepted()
    assert moves == []


def test_a_drop_on_the_lost_column_asks_why_and_cancel_leaves_the_card(
    qtbot, view, shop, db, monkeypatch
):
    asked = []

    def cancel(parent, reasons):
        asked.append([r.name for r in reasons])
        return None

    monkeypatch.setattr(LossReasonDialog, "ask", staticmethod(cancel))
    drop_on(view, CANCELLED, dragged(view, NEW, shop.a))
    qtbot.waitUntil(lambda: bool(asked))
    assert "Price too high" in asked[0]
    assert shop.status_of(shop.a) == status_id(db, "new")
    assert get_order(db, shop.a, today=DAY).loss_reason_id is None
    assert shop.a in orders_in(view, NEW)
    assert orders_in(view, CANCELLED) == [shop.e]
    assert view.panels[CANCELLED].column.count == 1


def test_a_drop_on_the_lost_column_with_a_reason_stores_it(qtbot, view, shop, db, monkeypatch):
    reason = shop.reasons["No answer"]
    monkeypatch.setattr(
        LossReasonDialog, "ask", staticmethod(lambda parent, reasons: (reason, "went quiet"))
    )
    with qtbot.waitSignal(view.dataChanged):
        drop_on(view, CANCELLED, dragged(view, NEW, shop.a))
    order = get_order(db, shop.a, today=DAY)
    assert (order.status_id, order.loss_reason_id, order.loss_note) == (
        status_id(db, "cancelled"),
        reason,
        "went quiet",
    )
    assert orders_in(view, CANCELLED) == [shop.a, shop.e]  # 20 Nov before 15 Oct
    assert view.panels[CANCELLED].column.total == Decimal("3000.00")  # 2 000 + 1 000
    assert view.panels[CANCELLED].model.card(0).klass == "F"


def test_a_refused_move_is_said_and_the_board_stays(qtbot, view, shop, db, monkeypatch):
    said = []
    monkeypatch.setattr(ErrorMessage, "show", staticmethod(lambda parent, text: said.append(text)))
    delete_order(db, shop.a)  # gone behind the board's back (another window, the CLI)
    assert view.move_card(shop.a, status_id(db, "confirmed")) is False
    assert len(said) == 1 and str(shop.a) in said[0]
    assert orders_in(view, CONFIRMED) == [shop.c]


def test_the_channel_filter_shows_only_its_orders(qtbot, view, shop):
    view.channel.setCurrentIndex(view.channel.findData(shop.word))
    assert [p.column.count for p in view.panels] == [1, 0, 0, 0, 0, 0]
    assert orders_in(view, NEW) == [shop.b]
    assert view.panels[NEW].column.total == Decimal("5000.00")
    assert view.strip.texts()[-1] == "All orders: orders 1 · won 0 · lost 0 · conversion 0.0\u00a0%"
    view.channel.setCurrentIndex(0)  # All channels
    assert [p.column.count for p in view.panels] == [2, 1, 0, 0, 1, 1]


def test_the_period_filter(qtbot, view, shop):
    # the last 30 days up to 1 December start on 2 November: e (15 October) is left out
    view.period.setCurrentIndex(view.period.findData("last_30_days"))
    assert [p.column.count for p in view.panels] == [2, 1, 0, 0, 1, 0]
    view.period.setCurrentIndex(view.period.findData("this_month"))  # December: nothing yet
    assert [p.column.count for p in view.panels] == [0] * 6
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.date_from.isVisible() and view.date_to.isVisible()
    view.date_from.setDate(dt.date(2026, 10, 1))
    view.date_to.setDate(dt.date(2026, 11, 6))
    assert [p.column.count for p in view.panels] == [0, 0, 0, 0, 1, 1]  # d and e


def test_the_conversion_strip_of_the_period(view, shop):
    # five orders; a, b reached New only; c reached Confirmed; d was won (passed every stage);
    # e was created lost (no stage). One of the five won: 20 %.
    assert view.strip.texts() == [
        "New: reached 4 → won 1 (25.0\u00a0%)",
        "Confirmed: reached 2 → won 1 (50.0\u00a0%)",
        "Paid: reached 1 → won 1 (100.0\u00a0%)",
        "Shipped: reached 1 → won 1 (100.0\u00a0%)",
        "All orders: orders 5 · won 1 · lost 1 · conversion 20.0\u00a0%",
    ]


def test_a_closed_column_tells_how_many_more_it_holds(qtbot, db, shop, monkeypatch):
    real = board_view.board
    monkeypatch.setattr(board_view, "board", lambda d, f, t: real(d, f, t, closed_cards=0))
    widget = BoardView(db, FMT, today=DAY)
    qtbot.addWidget(widget)
    widget.show()
    lost = widget.panels[CANCELLED]
    assert lost.model.rowCount() == 0 and lost.column.count == 1
    assert lost.more.isVisible() and lost.more.text() == "and 1 more"


def test_one_board_query_per_refresh(qtbot, view, monkeypatch):
    calls = []
    real = board_view.board
    monkeypatch.setattr(board_view, "board", lambda *a: calls.append(a) or real(*a))
    view.refresh()
    assert len(calls) == 1


def test_a_double_click_on_a_card_opens_its_order(qtbot, view, shop):
    panel = view.panels[CONFIRMED]
    rect = panel.list.visualRect(panel.model.index(0))
    with qtbot.waitSignal(view.orderActivated) as opened:
        # a person's double-click: QTest's mouseDClick alone sends no press before it
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [shop.c]


def test_the_move_menu_moves_the_chosen_card(qtbot, view, shop, db):
    assert not view.move_action.isEnabled()  # no card chosen
    assert view.select_card(shop.c)
    assert view.open_action.isEnabled()
    paid = next(a for a in view.move_menu.actions() if a.text() == "Paid")
    own = next(a for a in view.move_menu.actions() if a.text() == "Confirmed")
    assert not own.isEnabled()
    paid.trigger()
    assert shop.status_of(shop.c) == status_id(db, "paid")
    assert orders_in(view, PAID) == [shop.c]


def test_the_filter_is_remembered(qtbot, db, shop, tmp_path, view):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    view.period.setCurrentIndex(view.period.findData("custom"))
    view.date_from.setDate(dt.date(2026, 11, 1))
    view.date_to.setDate(dt.date(2026, 11, 30))
    view.channel.setCurrentIndex(view.channel.findData(shop.word))
    view.save_state(settings)
    again = BoardView(db, FMT, today=DAY)
    qtbot.addWidget(again)
    again.restore_state(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.current_filter() == view.current_filter()
    assert again.current_filter().channel_id == shop.word
    assert [p.column.count for p in again.panels] == [1, 0, 0, 0, 0, 0]


def test_a_lazy_board_loads_when_first_shown(qtbot, db, shop, monkeypatch):
    calls = []
    real = board_view.board
    monkeypatch.setattr(board_view, "board", lambda *a: calls.append(a) or real(*a))
    widget = BoardView(db, FMT, today=DAY, lazy=True)
    qtbot.addWidget(widget)
    widget.refresh()
    assert calls == [] and widget.panels == []
    widget.show()
    assert len(calls) == 1 and len(widget.panels) == 6


def test_the_column_model(qtmodeltester, view):
    model = view.panels[NEW].model
    qtmodeltester.check(model)
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
