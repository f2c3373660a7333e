"""The Contacts section's company card, further phones and e-mails, deleting a card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from services.contacts import ContactInput, create_contact, find_by_phone, get_contact
from services.merge import merge_contacts
from tests.conftest import TODAY, buy
from ui.contacts.view import ContactsView
from ui.formatting import Formatter
from ui.merge import DuplicatesDialog, MergeDialog
from ui.widgets.confirm import Confirm

FMT = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


@pytest.fixture
def view(qtbot, db) -> ContactsView:
    view = ContactsView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    return view


def test_a_company_card_with_its_people(qtbot, db, view):
    view.new_company()
    assert view.people_tab.isVisibleTo(view) is False  # no people before it is saved
    view.name.setText("Магазин «Кожа и стиль»")
    view.legal_name.setText("ООО «Кожа и стиль»")
    view.tax_id.setText("7707083893")
    view.phone.setText("8 495 123-45-67")
    assert view.save()
    company = view.current_contact_id()
    assert get_contact(db, company).tax_id == "7707083893"
    assert view.name_caption.text() == "Company:" and not view.company_row.isVisibleTo(view)
    assert view.tabs.isTabVisible(view.tabs.indexOf(view.people_tab))

    view.add_person_button.click()  # a person's card at this company
    assert view.current_contact_id() is None and view.company_row.isVisibleTo(view)
    assert view.company.currentData() == company
    view.name.setText("Пётр Закупкин")
    view.job_title.setText("закупщик")
    view.phone.setText("8 916 100-00-02")
    assert view.save()
    person = get_contact(db, view.current_contact_id())
    assert (person.company_id, person.job_title) == (company, "закупщик")

    view.select_contact(company)
    assert view.people_model.rowCount() == 1
    assert view.people_model.index(0, 0).data() == "Пётр Закупкин"
    assert view.people_model.index(0, 2).data() == "+7 916 100-00-02"
    view.people_view.doubleClicked.emit(view.people_model.index(0, 0))
    assert view.current_contact_id() == person.id


def test_a_wrong_inn_is_said_under_its_field_and_nothing_saved(db, view):
    view.new_company()
    view.name.setText("ООО Ромашка")
    view.tax_id.setText("7707083894")
    assert not view.save()
    assert "check digit" in view.errors["tax_id"].text()
    assert view.errors["tax_id"].isVisibleTo(view)
    assert view.current_contact_id() is None


def test_further_phones_and_emails_are_saved_and_shown_again(db, view):
    view.name.setText("Анна")
    view.phone.setText("8 916 123-45-67")
    view.phones.label_box(0).setCurrentIndex(view.phones.label_box(0).findData("mobile"))
    view.phones.add_button.click()
    view.phones.edit(1).setText("8 903 111-22-33")
    view.phones.label_box(1).setCurrentIndex(view.phones.label_box(1).findData("telegram"))
    view.email.setText("anna@mail.ru")
    view.emails.add_button.click()
    view.emails.edit(1).setText("anna@work.ru")
    assert view.save()
    anna = view.current_contact_id()
    assert find_by_phone(db, "+79031112233").id == anna
    view.new_contact()
    assert view.phones.count() == 1 and view.phone.text() == ""
    view.select_contact(anna)
    assert view.phones.count() == 2 and view.phones.edit(1).text() == "+7 903 111-22-33"
    assert view.phones.label_box(1).currentData() == "telegram"
    assert view.emails.count() == 2 and view.emails.edit(1).text() == "anna@work.ru"
    # a further phone another contact has: refused, said with the phones, nothing saved
    other = create_contact(db, ContactInput("Борис", "+7 999 000-11-22")).id
    view.phones.edit(1).setText("+7 999 000-11-22")
    assert not view.save()
    assert "Борис" in view.errors["phone"].text()
    assert find_by_phone(db, "+79990001122").id == other


def test_delete_a_card_asks_and_refuses_one_with_orders(db, wallet, view, monkeypatch):
    asked = []
    monkeypatch.setattr(Confirm, "ask", lambda _p, _t, text: asked.append(text) or True)
    buyer = create_contact(db, ContactInput("Покупатель", "+7 916 000-00-01")).id
    buy(db, buyer, wallet, TODAY)
    view.select_contact(buyer)
    assert not view.delete_contact()
    assert "archive" in view.general_error.text()
    lead = create_contact(db, ContactInput("Просто спросил", "+7 916 000-00-02")).id
    view.apply_search()
    view.select_contact(lead)
    assert view.delete_contact()
    assert "Просто спросил" in asked[-1]
    assert find_by_phone(db, "+79160000002") is None
    assert view.current_contact_id() is None


def test_two_chosen_in_the_list_enable_merge(db, view):
    for name, phone in (("Анна", "+7 916 000-00-01"), ("Анна К.", "+7 916 000-00-02")):
        create_contact(db, ContactInput(name, phone))
    view.apply_search()
    assert not view.merge_action.isEnabled()
    view.list_view.selectAll()
    assert view.merge_action.isEnabled()
    assert len(view.chosen_contacts()) == 2


def test_merge_the_two_chosen_shows_the_kept_card(db, view, monkeypatch):
    anna = create_contact(db, ContactInput("Анна", "+7 916 000-00-01")).id
    twin = create_contact(db, ContactInput("Анна К.", "+7 916 000-00-02")).id
    view.apply_search()
    view.list_view.selectAll()
    asked = []

    def merge(_db, _fmt, first, second, _parent):
        asked.append((first, second))
        merge_contacts(db, anna, twin, {})
        return anna

    monkeypatch.setattr(MergeDialog, "ask", merge)
    view.merge_action.trigger()
    assert sorted(asked[0]) == sorted([anna, twin])
    assert view.current_contact_id() == anna
    assert [view.list_model.contact_id(r) for r in range(view.list_model.rowCount())] == [anna]
    assert [p.number for p in get_contact(db, anna).phones] == ["+79160000001", "+79160000002"]


def test_a_merge_from_the_duplicates_list_leaves_no_card_of_the_removed(db, view, monkeypatch):
    anna = create_contact(db, ContactInput("Анна", "+7 916 000-00-01")).id
    twin = create_contact(db, ContactInput("Анна", "+7 916 000-00-02")).id
    view.apply_search()
    view.select_contact(twin)

    def review(_db, _fmt, _parent):
        merge_contacts(db, anna, twin, {})
        return True

    monkeypatch.setattr(DuplicatesDialog, "ask", review)
    assert view.review_duplicates()
    assert view.current_contact_id() is None  # the card shown was merged away
    assert view.list_model.rowCount() == 1


def test_a_company_typed_that_is_none_is_said_and_nothing_saved(db, view):
    create_contact(db, ContactInput("Кожа и стиль", kind="company"))
    view.new_contact()
    view.name.setText("Пётр")
    view.company.setEditText("Кожа")  # not picked from the list
    assert not view.save()
    assert "Кожа" in view.errors["company"].text() and view.current_contact_id() is None
    view.company.setEditText("кожа и стиль")  # the whole name, in any case
    assert view.save()
    assert get_contact(db, view.current_contact_id()).company == "Кожа и стиль"
