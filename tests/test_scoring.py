"""Deal scoring and the forecast: the research's worked example, computed by hand, and the
refusals of bad rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from services.contacts import ContactInput, create_contact
from services.errors import ValidationError
from services.importing import apply_import, plan_import, read_file
from services.orders import LineInput, OrderInput, change_status, get_order, save_order
from services.products import ProductInput, create_product
from services.scoring import ScoreRules, deal_score, forecast, save_score_rules, score_rules
from services.settings_store import ListEntry, load_list, save_list
from services.storage import Database
from tests.conftest import loss_reason_id, status_id
from tests.test_exchange_fidelity import export, tables_of

DAY = dt.date(2026, 12, 1)


def add_entries(db: Database, kind: str, added: list[tuple[str, int]]) -> dict[str, int]:
    """Append entries (name, modifier) to a list; their ids by name."""
    entries = load_list(db, kind)
    if kind == "statuses":  # new open stages go before the won and lost statuses
        opened = [e for e in entries if e.role == "open"]
        closed = [e for e in entries if e.role != "open"]
        entries = opened + [ListEntry(None, n, True, "open", m) for n, m in added] + closed
    else:
        entries = entries + [ListEntry(None, n, True, None, m) for n, m in added]
    save_list(db, kind, entries)
    return {e.name: e.id for e in load_list(db, kind)}


def five_deals(db: Database, day: dt.date = DAY) -> dict[str, int]:
    """The research's five deals, as of `day`; their order ids by customer."""
    statuses = add_entries(db, "statuses", [("Целевой", 0), ("Встреча", 30), ("КП", 40)])
    channels = add_entries(db, "channels", [("сайт", -15), ("сарафан", 30), ("конференция", 10)])
    deals = [
        # customer, age in days, status, expected amount, channel
        ("ООО «Ромашка»", 2, "Встреча", 50_000, "сайт"),
        ("Тюльпан", 30, "Целевой", 50_000, None),
        ("Гладиолус", 10, "КП", 100_000, "сарафан"),
        ("Сбер", 20, "КП", 500_000, "конференция"),
        ("Администрация района", 60, "Встреча", 200_000, "сайт"),
    ]
    ids = {}
    for name, age, status, amount, channel in deals:
        contact = create_contact(db, ContactInput(name)).id
        opened = day - dt.timedelta(days=age)
        data = OrderInput(
            contact,
            opened,
            statuses[status],
            channels[channel] if channel else None,
            expected_amount=amount,
        )
        # Saved on the day it was opened, as a person would: the 60-day-old deal was worth
        # 35 % × 200 000 = 70 000 then, class B, and has slid since.
        ids[name] = save_order(db, data, today=opened).id
    return ids


def test_the_five_deals_give_the_worked_example_exactly(db):
    ids = five_deals(db)
    result = forecast(db, DAY)
    by_order = {deal.order_id: deal for deal in result.deals}
    expected = {
        # 20 + 30 (Встреча) − 15 (сайт) + 0 (2 days) = 35 %; 50 000 × 35 % = 17 500
        "ООО «Ромашка»": (35, Decimal("17500.00"), "C"),
        # 20 + 0 + 0 − 30 (30–59 days) = −10 → the floor, 5 %; 2 500
        "Тюльпан": (5, Decimal("2500.00"), "E"),
        # 20 + 40 (КП) + 30 (сарафан) − 10 (8–14 days) = 80 %; 80 000
        "Гладиолус": (80, Decimal("80000.00"), "B"),
        # 20 + 40 + 10 (конференция) − 15 (15–29 days) = 55 %; 275 000
        "Сбер": (55, Decimal("275000.00"), "A"),
        # 20 + 30 − 15 − 60 (60+ days) = −25 → 5 %; 10 000, C, but it was B: C2
        "Администрация района": (5, Decimal("10000.00"), "C2"),
    }
    for name, (probability, value, klass) in expected.items():
        deal = by_order[ids[name]]
        assert (deal.probability, deal.value, deal.klass) == (probability, value, klass), name
    # Only the deals above the floor: 17 500 + 80 000 + 275 000
    assert result.total == Decimal("372500.00")
    assert result.classes == {"A": 1, "B": 1, "C": 2, "D": 0, "E": 1}
    assert result.slid == 1
    assert [d.order_id for d in result.deals[:2]] == [ids["Сбер"], ids["Гладиолус"]]


def test_a_deal_that_slid_is_c2_until_it_rises_again(db):
    ids = five_deals(db)
    order = ids["Администрация района"]
    statuses = {e.name: e.id for e in load_list(db, "statuses")}
    # Moved to КП: 20 + 40 − 15 − 60 = −15 → 5 %, still 10 000 and still slid
    change_status(db, order, statuses["КП"], today=DAY)
    assert _deal(db, order).klass == "C2"
    # The order is re-dated today: 20 + 40 − 15 + 0 = 45 % × 200 000 = 90 000, B again
    data = OrderInput(_contact(db, order), DAY, statuses["КП"], None, expected_amount=200_000)
    save_order(db, data, order_id=order, today=DAY)
    assert _deal(db, order).klass == "B"


def test_a_lost_order_is_f_and_not_a_deal(db):
    ids = five_deals(db)
    change_status(db, ids["Сбер"], status_id(db, "cancelled"), loss_reason_id(db), today=DAY)
    result = forecast(db, DAY)
    assert ids["Сбер"] not in {d.order_id for d in result.deals}
    assert result.total == Decimal("97500.00")  # 17 500 + 80 000
    assert result.classes["A"] == 0


def test_an_order_with_lines_is_worth_its_amount(db):
    contact = create_contact(db, ContactInput("Магазин")).id
    product = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    line = LineInput(product, 3, "1250.50")
    data = OrderInput(contact, DAY, status_id(db, "new"), lines=(line,), expected_amount=99)
    order = save_order(db, data, today=DAY).id
    deal = _deal(db, order)
    # 3 × 1 250,50 = 3 751,50 (the expected amount is ignored once there are lines);
    # 20 % of it is 750,30
    assert deal.worth == Decimal("3751.50")
    assert deal.probability == 20
    assert deal.value == Decimal("750.30")
    assert deal.klass == "E"


def test_value_is_rounded_half_up_to_the_kopeck(db):
    contact = create_contact(db, ContactInput("Магазин")).id
    data = OrderInput(contact, DAY, status_id(db, "new"), expected_amount="0.05")
    order = save_order(db, data, today=DAY).id
    # 0,05 × 20 % = 0,01 exactly; 0,03 × 20 % = 0,006 → 0,01
    assert _deal(db, order).value == Decimal("0.01")
    data = OrderInput(contact, DAY, status_id(db, "new"), expected_amount="0.03")
    save_order(db, data, order_id=order, today=DAY)
    assert _deal(db, order).value == Decimal("0.01")


def test_rules_are_stored_and_change_the_forecast(db):
    ids = five_deals(db)
    rules = save_score_rules(
        db,
        "30",
        "10",
        [(0, 0), (8, -10), (15, -15), (30, -30), (60, -60)],
        ["100000", "50000", "10000", "5000"],
    )
    assert score_rules(db) == rules
    result = forecast(db, DAY)
    by_order = {deal.order_id: deal for deal in result.deals}
    # Сбер: 30 + 40 + 10 − 15 = 65 % × 500 000 = 325 000, A
    assert by_order[ids["Сбер"]].probability == 65
    assert by_order[ids["Сбер"]].value == Decimal("325000.00")
    # Тюльпан: 30 − 30 = 0 → the floor 10 %: 5 000, not counted (at the floor)
    assert by_order[ids["Тюльпан"]].probability == 10
    # Ромашка 45 % → 22 500; Гладиолус 90 % → 90 000; Администрация 30+30−15−60 → 10 %
    assert result.total == Decimal("437500.00")


@pytest.mark.parametrize(
    ("default", "floor", "bands", "thresholds", "field"),
    [
        ("101", "5", [(0, 0)], ["200000", "50000", "10000", "5000"], "score_default"),
        ("20", "96", [(0, 0)], ["200000", "50000", "10000", "5000"], "score_floor"),
        ("20", "5", [(0, 0), (8, -101)], ["200000", "50000", "10000", "5000"], "age_band_modifier"),
        ("20", "5", [(1, 0)], ["200000", "50000", "10000", "5000"], "age_band_start"),
        (
            "20",
            "5",
            [(0, 0), (8, 0), (8, -5)],
            ["200000", "50000", "10000", "5000"],
            "age_band_start",
        ),
        ("20", "5", [(0, 0)], ["200000", "50000", "60000", "5000"], "threshold_C"),
        ("20", "5", [(0, 0)], ["200000", "50000", "10000", "0"], "threshold_D"),
        ("20", "5", [(0, 0)], ["200000", "abc", "10000", "5000"], "threshold_B"),
    ],
)
def test_bad_rules_are_refused_with_the_field_named_and_nothing_saved(
    db, default, floor, bands, thresholds, field
):
    with pytest.raises(ValidationError) as raised:
        save_score_rules(db, default, floor, bands, thresholds)
    assert field in {problem.field for problem in raised.value.problems}
    assert score_rules(db) == ScoreRules()


def test_a_modifier_outside_100_is_refused_in_the_lists(db):
    entries = load_list(db, "channels")
    entries[0] = ListEntry(entries[0].id, entries[0].name, True, None, 101)
    with pytest.raises(ValidationError) as raised:
        save_list(db, "channels", entries)
    assert raised.value.problems[0].field == "modifier"
    assert load_list(db, "channels")[0].modifier == 0


def test_an_order_without_lines_needs_an_expected_amount_and_an_open_status(db):
    contact = create_contact(db, ContactInput("Магазин")).id
    with pytest.raises(ValidationError) as raised:
        save_order(db, OrderInput(contact, DAY, status_id(db, "new")), today=DAY)
    assert raised.value.problems[0].field == "lines"
    won = OrderInput(contact, DAY, status_id(db, "completed"), expected_amount=100)
    with pytest.raises(ValidationError) as raised:
        save_order(db, won, today=DAY)
    assert raised.value.problems[0].field == "lines"
    with pytest.raises(ValidationError) as raised:
        save_order(db, OrderInput(contact, DAY, status_id(db, "new"), expected_amount=-5))
    assert raised.value.problems[0].field == "expected_amount"


def _deal(db: Database, order_id: int):
    return next(d for d in forecast(db, DAY).deals if d.order_id == order_id)


def _contact(db: Database, order_id: int) -> int:
    return get_order(db, order_id).contact_id


@pytest.mark.parametrize("file_format", ["xlsx", "csv-excel-ru"])
def test_expected_amounts_survive_the_exchange_round_trip(db, tmp_path, file_format):
    ids = five_deals(db)
    path = export(db, tmp_path, file_format)
    copy = Database.open(tmp_path / "copy.sqlite3")
    try:
        # the lists are the database's own settings, not in the exchange format
        add_entries(copy, "statuses", [("Целевой", 0), ("Встреча", 30), ("КП", 40)])
        plan = plan_import(copy, read_file(path), today=DAY)
        assert plan.rejections == ()
        apply_import(copy, plan)
        assert tables_of(copy) == tables_of(db)
        assert get_order(copy, ids["Сбер"]).expected_amount == Decimal("500000.00")
        assert get_order(copy, ids["Сбер"]).lines == ()
    finally:
        copy.close()


def test_one_orders_score_for_its_editor(db):
    ids = five_deals(db)
    # as in the worked example: 20 + 40 + 10 − 15 = 55 % × 500 000
    assert deal_score(db, ids["Сбер"], DAY) == (55, Decimal("275000.00"), "A")
    assert deal_score(db, ids["Администрация района"], DAY) == (5, Decimal("10000.00"), "C2")
    change_status(db, ids["Сбер"], status_id(db, "cancelled"), loss_reason_id(db), today=DAY)
    assert deal_score(db, ids["Сбер"], DAY) is None  # lost: no longer a deal
    change_status(db, ids["Тюльпан"], status_id(db, "completed"), today=DAY)
    assert deal_score(db, ids["Тюльпан"], DAY) is None  # won
    assert deal_score(db, 999_999, DAY) is None


def test_the_forecast_sums_every_deal_while_listing_the_top_ones(db):
    ids = five_deals(db)
    result = forecast(db, DAY, top=2)
    assert [d.order_id for d in result.deals] == [ids["Сбер"], ids["Гладиолус"]]
    assert result.total == Decimal("372500.00")
    assert result.classes == {"A": 1, "B": 1, "C": 2, "D": 0, "E": 1}
    assert (result.open_count, result.counted_count, result.slid) == (5, 3, 1)
