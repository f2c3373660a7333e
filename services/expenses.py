"""Expenses: money spent that is not goods — ads (each on a channel), delivery, packaging,
fees, other. Reports set them against the gross profit (services/report.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import EXPENSE_CATEGORIES, Channel, Expense, fold
from services.errors import NotFound, Problem, ValidationError
from services.formatting import named_date, named_money
from services.messages import Label
from services.storage import Database
from services.uow import UnitOfWork
from services.values import (
    DateInput,
    MoneyInput,
    clean_text,
    parse_date,
    parse_decimal,
    parse_money,
)


@dataclass(frozen=True)
class ExpenseInput:
    amount: MoneyInput | None
    category: str = "other"  # one of EXPENSE_CATEGORIES
    date: DateInput | None = None  # None means today
    channel_id: int | None = None  # only for ads
    comment: str | None = None


@dataclass(frozen=True)
class ExpenseView:
    id: int
    date: dt.date
    amount: Decimal
    category: str
    channel_id: int | None
    channel: str | None
    comment: str | None


def save_expense(
    database: Database,
    data: ExpenseInput,
    expense_id: int | None = None,
    today: dt.date | None = None,
) -> ExpenseView:
    """Create (expense_id None) or change an expense; refused with the field named."""
    today = today or dt.date.today()
    with UnitOfWork(database) as uow:
        expense = Expense() if expense_id is None else _row(uow.session, expense_id)
        for key, value in _validated(uow.session, data, today).items():
            setattr(expense, key, value)
        if expense_id is None:
            uow.session.add(expense)
        uow.session.flush()
        view = _view(uow.session, expense)
        uow.name("expense.saved", named_date(expense.date), named_money(expense.amount))
        uow.commit()
    return view


def delete_expense(database: Database, expense_id: int) -> None:
    with UnitOfWork(database) as uow:
        expense = _row(uow.session, expense_id)
        uow.name("expense.deleted", named_date(expense.date), named_money(expense.amount))
        uow.session.delete(expense)
        uow.commit()


def get_expense(database: Database, expense_id: int) -> ExpenseView:
    with database.session() as session:
        return _view(session, _row(session, expense_id))


def list_expenses(
    database: Database,
    start: dt.date | None = None,
    end: dt.date | None = None,
    text: str | None = None,
) -> list[ExpenseView]:
    """Expenses newest first within [start, end]; `text` finds the comment or the channel."""
    query = select(Expense, Channel.name).outerjoin(Channel, Channel.id == Expense.channel_id)
    if start is not None:
        query = query.where(Expense.date >= start)
    if end is not None:
        query = query.where(Expense.date <= end)
    query = query.order_by(Expense.date.desc(), Expense.id.desc())
    with database.session() as session:
        rows = [_view_of(expense, channel) for expense, channel in session.execute(query)]
    if text and text.strip():
        key = fold(text.strip())
        rows = [r for r in rows if key in fold(r.comment or "") or key in fold(r.channel or "")]
    return rows


def _validated(session: Session, data: ExpenseInput, today: dt.date) -> dict[str, object]:
    """Every problem with the input at once, or the values to store (by column)."""
    problems: list[Problem] = []
    values: dict[str, object] = {"category": data.category, "channel_id": data.channel_id}
    if data.category not in EXPENSE_CATEGORIES:
        problems.append(Problem.of("category", "expense.category_unknown", data.category))
    try:
        values["date"] = today if data.date in (None, "") else parse_date(data.date, "date")
    except ValidationError as error:
        problems.extend(error.problems)
    try:
        values["amount"] = _amount(data.amount)
    except ValidationError as error:
        problems.extend(error.problems)
    if data.channel_id is not None:
        if data.category != "ads":
            problems.append(Problem.of("channel", "expense.channel_for_ads"))
        elif session.get(Channel, data.channel_id) is None:
            problems.append(Problem.of("channel", "channel.not_found", data.channel_id))
    try:
        values["comment"] = clean_text(data.comment, field="comment", label="Comment")
    except ValidationError as error:
        problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return values


def _amount(value: MoneyInput | None) -> Decimal:
    if value is None or value == "":
        raise ValidationError.of("amount", "expense.amount_not_positive", Label("Amount"), "")
    number = parse_decimal(value, "amount", "Amount")
    if number <= 0:
        raise ValidationError.of("amount", "expense.amount_not_positive", Label("Amount"), value)
    return parse_money(number, "amount", "Amount")


def _row(session: Session, expense_id: int) -> Expense:
    expense = session.get(Expense, expense_id)
    if expense is None:
        raise NotFound.of("expense.not_found", expense_id)
    return expense


def _view(session: Session, expense: Expense) -> ExpenseView:
    channel = session.get(Channel, expense.channel_id) if expense.channel_id else None
    return _view_of(expense, channel.name if channel else None)


def _view_of(expense: Expense, channel: str | None) -> ExpenseView:
    return ExpenseView(
        expense.id,
        expense.date,
        expense.amount,
        expense.category,
        expense.channel_id,
        channel,
        expense.comment,
    )
