"""The period report against hand-computed values for the shop in conftest.py (TODAY 06-15).

The shop's realized sales, by shipment date (O4 is cancelled, O3's 06-20 line is planned):
    05-20 O5 Anna   B 4×500/300          2000.00 / 1200.00
    06-01 O1 Igor1  A 3×1000/600         3000.00 / 1800.00
                    B 2×250.50/100.25     501.00 /  200.50
    06-10 O2 Igor2  A 1×0/600               0.00 /  600.00
    06-12 O3 Igor2  A 2×1200/0           2400.00 /    0.00
    06-14 O6 Anna   B 1×500/300           500.00 /  300.00
None of these orders has a channel.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from services.choices import channels
from services.contacts import ContactInput, create_contact
from services.errors import ValidationError
from services.figures import Period
from services.figures_math import Figures
from services.orders import LineInput, OrderInput, save_order
from services.report import (
    KEY_FIGURES,
    period_report,
    preset_period,
    previous_period,
)
from tests.conftest import TODAY, loss_reason_id, status_id
from tests.test_funnel import DAY as FUNNEL_DAY
from tests.test_funnel import NOVEMBER
from tests.test_funnel import Shop as FunnelShop

JUNE = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
MAY = Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))
SIX = D("0.000001")


def close(value: D | None, expected: D) -> bool:
    return value is not None and abs(value - expected) < SIX


def test_june_key_figures_against_may(db, shop):
    report = period_report(db, JUNE, TODAY)
    assert report.previous_period == MAY
    # June: O1 3501.00 + O2 0 + O3 2400.00 + O6 500.00 (O4 cancelled, O3's 06-20 line planned)
    assert report.value("revenue") == D("6401.00")
    assert report.value("cost") == D("2900.50")  # 2000.50 + 600 + 0 + 300
    assert report.value("profit") == D("3500.50")  # 6401.00 − 2900.50
    assert report.value("margin") == D("3500.50") / D("6401.00")
    assert report.value("expenses") == D("0.00")  # the shop spent nothing
    assert report.value("net_profit") == D("3500.50")
    assert report.value("orders") == 4  # O1, O2, O3, O6
    assert report.value("lines") == 5  # O1 2 + O2 1 + O3 1 realized + O6 1
    assert report.value("units") == 9  # 3 + 2 + 1 + 2 + 1
    assert report.value("average_check") == D("1600.25")  # 6401.00 / 4
    assert report.value("new_customers") == 2  # both Igors bought first in June
    assert report.value("returning_customers") == 1  # Anna bought in May
    assert report.value("planned_revenue") == D("5000.00")  # O3: 5 × 1000 on 06-20
    assert report.value("planned_profit") == D("2000.00")  # 5000 − 5 × 600
    # May: only O5, 2000.00 / 1200.00, one order, one line, 4 units, Anna new
    assert [report.previous_value(name) for name in KEY_FIGURES] == [
        D("2000.00"),
        D("1200.00"),
        D("800.00"),
        D("0.4"),  # 800 / 2000
        D("0.00"),  # no expenses in the shop
        D("800.00"),  # net profit: 800 − 0
        1,
        1,
        4,
        D("2000.00"),
        1,
        0,
        D("0.00"),
        D("0.00"),
    ]
    assert report.change("revenue") == D("2.2005")  # 6401 / 2000 − 1
    assert close(report.change("cost"), D("2900.50") / D("1200") - 1)  # ≈ 1.417083
    assert report.change("profit") == D("3.375625")  # 3500.50 / 800 − 1
    assert close(report.change("margin"), D("3500.50") / D("6401") / D("0.4") - 1)  # ≈ 0.367139
    assert report.change("orders") == 3  # 4 / 1 − 1
    assert report.change("lines") == 4  # 5 / 1 − 1
    assert report.change("units") == D("1.25")  # 9 / 4 − 1
    assert report.change("average_check") == D("-0.199875")  # 1600.25 / 2000 − 1
    assert report.change("new_customers") == 1  # 2 / 1 − 1
    # nothing returning and nothing planned in May: no base to compare with
    assert report.change("returning_customers") is None
    assert report.change("planned_revenue") is None
    assert report.change("planned_profit") is None


def test_a_previous_period_without_sales_has_no_change(db, shop):
    report = period_report(db, MAY, TODAY)
    assert report.previous_period == Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert report.previous_value("revenue") == D("0.00")
    assert report.previous_value("margin") is None  # 0 / 0
    assert report.previous_value("average_check") is None  # no orders
    assert all(report.change(name) is None for name in KEY_FIGURES)


def test_a_loss_that_shrinks_reads_as_a_rise(db, shop):
    # 06-11..06-12: O3 2400 / 0 → profit 2400; the two days before, 06-09..06-10: O2, a gift,
    # 0 / 600 → profit −600. (2400 − (−600)) / |−600| = 5, where 2400 / −600 − 1 would be −5.
    report = period_report(db, Period(dt.date(2026, 6, 11), dt.date(2026, 6, 12)), TODAY)
    assert report.previous_period == Period(dt.date(2026, 6, 9), dt.date(2026, 6, 10))
    assert report.previous_value("profit") == D("-600.00")
    assert report.change("profit") == 5


def test_unknown_key_figure_is_refused(db, shop):
    report = period_report(db, JUNE, TODAY)
    with pytest.raises(ValueError, match="Unknown key figure 'markup'"):
        report.change("markup")


def test_cancelled_order_counts_for_nothing_anywhere(db, shop):
    # 06-05 holds only O4 (Anna, cancelled, 10 × 1000 of A)
    report = period_report(db, Period(dt.date(2026, 6, 5), dt.date(2026, 6, 5)), TODAY)
    assert report.figures.realized == Figures.zero()
    assert report.top_by_revenue == () and report.top_by_profit == ()
    assert report.products == () and report.by_channel == ()
    assert [(b.label, b.figures) for b in report.by_time] == [("2026-W23", Figures.zero())]


def test_planned_line_stays_apart(db, shop):
    # 06-16..06-30: only O3's line of 06-20 (5 × 1000 / 600), still to ship
    report = period_report(db, Period(dt.date(2026, 6, 16), dt.date(2026, 6, 30)), TODAY)
    assert report.value("revenue") == D("0.00") and report.value("orders") == 0
    assert report.value("planned_revenue") == D("5000.00")
    assert report.value("planned_profit") == D("2000.00")
    assert report.products == () and report.top_by_revenue == ()
    assert all(bucket.revenue == 0 for bucket in report.by_time)


def test_top_customers_keep_the_two_igors_apart(db, shop):
    report = period_report(db, JUNE, TODAY)
    # revenue: Igor1 O1 3501.00; Igor2 O2 0 + O3 2400.00; Anna O6 500.00
    assert [(r.contact_id, r.orders, r.figures.amount) for r in report.top_by_revenue] == [
        (shop.igor1, 1, D("3501.00")),
        (shop.igor2, 2, D("2400.00")),
        (shop.anna, 1, D("500.00")),
    ]
    # profit: Igor2 2400 − 600 = 1800; Igor1 3501.00 − 2000.50 = 1500.50; Anna 500 − 300 = 200
    assert [(r.contact_id, r.figures.profit) for r in report.top_by_profit] == [
        (shop.igor2, D("1800.00")),
        (shop.igor1, D("1500.50")),
        (shop.anna, D("200.00")),
    ]
    igor2 = report.top_by_profit[0]
    assert (igor2.name, igor2.phone) == ("Игорь", "+79161234568")
    assert igor2.figures.margin == D("0.75")  # 1800 / 2400
    assert {(r.name, r.phone) for r in report.top_by_revenue if r.name == "Игорь"} == {
        ("Игорь", "+79161234567"),
        ("Игорь", "+79161234568"),
    }
    assert [r.contact_id for r in period_report(db, JUNE, TODAY, top=1).top_by_revenue] == [
        shop.igor1
    ]


def test_top_products_by_profit_with_margin(db, shop):
    report = period_report(db, JUNE, TODAY, top=1)
    # A: O1 3×1000/600 + O2 1×0/600 + O3 2×1200/0 = 5400 / 2400 → profit 3000, margin 5/9
    # B: O1 2×250.50/100.25 + O6 1×500/300 = 1001 / 500.50 → profit 500.50, margin 0.5
    # C: not sold in June, left out
    assert [(p.product_id, p.figures.profit) for p in report.products] == [
        (shop.product_a, D("3000.00")),
        (shop.product_b, D("500.50")),
    ]
    a, b = report.products
    assert a.figures.margin == D("3000") / D("5400")
    assert b.figures.margin == D("0.5")
    assert report.top_products == (a,)


def test_short_period_is_charted_by_week(db, shop):
    report = period_report(db, JUNE, TODAY)
    assert report.time_unit == "week"
    # 2026-06-01 is a Monday of ISO week 23; the last week is clipped to 06-29..06-30
    assert [(b.label, b.start, b.end, b.revenue, b.profit) for b in report.by_time] == [
        # O1 3501.00 / 2000.50
        ("2026-W23", dt.date(2026, 6, 1), dt.date(2026, 6, 7), D("3501.00"), D("1500.50")),
        # O2 0 / 600 + O3 2400 / 0 + O6 500 / 300 = 2900 / 900
        ("2026-W24", dt.date(2026, 6, 8), dt.date(2026, 6, 14), D("2900.00"), D("2000.00")),
        # O3's 06-20 line is planned, not realized
        ("2026-W25", dt.date(2026, 6, 15), dt.date(2026, 6, 21), D("0.00"), D("0.00")),
        ("2026-W26", dt.date(2026, 6, 22), dt.date(2026, 6, 28), D("0.00"), D("0.00")),
        ("2026-W27", dt.date(2026, 6, 29), dt.date(2026, 6, 30), D("0.00"), D("0.00")),
    ]
    # a period starting mid-week: its first week is clipped to the period
    mid = period_report(db, Period(dt.date(2026, 6, 10), dt.date(2026, 6, 16)), TODAY)
    assert [(b.start, b.end, b.revenue) for b in mid.by_time] == [
        (dt.date(2026, 6, 10), dt.date(2026, 6, 14), D("2900.00")),  # O2 + O3 + O6
        (dt.date(2026, 6, 15), dt.date(2026, 6, 16), D("0.00")),
    ]


def test_a_year_is_charted_by_month_with_empty_months_filled(db, shop):
    report = period_report(db, Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), TODAY)
    assert report.time_unit == "month"
    assert report.previous_period == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    expected = {label: (D("0.00"), D("0.00")) for label in (f"2026-{m:02d}" for m in range(1, 13))}
    expected["2026-05"] = (D("2000.00"), D("800.00"))  # O5 2000 / 1200
    expected["2026-06"] = (D("6401.00"), D("3500.50"))  # June as above
    assert {b.label: (b.revenue, b.profit) for b in report.by_time} == expected
    assert [b.label for b in report.by_time] == sorted(expected)
    assert (report.by_time[1].start, report.by_time[1].end) == (
        dt.date(2026, 2, 1),
        dt.date(2026, 2, 28),
    )


def test_an_open_period_is_charted_from_the_first_sale_to_today(db, shop):
    report = period_report(db, Period(), TODAY)
    assert report.previous_period is None and report.change("revenue") is None
    assert [(b.label, b.revenue) for b in report.by_time] == [
        ("2026-05", D("2000.00")),
        ("2026-06", D("6401.00")),
    ]
    assert report.by_time[-1].end == TODAY


def test_revenue_by_channel(db, shop):
    with db.session() as session:
        avito, website = ((c.id, c.name) for c in channels(session)[:2])
    assert (avito[1], website[1]) == ("Avito", "Website")
    oleg = create_contact(db, ContactInput("Олег", "+7 926 555-44-33", channel_id=avito[0])).id
    completed = status_id(db, "completed")
    # Oleg's order takes his channel: B 2 × 500 / 300 → 1000 / 600
    save_order(db, OrderInput(oleg, "03.06.2026", completed, lines=(LineInput(shop.product_b, 2),)))
    # an order sent through the website: C 1 × 1500 / 900
    save_order(
        db,
        OrderInput(
            shop.igor1, "04.06.2026", completed, website[0], lines=(LineInput(shop.product_c, 1),)
        ),
    )
    # a cancelled website order counts for nothing
    save_order(
        db,
        OrderInput(
            shop.igor1,
            "04.06.2026",
            status_id(db, "cancelled"),
            website[0],
            loss_reason_id=loss_reason_id(db),
            lines=(LineInput(shop.product_c, 9),),
        ),
    )
    report = period_report(db, JUNE, TODAY)
    assert [(c.channel_id, c.name, c.revenue, c.figures.profit) for c in report.by_channel] == [
        (None, None, D("6401.00"), D("3500.50")),  # the shop's orders have no channel
        (*website, D("1500.00"), D("600.00")),
        (*avito, D("1000.00"), D("400.00")),
    ]
    assert report.value("revenue") == D("8901.00")  # 6401 + 1500 + 1000
    assert sum(c.revenue for c in report.by_channel) == report.value("revenue")


@pytest.mark.parametrize(
    ("period", "previous"),
    [
        # a whole month → the previous calendar month (31 days before June would be 05-01)
        ((dt.date(2026, 3, 1), dt.date(2026, 3, 31)), (dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
        # a whole quarter → the previous quarter, across the year
        (
            (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
            (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
        ),
        # a whole (leap) year → the year before
        (
            (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
            (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ),
        # any other period → the same number of days just before (06-01..06-15 is 15 days)
        ((dt.date(2026, 6, 1), dt.date(2026, 6, 15)), (dt.date(2026, 5, 17), dt.date(2026, 5, 31))),
        ((dt.date(2026, 3, 1), dt.date(2026, 3, 1)), (dt.date(2026, 2, 28), dt.date(2026, 2, 28))),
    ],
)
def test_previous_period_of_the_same_length(period, previous):
    assert previous_period(Period(*period)) == Period(*previous)


def test_an_open_ended_period_has_no_previous_one():
    assert previous_period(Period()) is None
    assert previous_period(Period(dt.date(2026, 1, 1), None)) is None


def test_presets():
    assert preset_period("this_month", TODAY) == Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert preset_period("last_month", TODAY) == Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))
    assert preset_period("this_quarter", TODAY) == Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert preset_period("this_year", TODAY) == Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    # this month so far and the eleven whole months before it
    assert preset_period("last_12_months", TODAY) == Period(dt.date(2025, 7, 1), TODAY)
    assert preset_period("all", TODAY) == Period()
    january = dt.date(2026, 1, 10)
    assert preset_period("last_month", january) == Period(
        dt.date(2025, 12, 1), dt.date(2025, 12, 31)
    )
    assert preset_period("this_quarter", dt.date(2026, 12, 31)) == Period(
        dt.date(2026, 10, 1), dt.date(2026, 12, 31)
    )
    with pytest.raises(ValueError, match="Unknown period preset 'yesterday'"):
        preset_period("yesterday", TODAY)


def test_a_period_ending_before_it_starts_is_refused(db):
    with pytest.raises(ValidationError, match=r"ends \(2026-05-01\) before it starts"):
        period_report(db, Period(dt.date(2026, 6, 1), dt.date(2026, 5, 1)), TODAY)


def test_the_report_is_the_same_whether_its_queries_run_together_or_in_turn(db, shop):
    assert period_report(db, JUNE, TODAY, workers=1) == period_report(db, JUNE, TODAY)


def test_customers_by_segment_at_the_start_and_the_end_of_june(db, shop):
    """On 31 May only Anna had bought (20 May, 11 days before: new). On TODAY (15 June):
    Igor1 bought once on 1 June (new); Igor2 on 10 and 12 June (cadence 2 days, 3 days since:
    r = 1.5, still regular; not woken, the gap of 2 days is no sleep); Anna on 20 May and
    14 June (cadence 25, 1 day since: regular). Everyone moved once."""
    shift = period_report(db, JUNE, TODAY).segments
    assert shift is not None
    assert (shift.start, shift.end) == (dt.date(2026, 5, 31), TODAY)
    assert {k: v for k, v in shift.before.items() if v} == {"no_purchases": 2, "new": 1}
    assert {k: v for k, v in shift.after.items() if v} == {"new": 1, "regular": 2}
    assert {k: v for k, v in shift.moved_in.items() if v} == {"new": 1, "regular": 2}
    assert {k: v for k, v in shift.moved_out.items() if v} == {"no_purchases": 2, "new": 1}
    assert shift.moved == 3
    # an open period, or one that starts after today, has no such table
    assert period_report(db, Period(), TODAY).segments is None
    assert (
        period_report(db, Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)), TODAY).segments is None
    )


# --- money owed and deals in flight ------------------------------------------------------------
def test_the_pipeline_is_read_only_when_asked_for(db):
    """The Shop of tests/test_funnel.py on 1 December, November's report. It owes o1
    (Completed) and o4 (Paid as a status, no payment): 2 × 1 000.00, due on 10 November, 21
    days before. Its open deals: o4 (Paid, 1 000.00, 21 days: 20 % − 15 % = 5 %, the floor) and
    o6 (New, expected 5 000.00, 5 %): worth 50.00 and 250.00, class E, not counted."""
    FunnelShop(db)
    november = Period(*NOVEMBER)
    assert period_report(db, november, FUNNEL_DAY).pipeline is None
    pipeline = period_report(db, november, FUNNEL_DAY, pipeline=True).pipeline
    assert pipeline is not None
    assert [(d.name, d.orders, d.owed, d.overdue, d.overdue_days) for d in pipeline.debtors] == [
        ("Магазин", 2, D("2000.00"), D("2000.00"), 21)
    ]
    flow = pipeline.conversion
    assert [(s.name, s.reached, s.won) for s in flow.stages][:2] == [
        ("New", 5, 1),
        ("Confirmed", 3, 1),
    ]
    assert (flow.orders, flow.won, flow.lost) == (6, 1, 3)
    losses = pipeline.losses
    assert losses is not None
    # November against October, as the report's own key figures are
    assert (losses.previous_start, losses.previous_end) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 31),
    )
    assert (losses.total.amount, losses.total.previous_amount) == (D("6000.00"), D("4000.00"))
    result = pipeline.forecast
    assert [(d.probability, d.value, d.klass) for d in result.deals] == [
        (5, D("250.00"), "E"),
        (5, D("50.00"), "E"),
    ]
    assert (result.total, result.classes["E"], result.counted) == (D("0.00"), 2, ())


def test_the_pipeline_is_the_same_read_together_or_in_turn(db):
    FunnelShop(db)
    november = Period(*NOVEMBER)
    together = period_report(db, november, FUNNEL_DAY, pipeline=True)
    assert period_report(db, november, FUNNEL_DAY, workers=1, pipeline=True) == together


def test_an_open_period_has_no_losses_to_compare(db):
    """Losses are compared with the period just before, which an open period does not have;
    a period with a start and no end runs to today."""
    FunnelShop(db)
    assert period_report(db, Period(), FUNNEL_DAY, pipeline=True).pipeline.losses is None
    since = period_report(db, Period(dt.date(2026, 11, 1)), FUNNEL_DAY, pipeline=True)
    losses = since.pipeline.losses
    assert (losses.start, losses.end, losses.total.orders) == (
        dt.date(2026, 11, 1),
        FUNNEL_DAY,
        3,
    )
