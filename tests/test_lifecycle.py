"""Lifecycle segments from each customer's own purchase dates, computed by hand below.

TODAY is 2026-06-15. Default rules: a one-date customer's cadence is 30 days; r = days since
the last purchase / cadence; awake while r ≤ 1.5, recently asleep while r ≤ 4, then long
asleep; woken when the last gap was over 1.5 × the cadence before it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select, text

from models import Setting
from services.lifecycle import (
    AS_OF,
    LifecycleRules,
    first_day_over,
    history_of,
    load_rules,
    median_halves,
)
from services.orders import change_status
from services.segments import contact_segment, contact_segments, segment_shift
from services.settings_store import save_reminder_settings
from tests.conftest import TODAY, ago, buy, customer, loss_reason_id, status_id

D = dt.date


def bought_on(db, product, name, phone, *days_ago: int) -> int:
    contact = customer(db, name, phone)
    for days in days_ago:
        buy(db, contact, product, ago(days))
    return contact


def segment(db, contact, today=TODAY):
    return contact_segment(db, contact, today)


# --- the arithmetic -------------------------------------------------------------------------


def test_median_of_intervals_in_half_days():
    assert median_halves([20]) == 40
    assert median_halves([10, 20]) == 30  # 15 days
    assert median_halves([10, 21]) == 31  # 15.5 days
    assert median_halves([30, 10, 20]) == 40  # 20: the middle once sorted


def test_first_day_over_a_limit_is_the_day_after_the_last_day_within_it():
    # cadence 30: r ≤ 1.5 up to 45 days after the purchase; day 46 is over
    assert first_day_over(D(2026, 5, 1), 60, Decimal("1.5")) == D(2026, 5, 1) + dt.timedelta(46)
    # cadence 15.5: 1.5 × 15.5 = 23.25 → day 23 (24 May) within, day 24 (25 May) over
    assert first_day_over(D(2026, 5, 1), 31, Decimal("1.5")) == D(2026, 5, 25)


def test_history_of_one_date_uses_the_default_cadence():
    history = history_of([D(2026, 6, 1)], LifecycleRules(default_cadence=20))
    assert history is not None
    assert (history.purchases, history.cadence_days, history.awake_segment) == (1, 20, "new")
    assert history.reorder_from == D(2026, 6, 22)  # day 21 after: r = 21/20 > 1
    assert history.asleep_from == D(2026, 7, 2)  # day 30 (1 Jul) within 1.5 × 20, 31 over
    assert history.long_asleep_from == D(2026, 8, 21)  # day 80 within 4 × 20, day 81 over


def test_no_dates_no_history():
    assert history_of([], LifecycleRules()) is None


# --- segments in the database ------------------------------------------------------------------


def test_every_segment_with_its_cadence_and_days(db, wallet):
    lead = customer(db, "Лид", "+79160000001")
    cancelled = customer(db, "Отменил", "+79160000002")
    buy(db, cancelled, wallet, ago(10), code="cancelled")
    new = bought_on(db, wallet, "Новый", "+79160000003", 14)
    new_edge = bought_on(db, wallet, "Ровно полтора", "+79160000004", 45)  # r = 45/30 = 1.5
    asleep_edge = bought_on(db, wallet, "Чуть больше", "+79160000005", 46)  # r = 1.53
    four = bought_on(db, wallet, "Ровно четыре", "+79160000006", 120)  # r = 120/30 = 4
    long = bought_on(db, wallet, "Давно", "+79160000007", 121)  # r = 4.03
    regular = bought_on(db, wallet, "Постоянный", "+79160000008", 60, 40, 20)  # every 20
    # gaps 10, 10, 10, then 40 > 1.5 × 10: woken, cadence median(10,10,10,40) = 10, r = 0.5
    woken = bought_on(db, wallet, "Проснулся", "+79160000009", 75, 65, 55, 45, 5)
    # one purchase before: its cadence is the default 30; a gap of 90 > 45: woken
    woken_two = bought_on(db, wallet, "Вернулся", "+79160000010", 100, 10)

    expected = {
        lead: ("no_purchases", 0, None, None),
        cancelled: ("no_purchases", 0, None, None),
        new: ("new", 1, Decimal(30), 14),
        new_edge: ("new", 1, Decimal(30), 45),
        asleep_edge: ("recently_asleep", 1, Decimal(30), 46),
        four: ("recently_asleep", 1, Decimal(30), 120),
        long: ("long_asleep", 1, Decimal(30), 121),
        regular: ("regular", 3, Decimal(20), 20),
        woken: ("woken", 5, Decimal(10), 5),
        woken_two: ("woken", 2, Decimal(90), 10),
    }
    found = {
        s.contact_id: (s.segment, s.purchases, s.cadence_days, s.days_since_last)
        for s in contact_segments(db, TODAY)
    }
    assert found == expected


def test_a_planned_order_is_not_a_purchase_until_its_first_line_ships(db, wallet):
    igor = bought_on(db, wallet, "Игорь", "+79161234567", 20)
    # ordered two days ago, to be shipped in five days: not bought yet
    buy(db, igor, wallet, ago(2), code="confirmed", ship=TODAY + dt.timedelta(days=5))
    now = segment(db, igor)
    assert (now.segment, now.purchases, now.last_purchase, now.days_since_last) == (
        "new",
        1,
        ago(20),
        20,
    )
    # on the ship day the order (dated two days before TODAY) becomes the second purchase
    later = segment(db, igor, TODAY + dt.timedelta(days=5))
    assert (later.purchases, later.last_purchase, later.cadence_days) == (2, ago(2), 18)


def test_the_gap_between_purchase_dates_counts_days_not_orders(db, wallet):
    # two orders on one day are one purchase date: the gaps are 12 and 12 (not 0, 12, 12)
    anna = bought_on(db, wallet, "Анна", "+79031112233", 40, 40, 28, 16)
    found = segment(db, anna)
    assert (found.purchases, found.cadence_days, found.segment) == (3, 12, "regular")


def test_due_to_reorder_only_past_one_cadence(db, wallet):
    on_time = bought_on(db, wallet, "Вовремя", "+79160000011", 60, 40, 20)  # r = 20/20 = 1
    late = bought_on(db, wallet, "Пора", "+79160000012", 61, 41, 21)  # r = 21/20 = 1.05
    asleep = bought_on(db, wallet, "Уснул", "+79160000013", 71, 51, 31)  # r = 31/20 > 1.5
    due = {s.contact_id: s.due_to_reorder for s in contact_segments(db, TODAY)}
    assert due == {on_time: False, late: True, asleep: False}


def test_segments_follow_every_write_at_once(db, wallet):
    olga = customer(db, "Ольга", "+79175550011")
    first = buy(db, olga, wallet, ago(100))
    assert segment(db, olga).segment == "recently_asleep"  # r = 100/30 = 3.3
    buy(db, olga, wallet, ago(10))
    assert segment(db, olga).segment == "woken"  # gap 90 > 45
    change_status(db, first, status_id(db, "cancelled"), loss_reason_id(db))
    assert (segment(db, olga).segment, segment(db, olga).purchases) == ("new", 1)


def test_another_day_is_computed_without_moving_the_stored_one(db, wallet):
    olga = bought_on(db, wallet, "Ольга", "+79175550011", 60, 40, 20)
    today = dt.date.today()
    with db.session() as session:
        stored_before = session.get(Setting, AS_OF)
    assert stored_before is None
    assert segment(db, olga).segment == "regular"  # TODAY (not the real today): rolled back
    with db.session() as session:
        assert session.get(Setting, AS_OF) is None
    contact_segments(db, today)  # the real today is kept for the next read
    with db.session() as session:
        assert session.get(Setting, AS_OF).value == today.isoformat()
    # and an earlier day still reads right afterwards, from the table kept for today
    assert segment(db, olga, ago(30)).purchases == 2


def test_the_table_follows_writes_made_behind_the_services_back(db, wallet, tmp_path):
    olga = bought_on(db, wallet, "Ольга", "+79175550011", 60, 40, 20)
    today = dt.date.today()
    contact_segments(db, today)
    with db.engine.begin() as raw:  # not through the services: the triggers alone follow it
        raw.execute(
            text("UPDATE orders SET status_id = :status WHERE contact_id = :contact"),
            {"status": status_id(db, "cancelled"), "contact": olga},
        )
    assert segment(db, olga, today).segment == "no_purchases"


def test_changing_a_status_role_moves_its_orders(db, wallet):
    olga = bought_on(db, wallet, "Ольга", "+79175550011", 20)
    with db.session() as session:
        before = session.scalar(select(Setting).where(Setting.key == AS_OF))
    assert before is None
    contact_segments(db, dt.date.today())
    with db.engine.begin() as raw:
        raw.execute(text("UPDATE order_statuses SET role = 'lost' WHERE code = 'completed'"))
    assert segment(db, olga, dt.date.today()).segment == "no_purchases"


def test_segment_shift_counts_who_moved(db, wallet):
    # June: Anna (one purchase in May) falls asleep; Boris buys for the first time in June;
    # Vera stays regular; Lev never buys.
    anna = bought_on(db, wallet, "Анна", "+79160000021", 40)  # May 6
    boris = customer(db, "Борис", "+79160000022")
    buy(db, boris, wallet, ago(5))
    vera = bought_on(db, wallet, "Вера", "+79160000023", 45, 30, 15, 0)
    customer(db, "Лев", "+79160000024")
    shift = segment_shift(db, D(2026, 6, 1), D(2026, 6, 30), TODAY)
    assert (shift.start, shift.end) == (D(2026, 5, 31), TODAY)
    # May 31: Anna new (25 days), Boris none, Vera regular, Lev none
    assert shift.before == {
        "no_purchases": 2, "new": 1, "regular": 1, "woken": 0,
        "recently_asleep": 0, "long_asleep": 0,
    }  # fmt: skip
    # June 15: Anna 40 days → still new (≤ 45); Boris new; Vera regular
    assert shift.after == {
        "no_purchases": 1, "new": 2, "regular": 1, "woken": 0,
        "recently_asleep": 0, "long_asleep": 0,
    }  # fmt: skip
    assert shift.moved == 1
    assert shift.moved_in["new"] == 1 and shift.moved_out["no_purchases"] == 1
    assert segment(db, boris).segment == "new" and segment(db, anna).segment == "new"
    assert segment(db, vera).segment == "regular"


def test_new_rules_apply_to_every_history(db, wallet):
    olga = bought_on(db, wallet, "Ольга", "+79175550011", 50)
    today = dt.date.today()
    assert segment(db, olga).segment == "recently_asleep"  # 50 > 45
    contact_segments(db, today)  # the table is kept for the real today
    save_reminder_settings(db, "40", "1,5", "4", "15")  # 50 ≤ 1.5 × 40 = 60
    assert segment(db, olga).segment == "new"
    with db.session() as session:
        assert load_rules(session) == LifecycleRules(40, Decimal("1.5"), Decimal(4))


def test_segment_counts_leave_archived_contacts_out(db, wallet):
    from services.contacts import set_archived
    from services.segments import segment_counts

    bought_on(db, wallet, "Новый", "+79160000031", 10)
    bought_on(db, wallet, "Ещё новый", "+79160000032", 20)
    gone = bought_on(db, wallet, "В архиве", "+79160000033", 5)
    customer(db, "Лид", "+79160000034")
    set_archived(db, gone)
    counts = segment_counts(db, TODAY)
    assert {k: v for k, v in counts.items() if v} == {"new": 2, "no_purchases": 1}
    assert list(counts) == ["no_purchases", "new", "regular", "woken", "recently_asleep",
                            "long_asleep"]  # fmt: skip
