"""Every action a person takes is named in the history as they would say it, and is listed on
the History tabs of the contact and the order it is about (services/history.py)."""

from __future__ import annotations

import datetime as dt

from services import history
from services.contacts import (
    ContactInput,
    create_contact,
    delete_contact,
    set_archived,
    update_contact,
)
from services.documents.issue import issue_document
from services.documents.seller import save_seller
from services.expenses import ExpenseInput, delete_expense, save_expense
from services.follow_ups import resolve_follow_up
from services.importing import plan_import, run_import
from services.merge import merge_contacts
from services.orders import (
    LineInput,
    OrderInput,
    change_status,
    delete_order,
    get_order,
    reschedule_shipment,
    save_order,
)
from services.payments import delete_payment, record_payment, set_payment_due, set_payment_terms
from services.products import ProductInput, create_product, update_product
from services.purchases import PurchaseInput, PurchaseLineInput, delete_purchase, save_purchase
from services.reminders import not_interested, remind_again, snooze
from services.settings_store import load_list, save_list
from services.stock import AdjustmentInput, add_adjustment, delete_adjustment, set_min_stock
from services.tags import create_tag, delete_tag, update_tag
from services.tasks import (
    TaskInput,
    create_task,
    delete_task,
    move_task,
    set_task_done,
    update_task,
)
from services.timeline import add_note
from tests.conftest import TODAY, Shop, status_id
from tests.test_documents import SELLER
from tests.test_importing import LOG_HEADERS, LOG_ROWS, sheet

NBSP = "\u00a0"


def newest(db) -> tuple[str, int | None, int | None]:
    """The newest entry's English name and its subjects (contact, order)."""
    entry = history.get_entry(db, history.last_entry_id(db))
    return entry.name(), entry.contact_id, entry.order_id


def test_the_shop_has_the_order_numbers_the_names_below_show(shop: Shop):
    # the order number a person sees ("Order No. 3") is the order's id
    assert (shop.o1, shop.o3, shop.o6) == (1, 3, 6)
    assert (shop.igor1, shop.igor2, shop.anna) == (1, 2, 3)


def test_order_actions_name_the_order_and_list_on_its_contact(db, shop: Shop):
    new = save_order(db, OrderInput(shop.anna, "15.06.2026", lines=(LineInput(shop.product_b),)))
    assert new.id == 7
    assert newest(db) == ("Order No. 7 created", shop.anna, 7)

    line = new.lines[0]
    edited = OrderInput(
        shop.anna,
        "15.06.2026",
        comment="к пятнице",
        lines=(LineInput(shop.product_b, 2, id=line.id),),
    )
    save_order(db, edited, order_id=7)
    assert newest(db) == ("Order No. 7 edited", shop.anna, 7)

    change_status(db, shop.o3, status_id(db, "shipped"), today=TODAY)
    assert newest(db) == ("Order No. 3: status Paid → Shipped", shop.igor2, 3)

    planned = get_order(db, shop.o3, TODAY).lines[1]  # 5 × A shipped 20.06.2026
    reschedule_shipment(db, planned.id, dt.date(2026, 6, 25))
    assert newest(db) == ("Order No. 3: move shipment to 25.06.2026", shop.igor2, 3)

    delete_order(db, shop.o6)
    entry = history.get_entry(db, history.last_entry_id(db))
    assert (entry.code, entry.name()) == ("order.deleted", "Order No. 6 deleted")
    assert (entry.contact_id, entry.order_id) == (shop.anna, 6)
    assert [e.id for e in history.trash(db)] == [entry.id]  # the Trash finds it by its code


def test_payment_actions_name_the_amount(db, shop: Shop):
    paid = record_payment(db, shop.o3, "1234.5", "14.06.2026", today=TODAY).payment
    assert newest(db) == ("Order No. 3: payment 1 234,50", shop.igor2, 3)

    delete_payment(db, paid.id)
    assert newest(db) == ("Order No. 3: payment 1 234,50 deleted", shop.igor2, 3)

    set_payment_due(db, shop.o3, "30.06.2026")
    assert newest(db) == ("Order No. 3: payment due 30.06.2026", shop.igor2, 3)
    set_payment_due(db, shop.o3, None)
    assert newest(db) == ("Order No. 3: payment due by the contact's terms", shop.igor2, 3)

    set_payment_terms(db, shop.anna, "14")
    assert newest(db) == ("Contact Анна Соколова: payment terms 14 days", shop.anna, None)


def test_contact_actions_name_the_contact(db):
    olga = create_contact(db, ContactInput("Ольга", "+7 916 000-00-01")).id
    assert newest(db) == ("New contact Ольга", olga, None)

    update_contact(db, olga, ContactInput("Ольга Никитина", "+7 916 000-00-01"))
    assert newest(db) == ("Contact Ольга Никитина edited", olga, None)

    set_archived(db, olga)
    assert newest(db) == ("Contact Ольга Никитина archived", olga, None)
    set_archived(db, olga, False)
    assert newest(db) == ("Contact Ольга Никитина back from the archive", olga, None)

    add_note(db, olga, "перезвонить после 15-го", TODAY)
    assert newest(db) == ("Contact Ольга Никитина: note", olga, None)

    snooze(db, olga, "20.06.2026", TODAY)
    assert newest(db) == ("Contact Ольга Никитина: reminder put off to 20.06.2026", olga, None)
    not_interested(db, olga, TODAY)
    assert newest(db) == (
        "Contact Ольга Никитина: not interested until the next purchase",
        olga,
        None,
    )
    remind_again(db, olga)
    assert newest(db) == ("Contact Ольга Никитина: remind again", olga, None)

    delete_contact(db, olga)
    entry = history.get_entry(db, history.last_entry_id(db))
    assert (entry.code, entry.name()) == ("contact.deleted", "Contact Ольга Никитина deleted")
    assert (entry.contact_id, entry.order_id) == (olga, None)
    assert [e.id for e in history.trash(db)] == [entry.id]


def test_a_merge_is_listed_on_the_surviving_contact(db, shop: Shop):
    merge_contacts(db, shop.igor1, shop.igor2)
    assert newest(db) == ("Contact Игорь merged into Игорь", shop.igor1, None)


def test_an_import_names_its_file_and_the_records_written(db, tmp_path):
    plan = plan_import(db, [sheet("Продажи", LOG_HEADERS, LOG_ROWS)], today=TODAY)
    run_import(db, tmp_path / "log.xlsx", plan)
    # 4 contacts, 4 products and 7 orders written (tests/test_importing.py counts them)
    assert newest(db) == ("Import of log.xlsx: 15 records", None, None)


def test_task_actions_name_the_task_and_list_on_its_order(db, shop: Shop):
    task = create_task(db, TaskInput("Отправить счёт", "17.06.2026", order_id=shop.o3)).id
    assert newest(db) == ("New task “Отправить счёт”", shop.igor2, 3)

    update_task(db, task, TaskInput("Отправить счёт и акт", "17.06.2026", order_id=shop.o3))
    assert newest(db) == ("Task “Отправить счёт и акт” edited", shop.igor2, 3)
    move_task(db, task, "19.06.2026")
    assert newest(db) == ("Task “Отправить счёт и акт” moved to 19.06.2026", shop.igor2, 3)
    set_task_done(db, task)
    assert newest(db) == ("Task “Отправить счёт и акт” done", shop.igor2, 3)
    set_task_done(db, task, False)
    assert newest(db) == ("Task “Отправить счёт и акт” not done", shop.igor2, 3)
    delete_task(db, task)
    assert newest(db) == ("Task “Отправить счёт и акт” deleted", shop.igor2, 3)

    alone = create_task(db, TaskInput("Заказать коробки", "18.06.2026")).id
    assert alone and newest(db) == ("New task “Заказать коробки”", None, None)


def test_tag_actions_name_the_tag(db):
    tag = create_tag(db, "опт").id
    assert newest(db) == ("New tag опт", None, None)
    update_tag(db, tag, "оптовик")
    assert newest(db) == ("Tag оптовик edited", None, None)
    delete_tag(db, tag)
    assert newest(db) == ("Tag оптовик deleted", None, None)


def test_product_and_stock_actions_name_the_product(db, shop: Shop):
    belt = create_product(db, ProductInput("Ремень Strap", "ST-1", "800", "400")).id
    assert newest(db) == ("New product Ремень Strap", None, None)
    update_product(db, belt, ProductInput("Ремень Strap II", "ST-1", "850", "400"))
    assert newest(db) == ("Product Ремень Strap II edited", None, None)

    set_min_stock(db, belt, "5")
    assert newest(db) == ("Product Ремень Strap II: minimum stock 5", None, None)
    set_min_stock(db, belt, "")
    assert newest(db) == ("Product Ремень Strap II: no minimum stock", None, None)

    found = add_adjustment(db, AdjustmentInput(shop.product_a, "12", "пересчёт"), today=TODAY)
    assert newest(db) == ("Stock of Кошелёк Classic: +12 (пересчёт)", None, None)
    delete_adjustment(db, found.id)
    assert newest(db) == ("Stock of Кошелёк Classic: adjustment +12 deleted", None, None)
    add_adjustment(db, AdjustmentInput(shop.product_b, "2", "брак", kind="write_off"), today=TODAY)
    assert newest(db) == ("Stock of Картхолдер Mini: -2 (брак)", None, None)


def test_purchase_and_expense_actions_name_their_day(db, shop: Shop):
    line = (PurchaseLineInput(shop.product_a, 30, "500"),)
    bought = save_purchase(db, PurchaseInput("20.04.2026", supplier_id=shop.anna, lines=line))
    assert newest(db) == ("New purchase of 20.04.2026", shop.anna, None)
    save_purchase(db, PurchaseInput("21.04.2026", supplier_name="Склад", lines=line), bought.id)
    assert newest(db) == ("Purchase of 21.04.2026 edited", None, None)
    delete_purchase(db, bought.id)
    assert newest(db) == ("Purchase of 21.04.2026 deleted", None, None)

    spent = save_expense(db, ExpenseInput("1500", "delivery", "10.06.2026"), today=TODAY)
    assert newest(db) == ("Expense of 10.06.2026: 1 500,00", None, None)
    delete_expense(db, spent.id)
    assert newest(db) == ("Expense of 10.06.2026 deleted: 1 500,00", None, None)


def test_a_list_edit_names_the_list(db):
    entries = load_list(db, "channels")
    save_list(db, "channels", list(reversed(entries)))
    assert newest(db) == ("Channels edited", None, None)


def test_a_document_and_a_follow_up_name_their_order(db, shop: Shop):
    save_seller(db, SELLER)
    issue_document(db, shop.o1, "invoice", dt.date(2026, 6, 15))
    assert newest(db) == ("Order No. 1: invoice No. 1 of 15.06.2026", shop.igor1, 1)
    resolve_follow_up(db, shop.o1, "dismissed", TODAY)
    assert newest(db) == ("Order No. 1: follow-up dismissed", shop.igor1, 1)


def test_money_in_a_name_groups_its_thousands_with_a_plain_space():
    from services.formatting import named_date, named_money

    assert named_money(1234567) == "1 234 567,00" and NBSP not in named_money(1234567)
    assert named_date(dt.date(2026, 9, 13)) == "13.09.2026"
