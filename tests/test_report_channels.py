"""The report's channels (sales, ad spend, customers acquired, cost per customer, ROI), the
period's expenses and the net profit, against hand-computed values (TODAY 2026-06-15).

Two channels, Avito and Website; a wallet 1000 / 600, a card holder 500 / 300 (no purchases:
their typed costs stand). June's orders, by the day their lines ship:

    05-20 Roman   Website  wallet 1        1000 /  600  (May: Roman's first purchase)
    06-02 Tanya   Website  holder 1         500 /  300  (the order is dated 28 May: it is
                                                          the line's day that counts)
    06-03 Olga    Avito    wallet 2        2000 / 1200
    06-05 Pavel   Website  wallet 1+holder 1500 /  900
    06-06 Zhenya  Website  wallet 5        cancelled: counts for nothing
    06-08 Roman   Avito    wallet 3        3000 / 1800  (returning: not acquired)
    06-10 Pavel   Avito    holder 1         500 /  300  (his second order: not acquired)
    06-10 Vera    Website  wallet 1        shipped 06-20: planned, not a purchase yet
    06-12 Igor    Avito    holder 1         500 /  300

June per channel:
    Avito    revenue 6000 (2000 + 3000 + 500 + 500), cost 3600, gross profit 2400;
             acquired Olga and Igor: 2
    Website  revenue 2000 (500 + 1500), cost 1200, gross profit 800; acquired Tanya, Pavel: 2
Expenses: 06-02 ads Avito 1500, 06-04 ads Website 1000, 06-07 packaging 300 → 2800;
May: 05-15 ads Avito 300.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from services.choices import channels
from services.contacts import ContactInput, create_contact
from services.expenses import ExpenseInput, save_expense
from services.figures import Period
from services.figures_math import Figures
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.report import ChannelFigures, acquired_by_channel, period_report
from services.report_export import report_tables
from tests.conftest import TODAY, loss_reason_id, status_id

JUNE = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
MAY = Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(f"2026-{text}")


class Business:
    """The orders and expenses of the module's docstring."""

    def __init__(self, db) -> None:
        self.db = db
        with db.session() as session:
            found = {c.name: c.id for c in channels(session)}
        self.avito, self.website = found["Avito"], found["Website"]
        self.wallet = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
        self.holder = create_product(db, ProductInput("Картхолдер", None, "500", "300")).id
        self.completed = status_id(db, "completed")
        people = ("Роман", "Таня", "Ольга", "Павел", "Женя", "Вера", "Игорь")
        self.people = {name: create_contact(db, ContactInput(name)).id for name in people}

    def order(self, name, when, channel, *lines, code="completed", **extra) -> int:
        data = OrderInput(
            self.people[name], day(when), status_id(self.db, code), channel, lines=lines, **extra
        )
        return save_order(self.db, data, today=TODAY).id

    def spend(self, amount, category, when, channel=None) -> None:
        data = ExpenseInput(amount, category, day(when), channel)
        save_expense(self.db, data, today=TODAY)

    def june(self) -> Business:
        wallet, holder = self.wallet, self.holder
        self.order("Роман", "05-20", self.website, LineInput(wallet, 1))
        self.order("Таня", "05-28", self.website, LineInput(holder, 1, date=day("06-02")))
        self.order("Ольга", "06-03", self.avito, LineInput(wallet, 2))
        self.order("Павел", "06-05", self.website, LineInput(wallet, 1), LineInput(holder, 1))
        self.order(
            "Женя",
            "06-06",
            self.website,
            LineInput(wallet, 5),
            code="cancelled",
            loss_reason_id=loss_reason_id(self.db),
        )
        self.order("Роман", "06-08", self.avito, LineInput(wallet, 3))
        self.order("Павел", "06-10", self.avito, LineInput(holder, 1))
        self.order(
            "Вера", "06-10", self.website, LineInput(wallet, 1, date=day("06-20")), code="paid"
        )
        self.order("Игорь", "06-12", self.avito, LineInput(holder, 1))
        self.spend("300", "ads", "05-15", self.avito)
        self.spend("1500", "ads", "06-02", self.avito)
        self.spend("1000", "ads", "06-04", self.website)
        self.spend("300", "packaging", "06-07")
        return self


@pytest.fixture
def business(db) -> Business:
    return Business(db).june()


def test_each_channel_with_its_ad_spend_customers_and_roi(db, business):
    report = period_report(db, JUNE, TODAY)
    rows = [
        (
            c.channel_id,
            c.revenue,
            c.gross_profit,
            c.ad_spend,
            c.acquired,
            c.cost_per_customer,
            c.roi,
        )
        for c in report.by_channel
    ]
    assert rows == [
        # (2400 − 1500) / 1500 = 0.6; 1500 / 2 = 750
        (business.avito, D("6000.00"), D("2400.00"), D("1500.00"), 2, D("750.00"), D("0.6")),
        # (800 − 1000) / 1000 = −0.2; 1000 / 2 = 500
        (business.website, D("2000.00"), D("800.00"), D("1000.00"), 2, D("500.00"), D("-0.2")),
    ]
    assert [c.name for c in report.by_channel] == ["Avito", "Website"]
    # Olga, Igor, Tanya, Pavel are new; Roman returns; Zhenya (cancelled) and Vera (planned)
    # have bought nothing yet
    assert report.value("new_customers") == 4 and report.value("returning_customers") == 1
    assert sum(c.acquired for c in report.by_channel) == report.value("new_customers")


def test_the_period_expenses_and_net_profit_against_may(db, business):
    report = period_report(db, JUNE, TODAY)
    assert report.value("revenue") == D("8000.00")  # 6000 + 2000
    assert report.value("profit") == D("3200.00")  # 2400 + 800
    assert report.expenses.total == D("2800.00")  # 1500 + 1000 + 300
    assert report.expenses.by_category == (("ads", D("2500.00")), ("packaging", D("300.00")))
    assert report.ad_spend == D("2500.00")
    assert report.value("expenses") == D("2800.00")
    assert report.value("net_profit") == report.net_profit == D("400.00")  # 3200 − 2800
    # May: Roman's wallet 1000 / 600 → 400; ads 300 → net profit 100
    assert report.previous_value("expenses") == D("300.00")
    assert report.previous_value("net_profit") == D("100.00")
    assert report.change("net_profit") == 3  # (400 − 100) / 100
    assert report.change("expenses") == D("2500") / D("300")
    # May alone: Roman was acquired there, through the website, with no ads on it
    may = period_report(db, MAY, TODAY)
    assert [(c.channel_id, c.acquired, c.ad_spend, c.roi) for c in may.by_channel] == [
        (business.website, 1, D("0.00"), None),
        (business.avito, 0, D("300.00"), D("-1")),  # ads and no sale: all lost
    ]


def test_the_first_purchase_is_the_first_shipped_line(db, business):
    # Tanya's order is dated 28 May, its line shipped 2 June: she is June's customer
    assert acquired_by_channel(db, MAY, TODAY) == {business.website: 1}  # Roman
    assert acquired_by_channel(db, JUNE, TODAY) == {business.avito: 2, business.website: 2}
    # Vera's line ships 20 June: seen from 21 June she is June's too
    later = dt.date(2026, 6, 21)
    assert acquired_by_channel(db, JUNE, later) == {business.avito: 2, business.website: 3}
    # over all time every buyer is acquired once, through their first order's channel
    assert acquired_by_channel(db, Period(), TODAY) == {business.avito: 2, business.website: 3}


def test_two_first_orders_on_one_day_count_once(db, business):
    nina = create_contact(db, ContactInput("Нина")).id
    business.people["Нина"] = nina
    first = business.order("Нина", "06-11", business.website, LineInput(business.holder, 1))
    second = business.order("Нина", "06-11", business.avito, LineInput(business.holder, 1))
    assert first < second
    report = period_report(db, JUNE, TODAY)
    acquired = {c.channel_id: c.acquired for c in report.by_channel}
    assert acquired == {business.avito: 2, business.website: 3}  # under the one entered first


def test_ads_without_a_channel_have_a_row_of_their_own(db, business):
    business.spend("700", "ads", "06-09")
    report = period_report(db, JUNE, TODAY)
    apart = report.by_channel[-1]
    assert (apart.channel_id, apart.name) == (None, None)
    assert (apart.revenue, apart.ad_spend, apart.acquired) == (D("0.00"), D("700.00"), 0)
    assert apart.cost_per_customer is None  # nobody acquired: no cost per customer
    assert apart.roi == -1  # (0 − 700) / 700
    assert report.expenses.total == D("3500.00")  # 2800 + 700
    assert report.value("net_profit") == D("-300.00")  # 3200 − 3500


def test_an_expense_after_today_is_not_counted_yet(db, business):
    business.spend("999", "ads", "06-20", business.website)
    report = period_report(db, JUNE, TODAY)
    assert report.expenses.total == D("2800.00")
    website = next(c for c in report.by_channel if c.channel_id == business.website)
    assert website.ad_spend == D("1000.00")
    later = period_report(db, JUNE, dt.date(2026, 6, 30))
    assert later.expenses.total == D("3799.00")


def test_without_ad_spend_roi_is_empty_and_nothing_crashes(db, shop):
    # the shop of conftest.py: no channels on its orders, no expenses
    report = period_report(db, JUNE, TODAY)
    [row] = report.by_channel
    assert (row.channel_id, row.revenue, row.gross_profit) == (None, D("6401.00"), D("3500.50"))
    assert row.ad_spend == D("0.00") and row.roi is None
    assert row.acquired == 2  # both Igors bought first in June
    assert row.cost_per_customer == D("0.00")  # nothing spent on them
    assert report.expenses.total == D("0.00") and report.expenses.by_category == ()
    assert report.value("net_profit") == D("3500.50")
    assert report.change("expenses") is None  # nothing spent in May either


def test_cost_per_customer_is_rounded_to_the_kopeck():
    row = ChannelFigures(1, "Avito", Figures.zero(), ad_spend=D("1000.00"), acquired=3)
    assert row.cost_per_customer == D("333.33")
    assert (
        ChannelFigures(1, "Avito", Figures.zero(), ad_spend=D("1000.00")).cost_per_customer is None
    )


def test_the_xlsx_tables_hold_the_channels_and_expenses(db, business):
    report = period_report(db, JUNE, TODAY)
    tables = {t.name: t for t in report_tables(report)}
    channels_table = tables["By channel"]
    assert [c.header for c in channels_table.columns] == [
        "Channel",
        "Revenue",
        "Gross profit",
        "Ad spend",
        "Acquired",
        "Cost per customer",
        "ROI",
    ]
    assert list(channels_table.rows()) == [
        ("Avito", D("6000.00"), D("2400.00"), D("1500.00"), 2, D("750.00"), D("0.6")),
        ("Website", D("2000.00"), D("800.00"), D("1000.00"), 2, D("500.00"), D("-0.2")),
    ]
    assert list(tables["Expenses by category"].rows()) == [
        ("Ads", D("2500.00")),
        ("Packaging", D("300.00")),
        ("Total", D("2800.00")),
    ]
    key = {row[0]: row[1:] for row in tables["Key figures"].rows()}
    assert key["Expenses"][:2] == (D("2800.00"), D("300.00"))
    assert key["Net profit"] == (D("400.00"), D("100.00"), 3)
