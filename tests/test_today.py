"""The Today page for TODAY (2026-06-15): each list computed by hand from the orders below."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.contacts import set_archived
from services.errors import ValidationError
from services.follow_ups import resolve_follow_up, start_follow_ups
from services.reminders import not_interested, remind_again, snooze
from services.tasks import TaskInput, create_task, set_task_done
from services.timeline import contact_timeline
from services.today import today_page
from tests.conftest import TODAY, ago, customer, loss_reason_id, status_id


@pytest.fixture
def goods(db):
    from services.products import ProductInput, create_product

    a = create_product(db, ProductInput("Кошелёк Classic", None, "1000", "600")).id
    b = create_product(db, ProductInput("Картхолдер Mini", None, "500", "300")).id
    return a, b


def order(db, contact, day, *lines, code="completed"):
    """lines: (product, quantity, ship day or None)."""
    from services.orders import LineInput, OrderInput, save_order

    extra = {"loss_reason_id": loss_reason_id(db)} if code == "cancelled" else {}
    items = tuple(LineInput(p, q, date=ship) for p, q, ship in lines)
    return save_order(
        db, OrderInput(contact, day, status_id(db, code), lines=items, **extra), today=TODAY
    ).id


def test_customers_due_to_reorder_and_asleep(db, goods):
    a, b = goods
    # Olga: every 20 days, last 21 days ago → r = 1.05, due. Units: A 5+3 = 8, B 10: usually B.
    # Revenue 5 000 + 5 000 + 3 000 over 3 orders: average check 4 333.33.
    olga = customer(db, "Ольга", "+79160000001")
    order(db, olga, ago(61), (a, 5, None))
    order(db, olga, ago(41), (b, 10, None))
    order(db, olga, ago(21), (a, 3, None))
    boris = customer(db, "Борис", "+79160000002")  # one purchase 35 days ago: r = 1.17
    order(db, boris, ago(35), (b, 2, None))
    vera = customer(db, "Вера", "+79160000003")  # every 20 days, last today: r = 0
    for days in (40, 20, 0):
        order(db, vera, ago(days), (a, 1, None))
    gleb = customer(db, "Глеб", "+79160000004")  # r = 1.1, but snoozed for 3 days
    order(db, gleb, ago(33), (a, 1, None))
    dina = customer(db, "Дина", "+79160000005")  # r = 1.07, "not interested"
    order(db, dina, ago(32), (a, 1, None))
    egor = customer(db, "Егор", "+79160000006")  # r = 1.13, but reordered: on its way
    order(db, egor, ago(34), (a, 1, None))
    order(db, egor, ago(1), (a, 4, TODAY + dt.timedelta(days=2)), code="confirmed")
    zhanna = customer(db, "Жанна", "+79160000007")  # 50 days: r = 1.67, recently asleep
    order(db, zhanna, ago(50), (b, 1, None))
    zoya = customer(db, "Зоя", "+79160000008")  # 200 days: r = 6.7, long asleep: not listed
    order(db, zoya, ago(200), (b, 1, None))
    gone = customer(db, "Архив", "+79160000009")  # due, but archived
    order(db, gone, ago(36), (b, 1, None))
    set_archived(db, gone)
    snooze(db, gleb, "18.06.2026", TODAY)
    not_interested(db, dina, TODAY)

    page = today_page(db, TODAY)
    # most overdue first: Boris r = 35/30 = 1.167, Olga 21/20 = 1.05
    assert [(c.name, c.segment, c.days_since_last, c.cadence_days) for c in page.reorder] == [
        ("Борис", "new", 35, Decimal(30)),
        ("Ольга", "regular", 21, Decimal(20)),
    ]
    olga_row = page.reorder[1]
    assert (olga_row.usual_product, olga_row.average_check) == (
        "Картхолдер Mini",
        Decimal("4333.33"),
    )
    assert (page.reorder[0].usual_product, page.reorder[0].average_check) == (
        "Картхолдер Mini",
        Decimal("1000.00"),
    )
    assert [(c.name, c.days_since_last) for c in page.asleep] == [("Жанна", 50)]
    assert (page.reorder_total, page.asleep_total) == (2, 1)

    # the snooze ends on the 18th: Gleb (36 days, r = 1.2) is back; Egor's order has shipped
    # (a purchase 1+3 days ago, no longer due); Boris 38 days = 1.27, Olga 24/20 = 1.2
    later = today_page(db, dt.date(2026, 6, 18))
    assert [c.name for c in later.reorder] == ["Борис", "Ольга", "Глеб"]  # equals: older first
    # a new purchase brings Dina back from "not interested" (and makes her regular, not due);
    # remind_again brings her back at once
    remind_again(db, dina)
    assert "Дина" in [c.name for c in today_page(db, TODAY).reorder]
    assert [c.name for c in today_page(db, TODAY, limit=1).reorder] == ["Борис"]
    assert today_page(db, TODAY, limit=1).reorder_total == 3


def test_not_interested_lasts_until_the_next_purchase(db, goods):
    a, _b = goods
    dina = customer(db, "Дина", "+79160000005")
    order(db, dina, ago(80), (a, 1, None))
    order(db, dina, ago(52), (a, 1, None))  # gap 28 → cadence 28, 52/28 = 1.86: asleep
    assert [c.name for c in today_page(db, TODAY).asleep] == ["Дина"]
    not_interested(db, dina, TODAY)
    assert today_page(db, TODAY).asleep == ()
    # She buys again on 14 June: gaps 28 and 51, cadence 39.5. Due again from the day
    # r > 1: 39 days on (23 July) r = 39/39.5, not yet; 40 days on (24 July) 40/39.5.
    order(db, dina, ago(1), (a, 1, None))
    assert today_page(db, dt.date(2026, 7, 23)).reorder == ()
    due = today_page(db, dt.date(2026, 7, 24)).reorder
    assert [(c.name, c.segment, c.cadence_days) for c in due] == [
        ("Дина", "woken", Decimal("39.5"))
    ]


def test_a_snooze_into_the_past_is_refused(db, goods):
    gleb = customer(db, "Глеб", "+79160000004")
    with pytest.raises(ValidationError) as caught:
        snooze(db, gleb, TODAY, TODAY)
    assert caught.value.problems[0].code == "reminder.snooze_past"
    with pytest.raises(ValidationError) as caught:
        snooze(db, gleb, "вчера", TODAY)
    assert caught.value.fields() == {"until"}


def test_shipments_to_send_today_and_overdue(db, goods):
    a, b = goods
    anna = customer(db, "Анна", "+79160000011")
    # confirmed five days ago, line dated two days ago: still not sent → 2 days overdue
    late = order(db, anna, ago(5), (b, 4, ago(2)), code="confirmed")
    vera = customer(db, "Вера", "+79160000012")
    today = order(db, vera, TODAY, (a, 2, None), code="paid")  # to send today
    lev = customer(db, "Лев", "+79160000013")
    order(db, lev, ago(3), (a, 1, ago(1)), code="shipped")  # already on its way
    order(db, lev, ago(3), (a, 1, ago(1)), code="completed")
    order(db, lev, ago(3), (a, 1, ago(1)), code="cancelled")
    order(db, lev, ago(1), (a, 1, TODAY + dt.timedelta(days=1)), code="confirmed")  # planned
    page = today_page(db, TODAY)
    assert [
        (s.order_id, s.name, s.product, s.quantity, s.amount, s.days_overdue)
        for s in page.shipments
    ] == [
        (late, "Анна", "Картхолдер Mini", 4, Decimal("2000.00"), 2),
        (today, "Вера", "Кошелёк Classic", 2, Decimal("2000.00"), 0),
    ]


def test_follow_ups_due_from_fifteen_days_after_the_last_line(db, goods):
    a, b = goods
    start_follow_ups(db, dt.date(2026, 6, 1))
    anna, boris, vera = (customer(db, n, f"+7916000002{i}") for i, n in enumerate("АБВ"))
    o1 = order(db, anna, dt.date(2026, 5, 31), (a, 1, None))  # due today
    o2 = order(db, boris, dt.date(2026, 5, 20), (a, 1, None))  # due 4 June: 11 days late
    order(db, vera, dt.date(2026, 6, 1), (a, 1, None))  # due tomorrow
    order(db, vera, dt.date(2026, 5, 25), (a, 1, None), code="cancelled")
    order(db, vera, dt.date(2026, 5, 16), (a, 1, None))  # due 31 May: before follow-ups began
    # two lines: the last one (28 May) counts → due 12 June, 3 days late
    o6 = order(db, boris, dt.date(2026, 5, 10), (a, 1, None), (b, 2, dt.date(2026, 5, 28)))
    o7 = order(db, anna, dt.date(2026, 5, 25), (a, 1, None))  # already asked
    resolve_follow_up(db, o7, "done", dt.date(2026, 6, 9))

    page = today_page(db, TODAY)
    assert [(f.order_id, f.name, f.shipped, f.due, f.days_overdue) for f in page.follow_ups] == [
        (o2, "Б", dt.date(2026, 5, 20), dt.date(2026, 6, 4), 11),
        (o6, "Б", dt.date(2026, 5, 28), dt.date(2026, 6, 12), 3),
        (o1, "А", dt.date(2026, 5, 31), dt.date(2026, 6, 15), 0),
    ]
    resolve_follow_up(db, o2, "done", TODAY, "  Всё понравилось, ждёт Slim  ")
    resolve_follow_up(db, o6, "dismissed", TODAY)
    assert [f.order_id for f in today_page(db, TODAY).follow_ups] == [o1]
    notes = [e.text for e in contact_timeline(db, boris) if e.kind == "note"]
    assert notes == ["Всё понравилось, ждёт Slim"]
    with pytest.raises(ValidationError):
        resolve_follow_up(db, o1, "dismissed", TODAY, "ответ")
    assert [f.order_id for f in today_page(db, TODAY).follow_ups] == [o1]


def test_tasks_overdue_and_due_and_the_count_of_things_due(db, goods):
    a, _b = goods
    overdue = create_task(db, TaskInput("Позвонить", "10.06.2026"))
    done = create_task(db, TaskInput("Сделано", "12.06.2026"))
    set_task_done(db, done.id)
    timed = create_task(db, TaskInput("В десять", "15.06.2026", "10:00"))
    untimed = create_task(db, TaskInput("Сегодня", "15.06.2026"))
    create_task(db, TaskInput("Завтра", "16.06.2026"))
    vera = customer(db, "Вера", "+79160000012")
    order(db, vera, TODAY, (a, 2, None), code="paid")
    page = today_page(db, TODAY)
    assert [t.id for t in page.tasks_overdue] == [overdue.id]
    assert [t.id for t in page.tasks_due] == [untimed.id, timed.id]
    # 1 overdue + 2 due + 1 shipment; Vera bought today, so she is neither due nor asleep
    assert page.due_count == 4
