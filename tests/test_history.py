"""Undo and redo proven table by table: for each kind of action, do → undo leaves the database
as it was before and redo as it was after; a conflicting undo is refused and changes nothing;
the log names old and new values; the Trash restores; compaction; the logged columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D

import pytest
from sqlalchemy import inspect, select, text

from models import Contact, ContactNote, ContactReminder, FollowUp, Order
from models.base import Base
from models.history import DERIVED_COLUMNS, DERIVED_TABLES, LOGGED_TABLES, ChangeEntry, row_key
from services import history, undoing
from services.contacts import (
    ContactInput,
    EmailEntry,
    PhoneEntry,
    create_contact,
    delete_contact,
    get_contact,
    update_contact,
)
from services.errors import LavkaError
from services.expenses import ExpenseInput, save_expense
from services.follow_ups import resolve_follow_up
from services.importing import SourceSheet, apply_import, plan_import
from services.lifecycle import refresh
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
from services.payments import delete_payment, order_payments, record_payment
from services.products import ProductInput, create_product, update_product
from services.purchases import (
    PurchaseInput,
    PurchaseLineInput,
    delete_purchase,
    save_purchase,
)
from services.reminders import snooze
from services.stock import AdjustmentInput, add_adjustment
from services.storage import Database
from services.tags import create_tag, delete_tag, list_tags
from services.tasks import TaskInput, create_task, delete_task, set_task_done
from services.uow import UnitOfWork
from tests.conftest import TODAY, Shop, loss_reason_id, status_id

# --- the snapshot ----------------------------------------------------------------------------
# The log's own tables, and the schema's version; the FTS shadow tables are compared through
# the index's content instead.
NOT_COMPARED = {"changes", "change_rows", "change_open", "alembic_version"}
# Internal ids the re-costing may renumber: compared without them.
WITHOUT_ID = {"cost_splits"}
# The edit counters: every change of a card or an order moves them on, an undo's and a redo's
# too, so that an editor opened before them meets a conflict (tests/test_edit_conflicts.py).
WITHOUT_VERSION = {"contacts", "orders"}


def bring_current(db: Database) -> None:
    """Derived data as the app reads it: contact_lifecycle is recomputed from lifecycle_dirty
    when a view reads it (services/lifecycle.refresh); the FIFO costs are settled at each
    commit (recost_pending)."""
    with UnitOfWork(db) as uow:
        refresh(uow.session, TODAY)
        uow.commit()
    assert uow.entry_id is None  # derived writes only: nothing logged


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every table's rows, every column, as the database holds them (the search index's rowid
    too: on SQLite an FTS table's, on PostgreSQL a column of its own, as contact_tags')."""
    bring_current(db)
    tables: dict[str, list[tuple]] = {}
    with db.engine.connect() as connection:
        schema = inspect(connection)
        for name in schema.get_table_names():
            if name in NOT_COMPARED or name.startswith(("sqlite_", "search_index_")):
                continue
            columns = [column["name"] for column in schema.get_columns(name)]
            if name in WITHOUT_ID:
                columns = [c for c in columns if c != "id"]
            if name in WITHOUT_VERSION:
                columns = [c for c in columns if c != "version"]
            listed = ", ".join(f'"{c}"' for c in columns)
            if name == "search_index" and "rowid" not in columns:
                listed = "rowid, " + listed
            rows = connection.execute(text(f'SELECT {listed} FROM "{name}"')).all()
            tables[name] = sorted((tuple(row) for row in rows), key=repr)
    return tables


def enabled_triggers(db: Database) -> set[str]:
    """The names of the triggers in force: SQLite's, or PostgreSQL's not disabled."""
    if db.dialect == "postgresql":
        sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    with db.engine.connect() as connection:
        return set(connection.execute(text(sql)).scalars())


def ids_as_sqlite_gives_them(db: Database, table: str) -> None:
    """On PostgreSQL, the next row of `table` takes the highest id + 1, as SQLite gives it
    (its sequence never gives an id twice): for the tests of a deleted row whose id a later
    record took, which a database copied from an SQLite file (migrate-to) can hold too."""
    if db.dialect != "postgresql":
        return
    with db.engine.begin() as connection:
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )
        )


def differences(first: dict, second: dict) -> dict[str, tuple[list, list]]:
    """Per table: the rows only in the first, the rows only in the second."""
    found = {}
    for name in sorted(set(first) | set(second)):
        a, b = first.get(name, []), second.get(name, [])
        if a != b:
            only_a = [row for row in a if row not in b]
            only_b = [row for row in b if row not in a]
            found[name] = (only_a, only_b)
    return found


# --- the base: the shop of conftest, a purchase feeding product A, a payment, a company ----
PURCHASE_DAY = "01.05.2026"


@pytest.fixture
def base(db: Database, shop: Shop) -> dict:
    bought = save_purchase(
        db,
        PurchaseInput(
            PURCHASE_DAY,
            supplier_name="Кожевник",
            delivery_cost="300",
            lines=(PurchaseLineInput(shop.product_a, 30, "500"),),
        ),
        today=TODAY,
    )
    paid = record_payment(db, shop.o1, "1000", "02.06.2026", today=TODAY).payment
    firm = create_contact(db, ContactInput("ООО Ромашка", kind="company", tax_id=None)).id
    person = create_contact(db, ContactInput("Ольга Ромашкина", company_id=firm)).id
    task = create_task(db, TaskInput("Позвонить", "16.06.2026", contact_id=shop.anna)).id
    update_contact(
        db,
        shop.igor1,
        ContactInput(
            "Игорь",
            phones=(PhoneEntry("+7 916 123-45-67"), PhoneEntry("+7 916 000-00-01", "home")),
            new_tags=("опт", "vip"),
        ),
    )
    return {
        "shop": shop,
        "purchase": bought.id,
        "payment": paid.id,
        "firm": firm,
        "person": person,
        "task": task,
    }


def line_ids(db: Database, order_id: int) -> list[int]:
    return [line.id for line in get_order(db, order_id, TODAY).lines]


def _create_order(db, ctx):
    shop = ctx["shop"]
    data = OrderInput(
        shop.anna,
        "15.06.2026",
        status_id(db, "paid"),
        lines=(LineInput(shop.product_a, 2), LineInput(shop.product_b, 1)),
    )
    save_order(db, data, today=TODAY)


def _edit_order_lines(db, ctx):
    shop = ctx["shop"]
    first = line_ids(db, shop.o1)[0]
    data = OrderInput(
        shop.igor1,
        "01.06.2026",
        status_id(db, "completed"),
        comment="исправлен",
        lines=(LineInput(shop.product_a, 4, id=first), LineInput(shop.product_c, 1)),
    )
    save_order(db, data, shop.o1, today=TODAY)


def _status(db, ctx):
    change_status(db, ctx["shop"].o3, status_id(db, "completed"), today=TODAY)


def _cancel(db, ctx):
    shop = ctx["shop"]
    change_status(
        db, shop.o1, status_id(db, "cancelled"), loss_reason_id(db), "дорого", today=TODAY
    )


def _reschedule(db, ctx):
    planned = line_ids(db, ctx["shop"].o3)[1]
    reschedule_shipment(db, planned, "25.06.2026")


def _reschedule_earlier(db, ctx):  # before the purchase: leaves FIFO, then returns
    first = line_ids(db, ctx["shop"].o1)[0]
    reschedule_shipment(db, first, "20.04.2026")


def _delete_order(db, ctx):
    delete_order(db, ctx["shop"].o1)  # with its lines, its payment


def _record_payment(db, ctx):
    record_payment(db, ctx["shop"].o3, "500", "14.06.2026", today=TODAY)


def _delete_payment(db, ctx):
    delete_payment(db, ctx["payment"])


def _create_contact(db, ctx):
    create_contact(
        db, ContactInput("Пётр", "+7 916 555-00-11", email="p@example.com", company_id=ctx["firm"])
    )


def _edit_contact(db, ctx):
    update_contact(
        db,
        ctx["shop"].anna,
        ContactInput("Анна Петровна", "+7 903 111-22-44", notes="VIP", address="Тверь"),
    )


def _delete_company(db, ctx):  # its person's company_id is nulled by a trigger
    delete_contact(db, ctx["firm"])


def _delete_person(db, ctx):
    delete_contact(db, ctx["person"])


def _merge(db, ctx):
    shop = ctx["shop"]
    merge_contacts(db, shop.igor1, shop.igor2)


def _tags(db, ctx):
    update_contact(
        db, ctx["shop"].anna, ContactInput("Анна Соколова", "+7 903 111-22-33", new_tags=("опт",))
    )


def _create_task(db, ctx):
    create_task(db, TaskInput("Отправить счёт", "17.06.2026", order_id=ctx["shop"].o3))


def _task_done(db, ctx):
    set_task_done(db, ctx["task"])


def _purchase_earlier(db, ctx):  # a batch before the first: re-costs the later lines
    save_purchase(
        db,
        PurchaseInput(
            "20.04.2026",
            supplier_name="Склад",
            lines=(PurchaseLineInput(ctx["shop"].product_a, 4, "450"),),
        ),
        today=TODAY,
    )


def _purchase_edit(db, ctx):
    shop = ctx["shop"]
    save_purchase(
        db,
        PurchaseInput(
            PURCHASE_DAY,
            supplier_name="Кожевник",
            delivery_cost="0",
            lines=(PurchaseLineInput(shop.product_a, 30, "550"),),
        ),
        ctx["purchase"],
        today=TODAY,
    )


def _purchase_delete(db, ctx):
    delete_purchase(db, ctx["purchase"])


def _write_off(db, ctx):
    add_adjustment(
        db,
        AdjustmentInput(ctx["shop"].product_a, 2, "брак", "write_off", "03.06.2026"),
        today=TODAY,
    )


def _expense(db, ctx):
    save_expense(db, ExpenseInput("1500.50", "ads", "10.06.2026", comment="реклама"), today=TODAY)


def _phones(db, ctx):
    update_contact(
        db,
        ctx["shop"].igor1,
        ContactInput(
            "Игорь",
            phones=(PhoneEntry("+7 916 000-00-02", "work"), PhoneEntry("+7 916 123-45-67")),
            emails=(EmailEntry("igor@example.com"),),
            tag_ids=(),
        ),
    )


def _tag_deleted(db, ctx):  # taken off every contact with it
    (vip,) = [tag for tag in list_tags(db) if tag.name == "vip"]
    delete_tag(db, vip.id)


def _product_created(db, ctx):
    create_product(db, ProductInput("Ремень", "BL-1", "1200", "700", min_stock=3))


def _product_edited(db, ctx):
    update_product(db, ctx["shop"].product_b, ProductInput("Картхолдер Maxi", "MN-1", "550", "310"))


def _task_deleted(db, ctx):
    delete_task(db, ctx["task"])


IMPORT_HEADERS = ("Дата", "Клиент", "Тел.", "Товар", "Кол-во", "Цена", "Закупка", "Статус")
IMPORT_ROWS = [
    ("10.05.2026", "Иван Петров", "+7 916 000-45-67", "Кошелёк Classic", "2", "1500", "900",
     "Выполнен"),
    ("14.06.2026", "Мария", "+7 926 000-11-22", "Ремень Strap", "1", "800", "400", "Выполнен"),
    ("14.06.2026", "Анна Соколова", "+7 903 111-22-33", "Картхолдер Mini", "3", "500", "300",
     "Оплачен"),
]  # fmt: skip


def _import(db, ctx):
    numbered = [(number, tuple(cells)) for number, cells in enumerate(IMPORT_ROWS, start=2)]
    sheet = SourceSheet("Продажи", IMPORT_HEADERS, lambda: iter(numbered), len(numbered))
    plan = plan_import(db, [sheet], today=TODAY)
    assert plan.rejections == ()
    apply_import(db, plan)


ACTIONS: dict[str, Callable] = {
    "order created": _create_order,
    "order lines edited": _edit_order_lines,
    "order status": _status,
    "order cancelled": _cancel,
    "shipment rescheduled": _reschedule,
    "shipment rescheduled before stock": _reschedule_earlier,
    "order deleted": _delete_order,
    "payment recorded": _record_payment,
    "payment deleted": _delete_payment,
    "contact created": _create_contact,
    "contact edited": _edit_contact,
    "company deleted": _delete_company,
    "person deleted": _delete_person,
    "contacts merged": _merge,
    "tags": _tags,
    "phones, e-mails and tags replaced": _phones,
    "tag deleted": _tag_deleted,
    "product created": _product_created,
    "product edited": _product_edited,
    "task deleted": _task_deleted,
    "task created": _create_task,
    "task done": _task_done,
    "purchase earlier": _purchase_earlier,
    "purchase edited": _purchase_edit,
    "purchase deleted": _purchase_delete,
    "write-off": _write_off,
    "expense": _expense,
    "import": _import,
}


def entries_after(db: Database, entry_id: int) -> list[ChangeEntry]:
    with db.session() as session:
        return list(
            session.scalars(
                select(ChangeEntry).where(ChangeEntry.id > entry_id).order_by(ChangeEntry.id)
            )
        )


@pytest.mark.parametrize("action", list(ACTIONS), ids=list(ACTIONS))
def test_undo_restores_before_and_redo_restores_after(db, base, action):
    before = snapshot(db)
    mark = history.last_entry_id(db)
    ACTIONS[action](db, base)
    after = snapshot(db)
    assert differences(before, after), "the action changed nothing"
    made = entries_after(db, mark)
    assert len(made) == 1, [e.code for e in made]  # one action, one entry
    entry = made[0]
    assert entry.rows > 0
    undo_candidate, _ = history.last_of_run(db, mark)
    assert undo_candidate is not None and undo_candidate.id == entry.id

    undone = undoing.undo(db, entry.id)
    assert undone.code == "undo" and undone.reverts == entry.id
    assert differences(before, snapshot(db)) == {}
    _, redo_candidate = history.last_of_run(db, mark)
    assert redo_candidate is not None and redo_candidate.id == undone.id

    redone = undoing.undo(db, undone.id)
    assert redone.code == "redo"
    assert differences(after, snapshot(db)) == {}
    # and once more: undo of the redo brings "before" back again
    undoing.undo(db, redone.id)
    assert differences(before, snapshot(db)) == {}


@pytest.mark.parametrize(
    "action",
    [
        "order deleted",
        "payment recorded",
        "payment deleted",
        "order lines edited",
        "import",
        "company deleted",
        "phones, e-mails and tags replaced",
        "product edited",
    ],
)
def test_a_large_playback_sets_the_derived_triggers_aside_and_recomputes_them(
    db, base, action, monkeypatch
):
    """From BULK_ROWS rows (an import's undo) the order totals, paid sums and search documents
    are recomputed once after playback instead of per row: with the threshold at one row, the
    same states come back, search index included (the snapshot compares it)."""
    monkeypatch.setattr(undoing, "BULK_ROWS", 1)
    test_undo_restores_before_and_redo_restores_after(db, base, action)
    triggers = enabled_triggers(db)
    for trigger in (
        "trg_shipments_totals_delete",
        "trg_payments_paid_insert",
        "trg_contact_phones_search_delete",
    ):
        assert trigger in triggers


def test_undo_brings_back_the_fifo_costs_a_purchase_moved(db, base):
    shop = base["shop"]
    # O3 takes A 2 + 5 from the batch of 30 at 500 + 300 delivery (510 a unit): 7 × 510
    assert get_order(db, shop.o3, TODAY).figures.cost == D("3570.00")
    mark = history.last_entry_id(db)
    _purchase_edit(db, base)  # 550 a unit, no delivery
    assert get_order(db, shop.o3, TODAY).figures.cost == D("3850.00")
    undoing.undo(db, history.last_of_run(db, mark)[0].id)
    assert get_order(db, shop.o3, TODAY).figures.cost == D("3570.00")
    assert get_order(db, shop.o1, TODAY).lines[0].unit_cost == D("510.00")


# --- refusals --------------------------------------------------------------------------------
def _contact_entry(db, contact_id: int, data: ContactInput) -> int:
    mark = history.last_entry_id(db)
    update_contact(db, contact_id, data)
    (entry,) = entries_after(db, mark)
    return entry.id


def test_an_undo_over_a_later_change_is_refused_naming_it(db, base):
    anna = base["shop"].anna
    start = snapshot(db)
    first = _contact_entry(db, anna, ContactInput("Анна А", "+7 903 111-22-33"))
    middle = snapshot(db)
    second = _contact_entry(db, anna, ContactInput("Анна Б", "+7 903 111-22-33"))
    now = snapshot(db)
    with pytest.raises(undoing.UndoRefused) as refused:
        undoing.undo(db, first)
    assert refused.value.code == "undo.conflict"
    later = history.get_entry(db, second)
    assert refused.value.params[1] == later.name() and later.name() in str(refused.value)
    assert differences(now, snapshot(db)) == {}
    assert history.get_entry(db, first).reverted_by is None

    undoing.undo(db, second)
    assert differences(middle, snapshot(db)) == {}
    undoing.undo(db, first)
    assert differences(start, snapshot(db)) == {}


def test_a_redo_out_of_turn_is_refused_as_a_conflict_with_the_later_undo(db, base):
    anna = base["shop"].anna
    first = _contact_entry(db, anna, ContactInput("Анна А", "+7 903 111-22-33"))
    second = _contact_entry(db, anna, ContactInput("Анна Б", "+7 903 111-22-33"))
    undo_second = undoing.undo(db, second)
    undo_first = undoing.undo(db, first)
    now = snapshot(db)
    with pytest.raises(undoing.UndoRefused) as refused:  # redo the second before the first
        undoing.undo(db, undo_second.id)
    assert refused.value.code == "undo.conflict"
    assert refused.value.params[1] == undo_first.name()
    assert differences(now, snapshot(db)) == {}
    undoing.undo(db, undo_first.id)  # in turn: both redone
    undoing.undo(db, undo_second.id)
    with db.session() as session:
        assert session.get(Contact, anna).name == "Анна Б"


def test_edit_undo_twice_then_redo_twice_walks_the_states_back_and_forth(db, base):
    """Edit → Undo / Redo as the window does it (last_of_run), over actions on one order."""
    shop = base["shop"]
    mark = history.last_entry_id(db)
    states = [snapshot(db)]
    for action in (_edit_order_lines, _cancel, _record_payment):
        action(db, base)
        states.append(snapshot(db))
    for expected in reversed(states[:-1]):
        undo_candidate, _ = history.last_of_run(db, mark)
        undoing.undo(db, undo_candidate.id)
        assert differences(expected, snapshot(db)) == {}
    assert history.last_of_run(db, mark)[0] is None
    for expected in states[1:]:
        _, redo_candidate = history.last_of_run(db, mark)
        undoing.undo(db, redo_candidate.id)
        assert differences(expected, snapshot(db)) == {}
    assert history.last_of_run(db, mark)[1] is None
    # a new action after an undo: the undone stays undone, no redo is offered
    undoing.undo(db, history.last_of_run(db, mark)[0].id)
    _task_done(db, base)
    assert history.last_of_run(db, mark)[1] is None
    assert get_order(db, shop.o1, TODAY).status == "Cancelled"


def test_undo_of_an_order_creation_after_a_task_on_it_is_refused(db, base):
    shop = base["shop"]
    mark = history.last_entry_id(db)
    order = save_order(
        db, OrderInput(shop.anna, "15.06.2026", lines=(LineInput(shop.product_b, 1),)), today=TODAY
    ).id
    (created,) = entries_after(db, mark)
    create_task(db, TaskInput("Упаковать", "16.06.2026", order_id=order))
    now = snapshot(db)
    with pytest.raises(undoing.UndoRefused) as refused:
        undoing.undo(db, created.id)
    assert refused.value.code in ("undo.dependents", "undo.conflict")
    assert differences(now, snapshot(db)) == {}


def _newest(db: Database, mark: int) -> int:
    (entry,) = entries_after(db, mark)
    return entry.id


def _refused(db: Database, entry_id: int) -> str:
    """The refusal's code; the database is unchanged by the attempt."""
    now = snapshot(db)
    with pytest.raises(undoing.UndoRefused) as refused:
        undoing.undo(db, entry_id)
    assert differences(now, snapshot(db)) == {}
    assert history.get_entry(db, entry_id).reverted_by is None
    return refused.value.code


def test_undo_of_a_record_later_ones_point_at_is_refused_naming_them(db, base):
    shop = base["shop"]
    mark = history.last_entry_id(db)
    product = create_product(db, ProductInput("Ремень", None, "1200", "700")).id
    created = _newest(db, mark)
    save_order(db, OrderInput(shop.anna, "15.06.2026", lines=(LineInput(product, 1),)), today=TODAY)
    assert _refused(db, created) == "undo.dependents"
    with pytest.raises(undoing.UndoRefused, match="Order line"):
        undoing.undo(db, created)


def test_undo_that_would_bring_back_a_name_taken_since_is_refused(db, base):
    mark = history.last_entry_id(db)
    _tag_deleted(db, base)
    deleted = _newest(db, mark)
    create_tag(db, "VIP")  # the same name, told apart without case
    assert _refused(db, deleted) == "undo.duplicate"


def test_undo_that_would_point_at_a_record_deleted_since_is_refused(db, base):
    mark = history.last_entry_id(db)
    delete_contact(db, base["person"])
    person_deleted = _newest(db, mark)
    delete_contact(db, base["firm"])  # the company the person worked for
    assert _refused(db, person_deleted) == "undo.gone"

    nina = create_contact(db, ContactInput("Нина")).id
    task = create_task(db, TaskInput("Перезвонить", "18.06.2026", contact_id=nina)).id
    mark = history.last_entry_id(db)
    delete_task(db, task)
    task_deleted = _newest(db, mark)
    delete_contact(db, nina)  # the task's contact (a foreign key)
    assert _refused(db, task_deleted) == "undo.gone"


def test_undo_twice_and_undo_of_a_missing_entry_are_refused(db, base):
    mark = history.last_entry_id(db)
    _expense(db, base)
    (entry,) = entries_after(db, mark)
    undoing.undo(db, entry.id)
    with pytest.raises(undoing.UndoRefused) as refused:
        undoing.undo(db, entry.id)
    assert refused.value.code == "undo.already"
    with pytest.raises(LavkaError):
        undoing.undo(db, 10**6)


# --- the log names the values ----------------------------------------------------------------
def test_the_log_names_old_and_new_values(db, base):
    shop = base["shop"]
    paid, completed = status_id(db, "paid"), status_id(db, "completed")
    mark = history.last_entry_id(db)
    change_status(db, shop.o3, completed, today=TODAY)
    (entry,) = entries_after(db, mark)
    changed = [
        row for row in history.entry_rows(db, entry.id) if (row.table, row.op) == ("orders", "u")
    ]
    assert len(changed) == 1 and changed[0].row_id == shop.o3
    assert changed[0].old["status_id"] == paid and changed[0].new["status_id"] == completed

    mark = history.last_entry_id(db)
    delete_contact(db, base["person"])
    (entry,) = entries_after(db, mark)
    deleted = [
        row for row in history.entry_rows(db, entry.id) if (row.table, row.op) == ("contacts", "d")
    ]
    assert len(deleted) == 1 and deleted[0].row_id == base["person"]
    assert deleted[0].old["name"] == "Ольга Ромашкина" and deleted[0].new == {}


def test_a_save_that_changes_nothing_leaves_no_entry(db, base):
    anna = base["shop"].anna
    mark = history.last_entry_id(db)
    update_contact(db, anna, ContactInput("Анна Соколова", "+7 903 111-22-33"))
    assert entries_after(db, mark) == []


# --- the Trash -------------------------------------------------------------------------------
def _named(db: Database, entry_id: int, code: str) -> bool:
    return history.get_entry(db, entry_id).code == code


def test_a_deleted_order_is_restored_under_a_new_id_when_its_id_was_taken(db, base):
    shop = base["shop"]
    # the newest order: SQLite gives its id to the next order once it is deleted
    newest = save_order(
        db,
        OrderInput(shop.anna, "15.06.2026", lines=(LineInput(shop.product_a, 2, "1100"),)),
        today=TODAY,
    ).id
    record_payment(db, newest, "700", "15.06.2026", today=TODAY)
    original = get_order(db, newest, TODAY)
    mark = history.last_entry_id(db)
    delete_order(db, newest)
    (deleted,) = entries_after(db, mark)
    if not _named(db, deleted.id, "order.deleted"):
        pytest.skip("delete_order is not named order.deleted yet (another helper names it)")
    taker = save_order(
        db, OrderInput(shop.igor1, "15.06.2026", lines=(LineInput(shop.product_b, 1),)), today=TODAY
    ).id
    assert taker == newest  # the id was reused
    listed = history.trash(db)
    assert [entry.id for entry in listed] == [deleted.id]

    restored = undoing.restore(db, deleted.id)
    assert restored.order_id not in (None, newest)
    back = get_order(db, restored.order_id, TODAY)
    assert (back.contact_id, back.date, back.figures.amount) == (
        original.contact_id,
        original.date,
        D("2200.00"),
    )
    assert back.figures.cost == original.figures.cost
    assert [(line.product_id, line.quantity, line.unit_price) for line in back.lines] == [
        (shop.product_a, 2, D("1100.00"))
    ]
    assert [p.amount for p in order_payments(db, restored.order_id)] == [D("700.00")]
    assert get_order(db, taker, TODAY).contact_id == shop.igor1  # the taker is untouched
    with db.session() as session:
        stored = session.get(Order, restored.order_id)
        assert (stored.amount, stored.paid) == (D("2200.00"), D("700.00"))
    assert history.trash(db) == []


def test_a_deleted_contact_comes_back_whole_under_a_new_id(db, base):
    """Its reminder (keyed by the contact's id), phones, e-mails and tags follow the new id."""
    gone = create_contact(
        db,
        ContactInput(
            "Зоя",
            phones=(PhoneEntry("+7 916 700-00-01", "work"), PhoneEntry("+7 916 700-00-02")),
            emails=(EmailEntry("zoya@example.com"),),
            new_tags=("опт",),
        ),
    ).id
    snooze(db, gone, "20.06.2026", TODAY)
    mark = history.last_entry_id(db)
    delete_contact(db, gone)
    (deleted,) = entries_after(db, mark)
    ids_as_sqlite_gives_them(db, "contacts")
    taker = create_contact(db, ContactInput("Яна", "+7 916 700-00-09")).id
    assert taker == gone
    restored = undoing.undo(db, deleted.id)
    assert restored.contact_id not in (None, gone)
    back = get_contact(db, restored.contact_id)
    assert back.name == "Зоя"
    assert [p.number for p in back.phones] == ["+79167000001", "+79167000002"]
    assert [e.address for e in back.emails] == ["zoya@example.com"]
    assert [t.name for t in back.tags] == ["опт"]
    with db.session() as session:
        reminder = session.get(ContactReminder, back.id)
        assert reminder is not None and reminder.snoozed_until == dt.date(2026, 6, 20)
        assert session.get(ContactReminder, taker) is None
    yana = get_contact(db, taker)
    assert yana.name == "Яна" and [p.number for p in yana.phones] == ["+79167000009"]
    assert yana.tags == ()
    # the next card takes an id of its own, past the one Зоя came back under
    later = create_contact(db, ContactInput("Ася")).id
    assert later not in (taker, restored.contact_id)
    # undoing the restore deletes Зоя again and leaves Яна as she was
    yana_rows = snapshot(db)["contacts"]
    undoing.undo(db, restored.id)
    assert [row for row in snapshot(db)["contacts"] if row[0] == taker] == [
        row for row in yana_rows if row[0] == taker
    ]
    assert history.get_entry(db, deleted.id).reverted_by is not None


def test_a_deleted_order_comes_back_with_its_follow_up_under_a_new_id(db, base):
    shop = base["shop"]
    newest = save_order(
        db, OrderInput(shop.anna, "14.06.2026", status_id(db, "completed"),
                       lines=(LineInput(shop.product_b, 1),)), today=TODAY
    ).id  # fmt: skip
    resolve_follow_up(db, newest, "done", TODAY, "доволен")
    mark = history.last_entry_id(db)
    delete_order(db, newest)
    (deleted,) = entries_after(db, mark)
    taker = save_order(
        db, OrderInput(shop.igor1, "15.06.2026", lines=(LineInput(shop.product_b, 1),)), today=TODAY
    ).id
    assert taker == newest
    restored = undoing.undo(db, deleted.id)
    assert restored.order_id not in (None, newest)
    with db.session() as session:
        follow_up = session.get(FollowUp, restored.order_id)
        assert follow_up is not None and follow_up.state == "done"
        assert session.get(FollowUp, taker) is None
        note = session.scalar(select(ContactNote).where(ContactNote.text == "доволен"))
        assert note.order_id == restored.order_id


def test_the_trash_is_emptied_after_thirty_days_and_compaction_keeps_names(db, base):
    history.set_keep_months(db, 12)  # the Trash's 30 days first, without packing months
    mark = history.last_entry_id(db)
    delete_contact(db, base["person"])
    (deleted,) = entries_after(db, mark)
    if not _named(db, deleted.id, "contact.deleted"):
        pytest.skip("delete_contact is not named contact.deleted yet")
    _expense(db, base)
    (expense,) = entries_after(db, deleted.id)
    now = dt.datetime.now()
    assert [entry.id for entry in history.trash(db, now)] == [deleted.id]

    tidied = history.tidy(db, now=now + dt.timedelta(days=31))
    assert tidied.purged == 1
    assert history.trash(db, now + dt.timedelta(days=31)) == []
    gone = history.get_entry(db, deleted.id)
    assert gone.compacted and gone.rows > 0 and gone.code == "contact.deleted"
    assert history.entry_rows(db, deleted.id) == []
    with pytest.raises(undoing.UndoRefused) as refused:
        undoing.undo(db, deleted.id)
    assert refused.value.code == "undo.compacted"
    assert not history.get_entry(db, expense.id).compacted  # not a deletion: kept 12 months

    everything = history.HistoryFilter()
    listed = [(e.id, e.name()) for e in history.history_page(db, everything, 0, 10_000)]
    count = history.history_count(db, everything)
    person = history.HistoryFilter(contact_id=base["person"])
    about_person = [e.id for e in history.history_page(db, person)]
    assert deleted.id in about_person

    history.set_keep_months(db, 1)
    tidied = history.tidy(db, now=now + dt.timedelta(days=70))
    assert tidied.compacted > 0 and history.get_entry(db, expense.id).compacted
    undo_candidate, _ = history.last_of_run(db, mark)
    assert undo_candidate is None  # compacted entries are not offered for undo
    # packed a month to a row: gone from `changes`, listed as before, names and all
    with db.engine.connect() as connection:
        left = connection.execute(
            text("SELECT count(*) FROM changes WHERE id = :id"), {"id": expense.id}
        )
        assert left.scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM change_months")).scalar() >= 1
    assert [(e.id, e.name()) for e in history.history_page(db, everything, 0, 10_000)] == listed
    assert history.history_count(db, everything) == count
    assert [e.id for e in history.history_page(db, person)] == about_person
    paged = history.history_page(db, everything, 2, 3)  # a page inside the packed months
    assert [e.id for e in paged] == [entry_id for entry_id, _ in listed[2:5]]
    with pytest.raises(undoing.UndoRefused) as refused:
        undoing.undo(db, expense.id)
    assert refused.value.code == "undo.compacted"


def test_keep_months_zero_keeps_every_entry(db, base):
    mark = history.last_entry_id(db)
    _expense(db, base)
    (expense,) = entries_after(db, mark)
    history.set_keep_months(db, 0)
    assert history.keep_months(db) == 0
    history.tidy(db, now=dt.datetime.now() + dt.timedelta(days=3650))
    assert not history.get_entry(db, expense.id).compacted
    with pytest.raises(LavkaError):
        history.set_keep_months(db, 121)


# --- every column is logged or derived -------------------------------------------------------
def test_logged_and_derived_columns_cover_every_column_of_each_logged_table():
    for name, spec in LOGGED_TABLES.items():
        table = Base.metadata.tables[name]
        every = {c.name for c in table.columns} - {"id"}  # the row id is the log's own
        covered = set(spec.columns) | set(DERIVED_COLUMNS.get(name, ()))
        assert every == covered, (name, every - covered, covered - every)
        assert not set(spec.columns) & set(DERIVED_COLUMNS.get(name, ()))
    assert len({spec.code for spec in LOGGED_TABLES.values()}) == len(LOGGED_TABLES)


def test_a_logged_row_is_named_by_its_key():
    """SQLite names a row by its rowid (its key's alias); PostgreSQL by the key itself, or by
    contact_tags' own rowid column where the key is a pair (models/history.py ROW_KEYS)."""
    for name in LOGGED_TABLES:
        primary = [column.name for column in Base.metadata.tables[name].primary_key.columns]
        assert row_key(name, "postgresql") == (primary[0] if len(primary) == 1 else "rowid")
        assert row_key(name, "sqlite") == "rowid"


def test_every_table_is_logged_derived_or_the_logs_own():
    """A new table is either logged (its rows come back with undo) or declared derived (kept by
    its own triggers or recomputations, undo or not): never silently neither."""
    own = {"changes", "change_rows", "change_months", "change_open"}
    every = set(Base.metadata.tables)
    assert not set(LOGGED_TABLES) & set(DERIVED_TABLES)
    assert set(DERIVED_TABLES) <= every
    # the business settings (services/choices.py put_setting) are kept out of the history
    assert every - set(LOGGED_TABLES) - set(DERIVED_TABLES) - own == {"settings"}


def test_every_logged_table_has_its_three_triggers_in_a_new_database(db):
    triggers = enabled_triggers(db)
    for name in LOGGED_TABLES:
        for op in ("insert", "update", "delete"):
            assert f"trg_log_{name}_{op}" in triggers
