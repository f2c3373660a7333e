"""Merging two cards: everything of the other moves to the kept one in one transaction, the
figures stay as they were in total, the fields keep the values chosen, the other card goes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from models import (
    Contact,
    ContactEmail,
    ContactNote,
    ContactPhone,
    ContactReminder,
    ContactTag,
    FollowUp,
    LifecycleDirty,
    Order,
    Payment,
    Setting,
    Tag,
    Task,
)
from models.formulas import LINE_AMOUNT_SQL, LINE_COST_SQL
from models.postgres import trigger
from services import merge
from services.choices import channels
from services.contacts import ContactInput, create_contact
from services.costing import mismatches
from services.duplicates import dismiss_pair, dismissed
from services.errors import NotFound, ValidationError
from services.figures import Period, contact_figures, period_figures
from services.follow_ups import resolve_follow_up
from services.maintenance import check_database
from services.merge import merge_contacts, merge_preview, suggested_keep
from services.orders import LineInput, OrderInput, save_order
from services.payments import record_payment
from services.products import ProductInput, create_product
from services.purchases import PurchaseInput, PurchaseLineInput, get_purchase, save_purchase
from services.reminders import snooze
from services.search import contact_condition
from services.tasks import TaskInput, create_task
from services.timeline import add_note
from tests.conftest import TODAY, loss_reason_id, status_id


def checks_out(db) -> bool:
    """The file passes check_database. A server has no file: there, what that check finds
    beyond the server's own integrity and foreign keys — every order's totals add up to its
    lines, every FIFO cost is as recomputed."""
    if db.path is not None:
        return check_database(db.path).ok
    drift = text(
        "SELECT o.id FROM orders AS o LEFT JOIN (SELECT order_id,"
        f" SUM({LINE_AMOUNT_SQL}) AS amount, SUM({LINE_COST_SQL}) AS cost, COUNT(*) AS n"
        " FROM shipments GROUP BY order_id) AS s ON s.order_id = o.id"
        " WHERE o.amount <> COALESCE(s.amount, 0) OR o.cost <> COALESCE(s.cost, 0)"
        " OR o.line_count <> COALESCE(s.n, 0)"
    )
    with db.engine.connect() as connection:
        drifted = connection.execute(drift).all()
        fifo = mismatches(lambda sql, params: connection.execute(text(sql), params).all())
    return not drifted and not fifo


def person(db, name: str, phone: str | None = None, **fields) -> int:
    return create_contact(db, ContactInput(name, phone, **fields)).id


def company(db, name: str, phone: str | None = None, **fields) -> int:
    contact_id = person(db, name, phone)
    with db.session() as session:
        card = session.get(Contact, contact_id)
        card.kind = "company"
        for key, value in fields.items():
            setattr(card, key, value)
        session.commit()
    return contact_id


def set_fields(db, contact_id: int, **fields) -> None:
    with db.session() as session:
        card = session.get(Contact, contact_id)
        for key, value in fields.items():
            setattr(card, key, value)
        session.commit()


def add_phone(db, contact_id: int, phone: str, position: int = 1, label=None) -> None:
    with db.session() as session:
        session.add(
            ContactPhone(contact_id=contact_id, phone=phone, position=position, label=label)
        )
        session.commit()


def add_email(db, contact_id: int, email: str, position: int = 1) -> None:
    with db.session() as session:
        session.add(ContactEmail(contact_id=contact_id, email=email, position=position))
        session.commit()


def tag(db, contact_id: int, name: str) -> int:
    with db.session() as session:
        found = session.scalar(select(Tag).where(Tag.name_key == name.casefold()))
        if found is None:
            found = Tag(name=name, name_key=name.casefold(), colour="#336699")
            session.add(found)
            session.flush()
        session.add(ContactTag(contact_id=contact_id, tag_id=found.id))
        session.commit()
        return found.id


def order(db, contact_id: int, day: str, code: str, *lines: LineInput, person_id=None) -> int:
    extra = {"loss_reason_id": loss_reason_id(db)} if code == "cancelled" else {}
    data = OrderInput(contact_id, day, status_id(db, code), lines=lines, **extra)
    order_id = save_order(db, data, today=TODAY).id
    if person_id is not None:
        with db.session() as session:
            session.get(Order, order_id).person_id = person_id
            session.commit()
    return order_id


def count(db, model, *where) -> int:
    with db.session() as session:
        return len(session.scalars(select(model).where(*where)).all())


@dataclass(frozen=True)
class Pair:
    keep: int
    other: int
    shop: int  # a company the other person works at, with an order "ordered by" them
    keep_orders: tuple[int, ...]
    other_orders: tuple[int, ...]
    shop_order: int
    opt: int
    vip: int


@pytest.fixture
def pair(db) -> Pair:
    """Two cards of one Igor Petrov, by hand.

    Kept: +7 916 123-45-67 (further +7 903 000-00-01), igor@mail.ru (further IGOR.P@ya.ru),
    "г. Тверь, ул. Ленина 5", notes, the first channel, tag опт; orders K1 01.05 completed
    A 2×1000/600 (amount/profit 2000/800), K2 01.06 completed B 1×500/300 (500/200).
    Other: +7 916 123-45-76 (further +7 903 000-00-02), igor.p@ya.ru (the kept card's further
    one in another case), "Тверь, Советская 3", other notes, the second channel, 14 days'
    terms, works at "Кожа и стиль" as buyer; tags опт, VIP; orders O1 10.05 completed
    A 1×1000/600 (1000/400) paid 1000 and followed up, O2 05.06 paid: A 2×900/600 (1800/600)
    and A 1×900/600 shipped 20.06 (planned: 900/300), paid 500; O3 07.06 cancelled A 10
    (excluded); a task about O1 and one about the card; a dated note; snoozed until 01.07.
    The company's order S1 03.06 completed B 2×500/300 (1000/400), ordered by the other.
    """
    a = create_product(db, ProductInput("Кошелёк Classic", "CL-1", "1000", "600")).id
    b = create_product(db, ProductInput("Картхолдер Mini", "MN-1", "500", "300")).id
    with db.session() as session:
        first, second = (c.id for c in channels(session)[:2])
    keep = person(
        db,
        "Игорь Петров",
        "+7 916 123-45-67",
        email="igor@mail.ru",
        address="г. Тверь, ул. Ленина 5",
        notes="Любит чёрные",
        channel_id=first,
    )
    add_phone(db, keep, "+79030000001", label="work")
    add_email(db, keep, "IGOR.P@ya.ru")
    opt = tag(db, keep, "опт")
    shop = company(db, "Кожа и стиль", "+7 495 111-22-33")
    other = person(
        db,
        "Игорь  Петров",
        "+7 916 123-45-76",
        email="igor.p@ya.ru",
        address="Тверь, Советская 3",
        notes="Платит переводом",
        channel_id=second,
        payment_terms_days=14,
    )
    set_fields(db, other, company_id=shop, job_title="закупщик", phone_label="mobile")
    add_phone(db, other, "+79030000002", label="home")
    tag(db, other, "опт")
    vip = tag(db, other, "VIP")
    k1 = order(db, keep, "01.05.2026", "completed", LineInput(a, 2))
    k2 = order(db, keep, "01.06.2026", "completed", LineInput(b, 1))
    o1 = order(db, other, "10.05.2026", "completed", LineInput(a, 1))
    o2 = order(
        db,
        other,
        "05.06.2026",
        "paid",
        LineInput(a, 2, "900"),
        LineInput(a, 1, "900", date="20.06.2026"),
    )
    o3 = order(db, other, "07.06.2026", "cancelled", LineInput(a, 10))
    s1 = order(db, shop, "03.06.2026", "completed", LineInput(b, 2), person_id=other)
    record_payment(db, o1, "1000", "10.05.2026", today=TODAY)
    record_payment(db, o2, "500", "05.06.2026", today=TODAY)
    resolve_follow_up(db, o1, "done", TODAY, "Всё хорошо")  # the answer: a note on the card
    create_task(db, TaskInput("Спросить про отзыв", TODAY, order_id=o1))
    create_task(db, TaskInput("Позвонить Игорю", TODAY, contact_id=other))
    add_note(db, other, "Просил скидку", "01.06.2026")
    snooze(db, other, "01.07.2026", TODAY)
    return Pair(keep, other, shop, (k1, k2), (o1, o2, o3), s1, opt, vip)


def test_merge_moves_everything_and_keeps_the_figures(db, pair):
    everything = Period()
    before = period_figures(db, everything, TODAY)
    # realized: K1 2000/800, K2 500/200, O1 1000/400, O2 1800/600 (the 20.06 line planned),
    # S1 1000/400 (the company's); O3 cancelled
    assert before.realized.amount == Decimal("6300")
    assert before.realized.profit == Decimal("2400")
    keep_before = contact_figures(db, pair.keep, TODAY)
    other_before = contact_figures(db, pair.other, TODAY)
    assert keep_before.realized.amount == Decimal("2500")
    assert other_before.realized.amount == Decimal("2800")

    result = merge_contacts(
        db, pair.keep, pair.other, {"phone": "other", "name": "keep", "address": "other"}
    )

    assert (result.kept_id, result.removed_id) == (pair.keep, pair.other)
    assert result.moved.orders == 3 and result.moved.ordered_by == 1
    assert result.moved.payments == 2 and result.moved.tasks == 2
    assert count(db, Contact, Contact.id == pair.other) == 0
    # every order, as the customer and as "ordered by"; payments and follow-ups with them
    with db.session() as session:
        owners = dict(session.execute(select(Order.id, Order.contact_id)).all())
        assert {owners[o] for o in (*pair.keep_orders, *pair.other_orders)} == {pair.keep}
        assert owners[pair.shop_order] == pair.shop
        assert session.get(Order, pair.shop_order).person_id == pair.keep
        paid = session.scalars(
            select(Payment.amount).join(Order).where(Order.contact_id == pair.keep)
        ).all()
        assert sorted(paid) == [Decimal("500"), Decimal("1000")]
        assert session.get(FollowUp, pair.other_orders[0]).state == "done"
        tasks = session.scalars(select(Task.contact_id)).all()
        assert tasks == [pair.keep, pair.keep]
        notes = session.scalars(select(ContactNote.text).where(ContactNote.contact_id == pair.keep))
        assert sorted(notes) == ["Всё хорошо", "Просил скидку"]
        reminder = session.get(ContactReminder, pair.keep)
        assert reminder.snoozed_until == dt.date(2026, 7, 1)
        # both histories are recomputed before they are read again
        assert session.get(LifecycleDirty, pair.keep) is not None
    # the figures: the same in total, the kept card's the sum of both
    after = period_figures(db, everything, TODAY)
    assert (after.realized.amount, after.realized.profit) == (Decimal("6300"), Decimal("2400"))
    assert after.planned.amount == before.planned.amount == Decimal("900")
    kept = contact_figures(db, pair.keep, TODAY)
    assert kept.realized.amount == Decimal("5300")  # 2000 + 500 + 1000 + 1800
    assert kept.realized.profit == Decimal("2000")  # 800 + 200 + 400 + 600
    assert kept.realized.amount == keep_before.realized.amount + other_before.realized.amount
    assert kept.realized.profit == keep_before.realized.profit + other_before.realized.profit
    assert kept.orders == 4  # K1, K2, O1, O2 (O3 cancelled)
    assert checks_out(db)


def test_merge_keeps_the_chosen_values_phones_emails_and_tags(db, pair):
    merge_contacts(
        db, pair.keep, pair.other, {"phone": "other", "name": "keep", "address": "other"}
    )
    with db.session() as session:
        card = session.get(Contact, pair.keep)
        assert card.name == "Игорь Петров"  # the kept card's, as chosen
        assert card.address == "Тверь, Советская 3"  # the other's, as chosen
        assert card.notes == "Любит чёрные\n\nПлатит переводом"  # both, by default
        assert card.payment_terms_days == 14  # the kept card had none: the other's
        assert card.company_id == pair.shop and card.job_title == "закупщик"  # likewise
        # the other's main phone is the main one; the kept card's old main is a further one
        assert (card.phone, card.phone_label) == ("+79161234576", "mobile")
        further = session.execute(
            select(ContactPhone.phone, ContactPhone.label, ContactPhone.position)
            .where(ContactPhone.contact_id == pair.keep)
            .order_by(ContactPhone.position)
        ).all()
        assert [tuple(row) for row in further] == [
            ("+79161234567", None, 1),
            ("+79030000001", "work", 2),
            ("+79030000002", "home", 3),
        ]
        # e-mails: the kept card's main stays; igor.p@ya.ru is there once, not twice
        assert card.email == "igor@mail.ru"
        emails = session.scalars(
            select(ContactEmail.email).where(ContactEmail.contact_id == pair.keep)
        ).all()
        assert emails == ["IGOR.P@ya.ru"]
        assert count(db, ContactEmail) == 1 and count(db, ContactPhone) == 3
        tags = session.scalars(select(ContactTag.tag_id).where(ContactTag.contact_id == pair.keep))
        assert sorted(tags) == sorted([pair.opt, pair.vip])
        # the search index knows the card by what came from the other, and forgets the other
        found = session.scalars(select(Contact.id).where(contact_condition("советская", "RU")))
        assert list(found) == [pair.keep]
        gone = session.execute(
            text("SELECT COUNT(*) FROM search_index WHERE rowid = :r"), {"r": pair.other * 4 + 1}
        ).scalar()
        assert gone == 0
    assert checks_out(db)


def test_merge_keeps_the_kept_phone_by_default_and_the_other_becomes_further(db, pair):
    merge_contacts(db, pair.keep, pair.other, {"notes": "keep", "payment_terms": "keep"})
    with db.session() as session:
        card = session.get(Contact, pair.keep)
        assert card.phone == "+79161234567"
        assert card.notes == "Любит чёрные" and card.payment_terms_days == 0
        further = session.scalars(
            select(ContactPhone.phone)
            .where(ContactPhone.contact_id == pair.keep)
            .order_by(ContactPhone.position)
        ).all()
        assert further == ["+79030000001", "+79161234576", "+79030000002"]


def test_merging_companies_moves_their_people(db):
    first = company(db, "Кожа и стиль", "+7 495 111-22-33", legal_name="ООО «Кожа»")
    second = company(
        db, "Кожа и Стиль", "+7 495 111-22-34", legal_name="ООО «Кожа и стиль»", tax_id="7707083893"
    )
    buyers = [person(db, f"Покупатель {n}", f"+7 916 000-00-0{n}") for n in (1, 2)]
    for buyer in buyers:
        set_fields(db, buyer, company_id=second)
    wallet = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    bought = order(db, second, "01.06.2026", "completed", LineInput(wallet, 1), person_id=buyers[0])

    preview = merge_preview(db, first, second)
    assert preview.moves.people == 2 and preview.moves.orders == 1
    assert [p.field for p in preview.fields] == list(merge.COMPANY_FIELDS)
    assert preview.field("tax_id").default == "other"  # the kept company has none
    merge_contacts(db, first, second, {"legal_name": "other"})

    with db.session() as session:
        kept = session.get(Contact, first)
        assert kept.legal_name == "ООО «Кожа и стиль»" and kept.tax_id == "7707083893"
        assert kept.name == "Кожа и стиль"
        people = session.scalars(select(Contact.id).where(Contact.company_id == first)).all()
        assert sorted(people) == buyers
        placed = session.get(Order, bought)
        assert (placed.contact_id, placed.person_id) == (first, buyers[0])
    assert checks_out(db)


def test_preview_shows_both_sides_and_what_moves(db, pair):
    preview = merge_preview(db, pair.keep, pair.other)
    assert preview.keep.name == "Игорь Петров" and preview.other.orders == 3
    assert [p.field for p in preview.fields] == list(merge.PERSON_FIELDS)
    name = preview.field("name")
    assert not name.differs  # the same words, another spacing
    phone = preview.field("phone")
    assert (phone.keep, phone.other, phone.differs) == ("+79161234567", "+79161234576", True)
    assert preview.field("notes").default == "both"
    assert preview.field("address").default == "keep"
    channel = preview.field("channel")
    assert channel.keep != channel.other and isinstance(channel.keep, str)
    assert preview.field("company").other == "Кожа и стиль"
    moves = preview.moves
    assert (moves.orders, moves.ordered_by, moves.payments, moves.follow_ups) == (3, 1, 2, 1)
    assert (moves.tasks, moves.notes, moves.reminders) == (2, 2, 1)
    # both phones move; of the e-mails only none is new (igor.p@ya.ru is there); VIP is new
    assert (moves.phones, moves.emails, moves.tags, moves.people) == (2, 0, 1, 0)


def test_the_card_kept_by_default_has_more_orders_then_is_older(db, pair):
    assert suggested_keep(db, pair.keep, pair.other) == pair.other  # 3 orders against 2
    a, b = person(db, "Анна"), person(db, "Анна")
    with db.session() as session:
        session.get(Contact, a).created_at = dt.datetime(2026, 3, 1)
        session.get(Contact, b).created_at = dt.datetime(2026, 1, 1)
        session.commit()
    assert suggested_keep(db, a, b) == b


def test_merges_refused(db, pair):
    with pytest.raises(ValidationError) as itself:
        merge_contacts(db, pair.keep, pair.keep)
    assert itself.value.problems[0].code == "merge.same_contact"
    with pytest.raises(ValidationError) as kinds:
        merge_contacts(db, pair.keep, pair.shop)
    assert kinds.value.problems[0].code == "merge.kinds_differ"
    with pytest.raises(ValidationError):
        merge_preview(db, pair.shop, pair.other)
    with pytest.raises(NotFound) as missing:
        merge_contacts(db, pair.keep, 9999)
    assert missing.value.code == "contact.not_found"
    assert count(db, Order, Order.contact_id == pair.other) == 3
    with pytest.raises(ValueError):  # a field the merge does not offer: the caller's mistake
        merge_contacts(db, pair.keep, pair.other, {"legal_name": "other"})
    with pytest.raises(ValueError):
        merge_contacts(db, pair.keep, pair.other, {"phone": "both"})
    assert count(db, Contact, Contact.id == pair.other) == 1


def snapshot(db) -> dict:
    with db.session() as session:
        return {
            "orders": session.execute(select(Order.id, Order.contact_id, Order.person_id)).all(),
            "tasks": session.execute(select(Task.id, Task.contact_id)).all(),
            "notes": session.execute(select(ContactNote.id, ContactNote.contact_id)).all(),
            "phones": session.execute(select(ContactPhone.contact_id, ContactPhone.phone)).all(),
            "emails": session.execute(select(ContactEmail.contact_id, ContactEmail.email)).all(),
            "tags": session.execute(select(ContactTag.contact_id, ContactTag.tag_id)).all(),
            "reminders": session.execute(select(ContactReminder.contact_id)).all(),
            "contacts": session.execute(
                select(Contact.id, Contact.name, Contact.phone, Contact.email, Contact.notes)
            ).all(),
        }


def test_a_merge_that_fails_at_the_end_leaves_nothing_moved(db, pair):
    """The card's deletion, the last step, refused by a trigger: every move before it is
    rolled back with it."""
    before = snapshot(db)
    refuse = (
        "CREATE TRIGGER test_refuse_delete BEFORE DELETE ON contacts"
        " BEGIN SELECT RAISE(ABORT, 'refused by the test') WHERE OLD.id IS NOT NULL; END"
    )
    with db.session() as session:
        for sql in trigger(refuse) if db.dialect == "postgresql" else (refuse,):
            session.execute(text(sql))
        session.commit()
    with pytest.raises(Exception, match="refused by the test"):
        merge_contacts(db, pair.keep, pair.other, {"phone": "other"})
    assert snapshot(db) == before


def test_a_merge_that_fails_in_the_middle_leaves_nothing_moved(db, pair, monkeypatch):
    before = snapshot(db)

    def broken(session, contact_id):
        # orders, tasks, phones, e-mails and tags have moved by now
        moved = session.scalar(select(Order.contact_id).where(Order.id == pair.other_orders[0]))
        assert moved == pair.keep
        raise RuntimeError("disk pulled")

    monkeypatch.setattr(merge, "forget_dismissals", broken)
    with pytest.raises(RuntimeError):
        merge_contacts(db, pair.keep, pair.other, {"phone": "other"})
    assert snapshot(db) == before


def test_a_merge_forgets_the_dismissed_pairs_of_the_removed_card(db, pair):
    third = person(db, "Третий")
    dismiss_pair(db, pair.other, third)
    dismiss_pair(db, pair.keep, third)
    merge_contacts(db, pair.keep, pair.other)
    with db.session() as session:
        assert dismissed(session) == {(pair.keep, third)}
        assert json.loads(session.get(Setting, "duplicates_dismissed").value) == [
            [pair.keep, third]
        ]


def test_merge_keeps_the_purchases_the_other_supplied(db, pair):
    slim = create_product(db, ProductInput("Slim для закупки", None, "900", "450")).id
    lines = (PurchaseLineInput(slim, 5, "450"),)
    bought = save_purchase(db, PurchaseInput(TODAY, pair.other, lines=lines), today=TODAY).id
    merge_contacts(db, pair.keep, pair.other, {})
    assert get_purchase(db, bought).supplier_id == pair.keep
