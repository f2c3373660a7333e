"""Expenses: saved with their category (and for ads, the channel), listed by period and text,
refused with the field named and nothing written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from services import choices
from services.errors import NotFound, ValidationError
from services.expenses import (
    ExpenseInput,
    delete_expense,
    get_expense,
    list_expenses,
    save_expense,
)
from tests.conftest import TODAY


def channel_id(db, name: str) -> int:
    with db.session() as session:
        return next(c.id for c in choices.channels(session) if c.name == name)


def test_an_ad_expense_keeps_its_channel_and_the_amount_to_the_kopeck(db):
    avito = channel_id(db, "Avito")
    saved = save_expense(
        db,
        ExpenseInput("1 250,50", "ads", "03.06.2026", avito, "Поднятие объявлений"),
        today=TODAY,
    )
    assert saved.amount == D("1250.50")
    assert (saved.category, saved.channel_id, saved.channel) == ("ads", avito, "Avito")
    assert saved.date == dt.date(2026, 6, 3)
    again = get_expense(db, saved.id)
    assert again == saved


def test_an_expense_without_a_date_is_dated_today(db):
    saved = save_expense(db, ExpenseInput("99.90", "packaging"), today=TODAY)
    assert saved.date == TODAY
    assert (saved.category, saved.channel_id) == ("packaging", None)


def test_expenses_are_listed_newest_first_within_the_period_and_found_by_text(db):
    avito = channel_id(db, "Avito")
    ads = save_expense(db, ExpenseInput("1000", "ads", "01.06.2026", avito), today=TODAY).id
    post = save_expense(
        db, ExpenseInput("350", "delivery", "10.06.2026", comment="СДЭК до склада"), today=TODAY
    ).id
    may = save_expense(db, ExpenseInput("200", "fees", "31.05.2026"), today=TODAY).id
    june = list_expenses(db, dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert [e.id for e in june] == [post, ads]
    # June's spend by hand: 1000.00 + 350.00 = 1350.00 (May's 200.00 fee is outside)
    assert sum(e.amount for e in june) == D("1350.00")
    assert [e.id for e in list_expenses(db)] == [post, ads, may]
    assert [e.id for e in list_expenses(db, text="сдэк")] == [post]  # the comment, any case
    assert [e.id for e in list_expenses(db, text="avito")] == [ads]  # the channel


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (ExpenseInput("0", "other"), "amount", "expense.amount_not_positive"),
        (ExpenseInput("-5", "other"), "amount", "expense.amount_not_positive"),
        (ExpenseInput("", "other"), "amount", "expense.amount_not_positive"),
        (ExpenseInput("abc", "other"), "amount", "number.not_number"),
        (ExpenseInput("10.5555", "other"), "amount", "money.too_precise"),
        (ExpenseInput("10", "bribes"), "category", "expense.category_unknown"),
        (ExpenseInput("10", "other", "31.02.2026"), "date", "date.no_such_day"),
    ],
)
def test_bad_expenses_are_refused_naming_the_field(db, data, field, code):
    with pytest.raises(ValidationError) as refused:
        save_expense(db, data, today=TODAY)
    assert [(p.field, p.code) for p in refused.value.problems] == [(field, code)]
    assert list_expenses(db) == []


def test_only_an_ad_expense_names_a_channel(db):
    avito = channel_id(db, "Avito")
    with pytest.raises(ValidationError) as refused:
        save_expense(db, ExpenseInput("500", "delivery", channel_id=avito), today=TODAY)
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("channel", "expense.channel_for_ads")
    ]
    with pytest.raises(ValidationError) as unknown:
        save_expense(db, ExpenseInput("500", "ads", channel_id=999), today=TODAY)
    assert [(p.field, p.code) for p in unknown.value.problems] == [("channel", "channel.not_found")]
    assert list_expenses(db) == []
    # an ad without a channel is allowed: the spend counts in the period, on no channel
    assert save_expense(db, ExpenseInput("500", "ads"), today=TODAY).channel_id is None


def test_every_problem_is_said_at_once(db):
    with pytest.raises(ValidationError) as refused:
        save_expense(db, ExpenseInput("0", "other", "", 1), today=TODAY)
    fields = sorted(p.field for p in refused.value.problems)
    assert fields == ["amount", "channel"]  # an empty date is today, not a problem


def test_an_expense_is_changed_in_place_and_deleted(db):
    avito = channel_id(db, "Avito")
    saved = save_expense(db, ExpenseInput("1000", "ads", "01.06.2026", avito), today=TODAY)
    changed = save_expense(
        db, ExpenseInput("1200", "other", "02.06.2026", comment="Визитки"), saved.id, TODAY
    )
    assert changed.id == saved.id
    assert (changed.amount, changed.category, changed.channel_id) == (D("1200.00"), "other", None)
    assert [e.id for e in list_expenses(db)] == [saved.id]
    # a refused change leaves the expense as it was
    with pytest.raises(ValidationError):
        save_expense(db, ExpenseInput("0", "other"), saved.id, TODAY)
    assert get_expense(db, saved.id).amount == D("1200.00")
    delete_expense(db, saved.id)
    assert list_expenses(db) == []
    with pytest.raises(NotFound):
        get_expense(db, saved.id)
    with pytest.raises(NotFound):
        delete_expense(db, saved.id)
