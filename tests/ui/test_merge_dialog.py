"""The merge dialog end to end, and the possible-duplicates list that opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from sqlalchemy import select

from models import Contact, ContactPhone, Order
from services.contacts import ContactInput, create_contact
from services.merge import MergeCounts
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from tests.conftest import TODAY, status_id
from ui.formatting import Formatter
from ui.merge import DuplicatesDialog, MergeDialog
from ui.merge.models import DuplicatesModel


@pytest.fixture
def formatter() -> Formatter:
    return Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture
def two(db) -> tuple[int, int]:
    """Igor with one order and Igor P. with two (kept by default: more orders)."""
    wallet = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    igor = create_contact(
        db, ContactInput("Игорь", "+7 916 123-45-67", address="г. Тверь", notes="Опт")
    ).id
    petrov = create_contact(
        db, ContactInput("Игорь Петров", "+7 916 123-45-76", address="г. Тверь")
    ).id
    done = status_id(db, "completed")
    for contact, day in ((igor, "01.06.2026"), (petrov, "02.06.2026"), (petrov, "03.06.2026")):
        save_order(db, OrderInput(contact, day, done, lines=(LineInput(wallet, 1),)), today=TODAY)
    return igor, petrov


def test_merge_dialog_end_to_end(qtbot, db, formatter, two):
    igor, petrov = two
    dialog = MergeDialog(db, formatter, igor, petrov)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Merge contacts"
    # the card with more orders is kept at first; the other is said to go
    assert dialog.kept_id() == petrov
    assert "“Игорь” will be removed" in dialog.warning.text()
    assert dialog.summary.text() == "Moves to the kept card: 1 order(s), 1 phone(s)."
    # the address is the same on both: shown once, nothing to choose
    assert "address" not in dialog.choice_buttons
    assert set(dialog.choice_buttons) == {"name", "phone", "notes"}
    name_igor, name_petrov = dialog.choice_buttons["name"]
    assert name_petrov.isChecked()  # the kept card's by default
    assert dialog.choice_buttons["notes"][0].isChecked()  # the kept card has none: Igor's

    # keep Igor's card instead, with Petrov's name and Petrov's phone
    dialog.keep_buttons[0].click()
    assert dialog.kept_id() == igor
    assert "“Игорь Петров” will be removed" in dialog.warning.text()
    assert dialog.summary.text() == "Moves to the kept card: 2 order(s), 1 phone(s)."
    assert name_igor.isChecked()  # the defaults follow the kept card
    name_petrov.click()
    dialog.choice_buttons["phone"][1].click()
    assert dialog.choices() == {"name": "other", "phone": "other", "notes": "keep"}
    dialog.merge_button.click()

    assert dialog.result() == MergeDialog.DialogCode.Accepted
    assert dialog.merged.kept_id == igor
    with db.session() as session:
        assert session.get(Contact, petrov) is None
        kept = session.get(Contact, igor)
        assert (kept.name, kept.phone, kept.notes) == ("Игорь Петров", "+79161234576", "Опт")
        further = session.scalars(
            select(ContactPhone.phone).where(ContactPhone.contact_id == igor)
        ).all()
        assert further == ["+79161234567"]
        owners = set(session.scalars(select(Order.contact_id)))
        assert owners == {igor}


def test_a_refused_merge_is_said_in_the_dialog(qtbot, db, formatter, two):
    igor, _petrov = two
    shop = create_contact(db, ContactInput("Кожа и стиль")).id
    with db.session() as session:
        session.get(Contact, shop).kind = "company"
        session.commit()
    dialog = MergeDialog(db, formatter, igor, shop)
    qtbot.addWidget(dialog)
    assert not dialog.merge_button.isEnabled()
    assert "A person and a company cannot be merged" in dialog.error.text()
    itself = MergeDialog(db, formatter, igor, igor)
    qtbot.addWidget(itself)
    assert "cannot be merged with itself" in itself.error.text()


def test_a_merge_failing_on_save_stays_open_with_the_reason(qtbot, db, formatter, two):
    igor, _petrov = two
    again = create_contact(db, ContactInput("Игорь")).id
    dialog = MergeDialog(db, formatter, igor, again)
    qtbot.addWidget(dialog)
    assert dialog.kept_id() == igor
    with db.session() as session:  # removed meanwhile (in another window, say)
        session.delete(session.get(Contact, again))
        session.commit()
    dialog.merge_button.click()
    assert dialog.result() != MergeDialog.DialogCode.Accepted
    assert dialog.error.text() == f"Contact #{again} does not exist (any more)."
    with db.session() as session:
        assert len(session.scalars(select(Order).where(Order.contact_id == igor)).all()) == 1


def test_moves_said_with_plural_forms(qtbot, db, formatter, two):
    dialog = MergeDialog(db, formatter, *two)
    qtbot.addWidget(dialog)
    said = dialog.moves_text(MergeCounts(orders=12, tasks=3, payments=2, phones=1, people=2))
    # English says the plural forms as written (there is no English catalogue)
    assert said == (
        "Moves to the kept card: 12 order(s), 2 payment(s), 3 task(s), 1 phone(s),"
        " 2 contact person(s)."
    )
    assert dialog.moves_text(MergeCounts()) == "Nothing else moves to the kept card."


def test_possible_duplicates_list(qtbot, db, formatter, two, qtmodeltester, monkeypatch):
    igor, petrov = two
    anna = create_contact(db, ContactInput("Анна", "+7 903 111-22-33", email="a@mail.ru")).id
    anya = create_contact(db, ContactInput("Аня", email="A@Mail.ru")).id
    dialog = DuplicatesDialog(db, formatter)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    rows = {model.pair(row).ids: row for row in range(model.rowCount())}
    assert set(rows) == {(igor, petrov), (anna, anya)}
    why = model.index(rows[(igor, petrov)], DuplicatesModel.WHY).data()
    assert why == "Phones with two digits swapped"  # the main phones: in their own columns
    tip = model.index(rows[(igor, petrov)], DuplicatesModel.WHY).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Phones with two digits swapped (+7 916 123-45-67 and +7 916 123-45-76)"
    assert model.index(rows[(anna, anya)], DuplicatesModel.WHY).data() == "Same e-mail (a@mail.ru)"
    assert model.index(rows[(igor, petrov)], DuplicatesModel.SECOND).data() == "Игорь Петров"
    tip = model.index(rows[(igor, petrov)], DuplicatesModel.FIRST).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 order(s)" in tip and "г. Тверь" in tip

    # "Not duplicates" hides the pair for good
    dialog.table.selectRow(rows[(anna, anya)])
    dialog.dismiss_button.click()
    assert [model.pair(r).ids for r in range(model.rowCount())] == [(igor, petrov)]
    again = DuplicatesDialog(db, formatter)
    qtbot.addWidget(again)
    assert [again.model.pair(r).ids for r in range(again.model.rowCount())] == [(igor, petrov)]

    # "Merge…" opens the merge dialog for the chosen pair, then lists what is left
    asked = []

    def merged(database, fmt, first, second, parent):
        asked.append((first, second))
        with database.session() as session:
            session.get(Contact, second).archived = True  # as good as gone for the list
            session.commit()
        return first

    monkeypatch.setattr(MergeDialog, "ask", merged)
    dialog.table.selectRow(0)
    dialog.merge_button.click()
    assert asked == [(igor, petrov)]
    assert dialog.merges == 1 and model.rowCount() == 0
    assert dialog.empty.isVisibleTo(dialog) and not dialog.table.isVisibleTo(dialog)
    assert not dialog.merge_button.isEnabled()
