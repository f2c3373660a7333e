"""Lavka in Russian as a new user meets it: a new database's lists in Russian, the grids and
the services' messages in Russian, no English word on the way."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale
from sqlalchemy import text

from services.choices import channels, loss_reasons, statuses
from services.contacts import ContactInput, create_contact
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.storage import Database
from ui.contacts.view import ContactsView
from ui.formatting import Formatter
from ui.orders.columns import STATUS
from ui.orders.view import OrdersView

FMT = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def ru_db(tmp_path):
    database = Database.open(tmp_path / "lavka.sqlite3", language="ru")
    yield database
    database.close()


def test_a_new_database_gets_its_lists_in_the_interface_language(ru_db, tmp_path):
    with ru_db.session() as session:
        assert [s.name for s in statuses(session)] == [
            "Новый", "Подтверждён", "Оплачен", "Отгружен", "Выполнен", "Отменён",
        ]  # fmt: skip
        assert [s.role for s in statuses(session)][-2:] == ["won", "lost"]
        assert [c.name for c in channels(session)][:4] == [
            "Авито",
            "Сайт",
            "Рекомендация",
            "Звонок",
        ]
        assert "Дорого" in [r.name for r in loss_reasons(session)]
    ru_db.close()
    # An existing database keeps its words, whatever language opens it later.
    english = Database.open(tmp_path / "lavka.sqlite3", language="en")
    try:
        with english.session() as session:
            assert statuses(session)[2].name == "Оплачен"
    finally:
        english.close()


def test_the_orders_grid_reads_a_russian_status(qtbot, russian, ru_db):
    contact = create_contact(ru_db, ContactInput("Игорь", "+7 916 123-45-67")).id
    product = create_product(ru_db, ProductInput("Кошелёк", None, "1000", "600")).id
    with ru_db.session() as session:
        paid = next(s.id for s in statuses(session) if s.code == "paid")
    save_order(ru_db, OrderInput(contact, TODAY, paid, lines=(LineInput(product, 2),)), today=TODAY)
    view = OrdersView(ru_db, FMT)
    view.today = lambda: TODAY
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, STATUS)) == "Оплачен"


def test_an_import_writes_its_own_note_in_the_database_language(ru_db, tmp_path):
    from services.importing import apply_import, plan_import, read_file
    from services.importing.context import NO_REASON_NOTES

    log = tmp_path / "log.csv"
    log.write_text(
        "Дата;Клиент;Телефон;Товар;Кол-во;Цена;Статус\n"
        "01.06.2026;Олег;89161234567;Слим;2;900;Отменён\n",
        encoding="utf-8",
    )
    with ru_db.session() as session:
        reasons = [r.name for r in loss_reasons(session)]
    assert "Другое" not in reasons  # no fallback reason: the order gets the note
    apply_import(ru_db, plan_import(ru_db, read_file(log), today=TODAY))
    with ru_db.session() as session:
        (note,) = session.execute(text("SELECT loss_note FROM orders")).scalars()
    assert note == NO_REASON_NOTES["ru"] == "Отменён в импортированном файле; причина не указана."


def test_a_bad_phone_is_explained_in_russian(qtbot, russian, ru_db):
    view = ContactsView(ru_db, FMT, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.new_contact()
    view.name.setText("Ольга")
    view.phone.setText("12345")
    view.phone.editingFinished.emit()
    error = view.errors["phone"]
    assert error.isVisible()
    assert error.text() == "Телефон «12345» — неверный номер: слишком короткий."
    assert view.save() is False
    assert "12345" in error.text() and "Phone" not in error.text()
