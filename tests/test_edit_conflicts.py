"""Edit conflicts (issue #21): every contact and order has a version that each change of it
moves on; a save from a card or an editor opened at an older version is refused with the record
as saved now, and nothing is written. Two processes saving one order at once: one wins, the
other is told."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session

from models import Order
from services import history, undoing
from services.contacts import (
    ContactInput,
    EmailEntry,
    PhoneEntry,
    create_contact,
    get_contact,
    set_archived,
    update_contact,
)
from services.errors import EditConflict
from services.merge import merge_contacts
from services.orders import (
    LineInput,
    OrderInput,
    OrderView,
    change_status,
    get_order,
    reschedule_shipment,
    save_order,
)
from services.payments import record_payment, set_payment_due, set_payment_terms
from services.storage import SCHEMA_HEAD, Database, alembic_config, current_revision
from tests.at_once import run_at_once
from tests.conftest import TODAY, status_id
from tests.test_reimport import BASE, imported, order_of


def edited(view: OrderView, **changes: object) -> OrderInput:
    """The order as its editor would save it, opened at `view` (its version), with changes."""
    values: dict[str, object] = {
        "contact_id": view.contact_id,
        "date": view.date,
        "status_id": view.status_id,
        "channel_id": view.channel_id,
        "comment": view.comment,
        "loss_reason_id": view.loss_reason_id,
        "loss_note": view.loss_note,
        "lines": tuple(
            LineInput(ln.product_id, ln.quantity, ln.unit_price, ln.unit_cost, ln.date, ln.id)
            for ln in view.lines
        ),
        "person_id": view.person_id,
        "version": view.version,
    }
    values.update(changes)
    return OrderInput(**values)


def saved(db: Database, order_id: int, **changes: object) -> OrderView:
    return save_order(db, edited(get_order(db, order_id, TODAY), **changes), order_id, TODAY)


def version_of(db: Database, table: str, row_id: int) -> int:
    with db.engine.connect() as connection:
        sql = text(f"SELECT version FROM {table} WHERE id = :id")
        return int(connection.execute(sql, {"id": row_id}).scalar_one())


# --- orders ------------------------------------------------------------------------------------
def test_a_new_order_and_a_new_contact_start_at_version_1(db, shop):
    assert get_order(db, shop.o1, TODAY).version == 1
    assert get_contact(db, shop.anna).version == 1


def test_the_second_save_from_the_same_version_is_refused_with_the_first_saves_order(db, shop):
    opened = get_order(db, shop.o1, TODAY)  # two editors open at version 1
    first = save_order(db, edited(opened, comment="Позвонить до обеда"), shop.o1, TODAY)
    assert first.version == 2

    with pytest.raises(EditConflict) as refused:
        save_order(db, edited(opened, comment="Доставка в пятницу"), shop.o1, TODAY)

    conflict = refused.value
    assert (conflict.code, conflict.kind, conflict.record_id) == ("edit.conflict", "order", shop.o1)
    theirs = conflict.theirs
    assert isinstance(theirs, OrderView)
    assert (theirs.comment, theirs.version) == ("Позвонить до обеда", 2)
    # O1: 3 × 1000 + 2 × 250.50 = 3501.00, as the first save left it
    assert theirs.figures.amount == D("3501.00")
    now = get_order(db, shop.o1, TODAY)
    assert (now.comment, now.version) == ("Позвонить до обеда", 2)  # nothing of the second


def test_keep_mine_saves_again_from_the_version_saved_now(db, shop):
    opened = get_order(db, shop.o1, TODAY)
    save_order(db, edited(opened, comment="Первый"), shop.o1, TODAY)
    with pytest.raises(EditConflict) as refused:
        save_order(db, edited(opened, comment="Второй"), shop.o1, TODAY)
    mine = edited(opened, comment="Второй", version=refused.value.theirs.version)
    view = save_order(db, mine, shop.o1, TODAY)
    assert (view.comment, view.version) == ("Второй", 3)


def test_a_save_of_the_lines_alone_moves_the_version_on(db, shop):
    opened = get_order(db, shop.o5, TODAY)  # O5: B 4 × 500
    (line,) = opened.lines
    more = (LineInput(line.product_id, 5, line.unit_price, line.unit_cost, line.date, line.id),)
    view = save_order(db, edited(opened, lines=more), shop.o5, TODAY)
    assert (view.version, view.figures.amount, view.comment) == (2, D("2500.00"), None)
    with pytest.raises(EditConflict) as refused:  # an editor opened before: 4 × 500 is stale
        save_order(db, edited(opened, comment="Упаковать"), shop.o5, TODAY)
    assert refused.value.theirs.lines[0].quantity == 5


def test_a_save_that_changes_nothing_leaves_the_version(db, shop):
    assert saved(db, shop.o2).version == 1
    assert saved(db, shop.o2, comment="Подарок").version == 2


def test_a_save_without_a_version_is_not_checked(db, shop):
    """Import and the command line save whatever the version."""
    saved(db, shop.o1, comment="Первый")
    plain = edited(get_order(db, shop.o1, TODAY), comment="Без версии", version=None)
    assert save_order(db, plain, shop.o1, TODAY).version == 3


def test_a_status_change_on_the_board_moves_the_version_on(db, shop):
    opened = get_order(db, shop.o3, TODAY)  # Paid
    moved = change_status(db, shop.o3, status_id(db, "completed"), today=TODAY)
    assert moved.version == 2
    with pytest.raises(EditConflict) as refused:
        save_order(db, edited(opened, comment="Оплачен наличными"), shop.o3, TODAY)
    assert refused.value.theirs.status_id == status_id(db, "completed")


def test_a_line_moved_on_the_calendar_moves_the_version_on(db, shop):
    opened = get_order(db, shop.o3, TODAY)
    planned = opened.lines[1]  # 5 × A shipped 20.06
    reschedule_shipment(db, planned.id, "22.06.2026")
    assert get_order(db, shop.o3, TODAY).version == 2
    with pytest.raises(EditConflict):
        save_order(db, edited(opened), shop.o3, TODAY)


def test_payments_and_the_due_date_leave_the_version(db, shop):
    """Neither is a field of the order's save, and the editor writes both while open."""
    record_payment(db, shop.o5, "500", TODAY, today=TODAY)
    set_payment_due(db, shop.o5, "30.06.2026")
    assert get_order(db, shop.o5, TODAY).version == 1


def test_an_order_rewritten_by_an_import_moves_its_version_on(db):
    imported(db, BASE)
    second = order_of(db, "number:2")
    opened = get_order(db, second, TODAY)
    dearer = [*BASE[:2], (*BASE[2][:6], "1700", "900"), BASE[3]]
    imported(db, dearer)
    assert get_order(db, second, TODAY).version == opened.version + 1
    with pytest.raises(EditConflict) as refused:
        save_order(db, edited(opened, comment="Скидка"), second, TODAY)
    assert refused.value.theirs.figures.amount == D("1700.00")


def test_undo_and_redo_move_the_version_on(db, shop):
    opened = saved(db, shop.o1, comment="Первый")  # version 2
    undone = undoing.undo(db, history.last_entry_id(db))
    after_undo = get_order(db, shop.o1, TODAY)
    assert (after_undo.comment, after_undo.version) == (None, 3)
    with pytest.raises(EditConflict) as refused:  # opened before the undo
        save_order(db, edited(opened, comment="Второй"), shop.o1, TODAY)
    assert refused.value.theirs.comment is None
    undoing.undo(db, undone.id)  # redo
    assert (get_order(db, shop.o1, TODAY).comment, version_of(db, "orders", shop.o1)) == (
        "Первый",
        4,
    )


def test_undo_of_a_lines_only_change_moves_the_order_on(db, shop):
    """The lines are the order's save: undoing one of them is a change of the order."""
    opened = get_order(db, shop.o3, TODAY)
    reschedule_shipment(db, opened.lines[1].id, "22.06.2026")  # version 2
    reopened = get_order(db, shop.o3, TODAY)
    undoing.undo(db, history.last_entry_id(db))
    assert get_order(db, shop.o3, TODAY).lines[1].date == dt.date(2026, 6, 20)
    assert version_of(db, "orders", shop.o3) == 3
    with pytest.raises(EditConflict):
        save_order(db, edited(reopened), shop.o3, TODAY)


# --- contacts ----------------------------------------------------------------------------------
def card(view, **changes: object) -> ContactInput:
    """The card as the contacts section would save it, opened at `view`, with changes."""
    values: dict[str, object] = {
        "name": view.name,
        "address": view.address,
        "notes": view.notes,
        "channel_id": view.channel_id,
        "payment_terms_days": view.payment_terms_days,
        "kind": view.kind,
        "company_id": view.company_id,
        "job_title": view.job_title,
        "legal_name": view.legal_name,
        "tax_id": view.tax_id,
        "phones": list(view.phones),
        "emails": list(view.emails),
        "tag_ids": [tag.id for tag in view.tags],
        "version": view.version,
    }
    values.update(changes)
    return ContactInput(**values)


def test_the_second_save_of_a_card_is_refused_with_the_first_saves_card(db, shop):
    opened = get_contact(db, shop.anna)
    first = update_contact(db, shop.anna, card(opened, notes="Берёт оптом"))
    assert first.version == 2
    with pytest.raises(EditConflict) as refused:
        update_contact(db, shop.anna, card(opened, address="Тверь, ул. Советская, 5"))
    conflict = refused.value
    assert (conflict.kind, conflict.record_id) == ("contact", shop.anna)
    assert (conflict.theirs.notes, conflict.theirs.address, conflict.theirs.version) == (
        "Берёт оптом",
        None,
        2,
    )
    assert get_contact(db, shop.anna).address is None


def test_a_cards_phones_alone_move_its_version_on(db, shop):
    opened = get_contact(db, shop.anna)
    assert update_contact(db, shop.anna, card(opened)).version == 1  # nothing changed
    more = [*opened.phones, PhoneEntry("+7 903 111-22-44", "work")]
    assert update_contact(db, shop.anna, card(opened, phones=more)).version == 2
    mails = [EmailEntry("anna@example.com")]
    with pytest.raises(EditConflict) as refused:
        update_contact(db, shop.anna, card(opened, emails=mails))
    assert [p.number for p in refused.value.theirs.phones] == ["+79031112233", "+79031112244"]


def test_payment_terms_set_elsewhere_move_the_card_on_and_archiving_does_not(db, shop):
    opened = get_contact(db, shop.anna)
    set_archived(db, shop.anna)  # no field of the card's save: nothing it could put back
    assert get_contact(db, shop.anna).version == 1
    set_payment_terms(db, shop.anna, 14)
    with pytest.raises(EditConflict) as refused:
        update_contact(db, shop.anna, card(opened, notes="Звонить вечером"))
    assert refused.value.theirs.payment_terms_days == 14


def test_a_merge_moves_the_kept_card_and_the_moved_orders_on(db, shop):
    card_before = get_contact(db, shop.igor1)
    order_before = get_order(db, shop.o2, TODAY)  # Igor2's, moves to Igor1
    merge_contacts(db, shop.igor1, shop.igor2)
    assert get_contact(db, shop.igor1).version == 2
    assert get_order(db, shop.o2, TODAY).version == 2
    with pytest.raises(EditConflict):
        update_contact(db, shop.igor1, card(card_before, notes="Постоянный"))
    with pytest.raises(EditConflict) as refused:
        save_order(db, edited(order_before, comment="Подарок"), shop.o2, TODAY)
    assert refused.value.theirs.contact_id == shop.igor1


def test_undo_of_a_card_moves_its_version_on(db, shop):
    saved_card = update_contact(db, shop.anna, card(get_contact(db, shop.anna), notes="Опт"))
    undoing.undo(db, history.last_entry_id(db))
    assert (get_contact(db, shop.anna).notes, version_of(db, "contacts", shop.anna)) == (None, 3)
    with pytest.raises(EditConflict):
        update_contact(db, shop.anna, card(saved_card, notes="Розница"))


def test_a_new_card_needs_no_version(db):
    view = create_contact(db, ContactInput("Борис", version=7))  # nothing to compare with
    assert view.version == 1


# --- the race between the check and the write ------------------------------------------------
def test_a_save_written_between_the_check_and_the_write_is_a_conflict_too(db, db_target, shop):
    """PostgreSQL runs two saves of one order side by side: the other commits after this save
    read the version and before it writes, and the versioned UPDATE matches no row."""
    if db.dialect == "sqlite":
        pytest.skip("SQLite's writer holds the write lock from the unit of work's first statement")
    opened = get_order(db, shop.o1, TODAY)
    other = Database.open(db_target)
    done: list[int] = []

    def meanwhile(session: Session, _context, _instances) -> None:
        if not done and any(isinstance(row, Order) for row in session.dirty):
            done.append(saved(other, shop.o1, comment="Другой").version)

    event.listen(db.session_factory, "before_flush", meanwhile)
    try:
        with pytest.raises(EditConflict) as refused:
            save_order(db, edited(opened, comment="Мой"), shop.o1, TODAY)
    finally:
        event.remove(db.session_factory, "before_flush", meanwhile)
        other.close()
    assert done == [2]
    assert (refused.value.theirs.comment, refused.value.theirs.version) == ("Другой", 2)
    assert get_order(db, shop.o1, TODAY).comment == "Другой"


# --- two processes -----------------------------------------------------------------------------
def save_at_once(target: Path | str, order_id: int, comment: str, start, results) -> None:
    """One person's Lavka: opens the order, waits for the other, saves its change."""
    database = Database.open(target)
    try:
        opened = get_order(database, order_id, TODAY)
        start.wait()
        try:
            view = save_order(database, edited(opened, comment=comment), order_id, TODAY)
        except EditConflict as conflict:
            results.put(("conflict", comment, conflict.theirs.comment, conflict.theirs.version))
        else:
            results.put(("saved", comment, view.comment, view.version))
    finally:
        database.close()


def test_two_processes_saving_one_order_one_saves_and_the_other_is_told(db, db_target, shop):
    arguments = [(db_target, shop.o1, comment) for comment in ("Иван", "Мария")]
    results = sorted(run_at_once(save_at_once, arguments, 2))
    (conflict, loser, theirs, their_version), (outcome, winner, kept, version) = results
    assert (conflict, outcome) == ("conflict", "saved")
    assert {loser, winner} == {"Иван", "Мария"}
    assert (kept, version) == (winner, 2)
    assert (theirs, their_version) == (winner, 2)  # the loser is shown the winner's order
    now = get_order(db, shop.o1, TODAY)
    assert (now.comment, now.version) == (winner, 2)


# --- the migration -----------------------------------------------------------------------------
def test_0011_gives_the_rows_of_an_older_database_version_1(db, db_target, shop):
    saved(db, shop.o1, comment="До обновления")  # version 2 at the head …
    command.downgrade(alembic_config(db.engine), "0010")
    with db.engine.connect() as connection:
        for table in ("contacts", "orders"):
            columns = {c["name"] for c in inspect(connection).get_columns(table)}
            assert "version" not in columns
    db.close()
    upgraded = Database.open(db_target)
    try:
        assert current_revision(upgraded.engine) == SCHEMA_HEAD
        with upgraded.engine.connect() as connection:
            orders = connection.execute(text("SELECT id, version FROM orders ORDER BY id")).all()
            contacts = connection.execute(text("SELECT version FROM contacts")).scalars().all()
        # … and, like every row, 1 after the way down and back up; the rows all kept
        assert orders == [(order_id, 1) for order_id in range(1, 7)]
        assert contacts == [1, 1, 1]
        view = get_order(upgraded, shop.o1, TODAY)
        assert (view.comment, view.version) == ("До обновления", 1)
        assert saved(upgraded, shop.o1, comment="После").version == 2
    finally:
        upgraded.close()
