"""Edit conflicts in the window: an order or a card changed through another connection to the
same file while open here; Save shows both versions and asks (issue #21)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from services.contacts import ContactInput, get_contact, update_contact
from services.orders import LineInput, get_order, save_order
from services.storage import Database
from tests.conftest import TODAY, status_id
from tests.test_edit_conflicts import card, edited
from ui.contacts.view import ContactsView
from ui.formatting import Formatter
from ui.orders.editor import OrderEditor
from ui.widgets.conflict import CHANGED, KEEP_MINE, TAKE_THEIRS, ConflictDialog, ConflictRow

RU = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


@pytest.fixture
def other(db):
    """Someone else's Lavka on the same file: a second Database, its own connections."""
    database = Database.open(db.path)
    yield database
    database.close()


def answered(press: str | None, seen: list[ConflictDialog]) -> None:
    """Answer the conflict dialog once it shows: click `press` ("keep_button",
    "theirs_button", "cancel_button"), or None for the Esc key. The dialog is kept in `seen`."""

    def answer() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConflictDialog)]
        dialog = next(w for w in shown if w.isVisible())
        seen.append(dialog)
        if press is None:
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            getattr(dialog, press).click()

    QTimer.singleShot(0, answer)


def rows_of(dialog: ConflictDialog) -> dict[str, tuple[str, str, bool]]:
    """Field → (saved by someone else, yours, marked as changed), as the table shows them."""
    table = dialog.table
    found = {}
    for row in range(table.rowCount()):
        cells = [table.item(row, column) for column in range(3)]
        marked = cells[0].background().color() == CHANGED
        found[cells[0].text()] = (cells[1].text(), cells[2].text(), marked)
    return found


# --- the dialog --------------------------------------------------------------------------------
def test_the_dialog_marks_what_differs_and_esc_is_cancel(qtbot):
    rows = [ConflictRow("Comment", "A", "B"), ConflictRow("Date", "01.06.2026", "01.06.2026")]
    dialog = ConflictDialog("order", "No. 12", rows)
    qtbot.addWidget(dialog)
    assert dialog.intro.text().startswith("Order No. 12 was saved by someone else")
    assert dialog.changed_fields() == ["Comment"]
    assert rows_of(dialog) == {
        "Comment": ("A", "B", True),
        "Date": ("01.06.2026", "01.06.2026", False),
    }
    labels = [b.text() for b in (dialog.keep_button, dialog.theirs_button, dialog.cancel_button)]
    assert labels == ["Keep mine", "Take theirs", "Cancel"]
    dialog.show()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.choice is None

    for button, choice in (("keep_button", KEEP_MINE), ("theirs_button", TAKE_THEIRS)):
        again = ConflictDialog("contact", "Анна", rows)
        qtbot.addWidget(again)
        again.show()
        getattr(again, button).click()
        assert again.choice == choice


# --- the order editor --------------------------------------------------------------------------
def editor_on(qtbot, db, order_id: int) -> OrderEditor:
    editor = OrderEditor(db, RU, order_id=order_id, today=TODAY)
    qtbot.addWidget(editor)
    return editor


def meanwhile_saved(other: Database, order_id: int) -> None:
    """Someone else, after the editor opened: a comment, the order Completed → Shipped, and the
    first line 4 × 1000 instead of 3 (O1: 4000 + 2 × 250.50 = 4501.00)."""
    opened = get_order(other, order_id, TODAY)
    first, second = opened.lines
    lines = (
        LineInput(first.product_id, 4, first.unit_price, first.unit_cost, first.date, first.id),
        LineInput(
            second.product_id, 2, second.unit_price, second.unit_cost, second.date, second.id
        ),
    )
    shipped = status_id(other, "shipped")
    data = edited(opened, comment="Их: доставка в пятницу", status_id=shipped, lines=lines)
    assert save_order(other, data, order_id, TODAY).version == 2


def test_the_editor_shows_both_versions_and_take_theirs_reloads_it(qtbot, db, other, shop):
    editor = editor_on(qtbot, db, shop.o1)
    editor.comment.setPlainText("Мой: позвонить до обеда")
    meanwhile_saved(other, shop.o1)

    seen: list[ConflictDialog] = []
    answered("theirs_button", seen)
    editor.save_button.click()

    (dialog,) = seen
    assert dialog.intro.text().startswith("Order No. 1 was saved by someone else")
    rows = rows_of(dialog)
    assert rows["Comment"] == ("Их: доставка в пятницу", "Мой: позвонить до обеда", True)
    assert rows["Status"] == ("Shipped", "Completed", True)
    assert rows["Lines"] == (
        f"lines: 2, {RU.money(D('4501.00'))}",
        f"lines: 2, {RU.money(D('3501.00'))}",
        True,
    )
    assert rows["Date"] == ("01.06.2026", "01.06.2026", False)
    assert rows["Contact"] == ("Игорь, +7 916 123-45-67",) * 2 + (False,)
    # nothing saved; the editor stays, showing the saved order, with nothing unsaved
    assert editor.result() != QDialog.DialogCode.Accepted
    assert get_order(db, shop.o1, TODAY).comment == "Их: доставка в пятницу"
    assert editor.comment.toPlainText() == "Их: доставка в пятницу"
    assert editor.status.currentData() == status_id(db, "shipped")
    assert editor.total_labels["amount"].text() == RU.money(D("4501.00"))
    assert not editor.is_dirty()

    editor.comment.setPlainText("Мой, поверх их")  # now from version 2: saved
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()
    assert seen == [dialog]  # asked once only
    view = get_order(db, shop.o1, TODAY)
    assert (view.comment, view.status_id, view.version) == (
        "Мой, поверх их",
        status_id(db, "shipped"),
        3,
    )


def test_keep_mine_saves_the_editors_order_over_theirs(qtbot, db, other, shop):
    editor = editor_on(qtbot, db, shop.o1)
    editor.comment.setPlainText("Мой")
    meanwhile_saved(other, shop.o1)
    seen: list[ConflictDialog] = []
    answered("keep_button", seen)
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()
    assert len(seen) == 1 and editor.result() == QDialog.DialogCode.Accepted
    view = get_order(db, shop.o1, TODAY)
    # all of mine: the comment, Completed, 3 × 1000 again
    assert (view.comment, view.status_id, view.figures.amount, view.version) == (
        "Мой",
        status_id(db, "completed"),
        D("3501.00"),
        3,
    )


@pytest.mark.parametrize("press", ["cancel_button", None])
def test_cancel_or_esc_goes_back_to_editing_with_nothing_saved(qtbot, db, other, shop, press):
    editor = editor_on(qtbot, db, shop.o1)
    editor.comment.setPlainText("Мой")
    meanwhile_saved(other, shop.o1)
    seen: list[ConflictDialog] = []
    answered(press, seen)
    editor.save_button.click()
    assert len(seen) == 1 and seen[0].choice is None
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.comment.toPlainText() == "Мой" and editor.is_dirty()
    assert editor.errors["general"].isVisibleTo(editor)
    assert get_order(db, shop.o1, TODAY).comment == "Их: доставка в пятницу"


# --- the contact card --------------------------------------------------------------------------
def card_on(qtbot, db, contact_id: int) -> ContactsView:
    view = ContactsView(db, RU, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.select_contact(contact_id)
    return view


def someone_else_changes(other: Database, contact_id: int) -> None:
    """Notes, an address and payment terms of 14 days, saved through the other connection."""
    opened = get_contact(other, contact_id)
    changed = card(opened, notes="Их: берёт оптом", address="Тверь", payment_terms_days=14)
    assert update_contact(other, contact_id, changed).version == 2


def saved_card(view: ContactsView, press: str, seen: list[ConflictDialog]) -> bool:
    """Save the card, answering the conflict dialog with `press`."""
    answered(press, seen)
    return view.save()


def test_the_card_shows_both_versions_and_take_theirs_shows_the_saved_card(qtbot, db, other, shop):
    view = card_on(qtbot, db, shop.anna)
    view.notes.setPlainText("Мой: звонить вечером")
    someone_else_changes(other, shop.anna)
    seen: list[ConflictDialog] = []
    assert saved_card(view, "theirs_button", seen) is False

    (dialog,) = seen
    assert dialog.intro.text().startswith("The card “Анна Соколова” was saved by someone else")
    rows = rows_of(dialog)
    assert rows["Notes"] == ("Их: берёт оптом", "Мой: звонить вечером", True)
    assert rows["Address"] == ("Тверь", "—", True)
    assert rows["Payment terms, days"] == ("14", "0", True)
    assert rows["Phones"] == ("+7 903 111-22-33", "+7 903 111-22-33", False)
    assert rows["Name"] == ("Анна Соколова", "Анна Соколова", False)
    assert view.notes.toPlainText() == "Их: берёт оптом"
    assert view.terms.value() == 14
    assert get_contact(db, shop.anna).notes == "Их: берёт оптом"

    view.notes.setPlainText("Мой, поверх их")  # from version 2 now: saved
    assert view.save() is True
    assert len(seen) == 1
    contact = get_contact(db, shop.anna)
    assert (contact.notes, contact.address, contact.version) == ("Мой, поверх их", "Тверь", 3)


def test_keep_mine_saves_the_card_over_theirs(qtbot, db, other, shop):
    view = card_on(qtbot, db, shop.anna)
    view.notes.setPlainText("Мой")
    someone_else_changes(other, shop.anna)
    seen: list[ConflictDialog] = []
    assert saved_card(view, "keep_button", seen) is True
    contact = get_contact(db, shop.anna)
    assert (contact.notes, contact.address, contact.payment_terms_days) == ("Мой", None, 0)
    assert contact.version == 3
    view.notes.setPlainText("Ещё раз")  # the card goes on from the version it saved
    assert view.save() is True and len(seen) == 1


def test_cancel_leaves_the_card_as_typed_and_nothing_saved(qtbot, db, other, shop):
    view = card_on(qtbot, db, shop.anna)
    view.notes.setPlainText("Мой")
    someone_else_changes(other, shop.anna)
    seen: list[ConflictDialog] = []
    assert saved_card(view, "cancel_button", seen) is False
    assert view.notes.toPlainText() == "Мой"
    assert view.general_error.isVisibleTo(view)
    assert get_contact(db, shop.anna).notes == "Их: берёт оптом"


def test_a_new_card_saved_then_edited_elsewhere_conflicts(qtbot, db, other):
    view = ContactsView(db, RU, today=TODAY)
    qtbot.addWidget(view)
    view.name.setText("Борис")
    assert view.save() is True
    boris = view.current_contact_id()
    assert boris is not None
    update_contact(other, boris, ContactInput("Борис Петров"))  # no version: not checked
    view.notes.setPlainText("Новый клиент")
    seen: list[ConflictDialog] = []
    assert saved_card(view, "cancel_button", seen) is False
    assert rows_of(seen[0])["Name"] == ("Борис Петров", "Борис", True)
