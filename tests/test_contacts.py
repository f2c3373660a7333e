"""Contact cards: validation, the phone as identity, search as you type."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from models import Contact
from services.contacts import (
    ContactInput,
    create_contact,
    find_by_phone,
    search_contacts,
    set_archived,
    update_contact,
)
from services.errors import DuplicatePhone, ValidationError


def count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Contact))


def test_contact_is_stored_trimmed_with_e164_phone(db):
    contact = create_contact(db, ContactInput("  Игорь Петров ", "8 (916) 123-45-67"))
    assert contact.name == "Игорь Петров"
    assert contact.phone == "+79161234567"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ContactInput("", "+79161234567"), "name"),
        (ContactInput("   "), "name"),
        (ContactInput("x" * 201), "name"),
        (ContactInput("Игорь", "8 (000) 123-45-67"), "phone"),
        (ContactInput("Игорь", "+7 916 123"), "phone"),
        (ContactInput("Игорь", "abc"), "phone"),
        (ContactInput("Игорь", email="igor@"), "email"),
        (ContactInput("Игорь", channel_id=999), "channel"),
    ],
)
def test_bad_contact_input_is_refused_and_nothing_written(db, data, field):
    with pytest.raises(ValidationError) as caught:
        create_contact(db, data)
    assert field in caught.value.fields()
    assert count(db) == 0


def test_all_problems_are_reported_at_once(db):
    with pytest.raises(ValidationError) as caught:
        create_contact(db, ContactInput("", "abc", email="nope"))
    assert caught.value.fields() == {"name", "phone", "email"}


def test_second_contact_with_same_phone_is_refused_naming_the_first(db):
    first = create_contact(db, ContactInput("Игорь", "+7 916 123-45-67"))
    with pytest.raises(DuplicatePhone) as caught:
        create_contact(db, ContactInput("Igor", "89161234567"))
    assert caught.value.existing_id == first.id
    assert "'Игорь'" in str(caught.value)
    assert "+7 916 123-45-67" in str(caught.value)  # shown as people read it
    assert count(db) == 1


def test_same_name_different_phones_are_two_contacts(db):
    create_contact(db, ContactInput("Игорь", "+79161234567"))
    create_contact(db, ContactInput("Игорь", "+79161234568"))
    create_contact(db, ContactInput("Игорь"))  # no phone at all is allowed, and not unique
    create_contact(db, ContactInput("Игорь"))
    assert count(db) == 4


def test_update_keeps_own_phone_and_refuses_anothers(db):
    igor = create_contact(db, ContactInput("Игорь", "+79161234567"))
    anna = create_contact(db, ContactInput("Анна", "+79031112233"))
    updated = update_contact(db, igor.id, ContactInput("Игорь П.", "8 916 123 45 67", "i@x.ru"))
    assert (updated.name, updated.phone, updated.email) == ("Игорь П.", "+79161234567", "i@x.ru")
    with pytest.raises(DuplicatePhone):
        update_contact(db, anna.id, ContactInput("Анна", "+79161234567"))
    assert find_by_phone(db, "+7 903 111-22-33").name == "Анна"


@pytest.mark.parametrize("typed", ["89161234567", "8916", "+7 916 123", "4567", "игорь", "ИГО"])
def test_search_finds_by_name_or_any_form_of_phone(db, typed):
    create_contact(db, ContactInput("Игорь", "+7 916 123-45-67"))
    create_contact(db, ContactInput("Анна", "+7 903 111-22-33"))
    assert [c.name for c in search_contacts(db, typed)] == ["Игорь"]


@pytest.mark.parametrize("typed", ["8005", "80-05", "123-80-05", "8 916 123 80 05"])
def test_digits_starting_with_8_inside_a_number_are_found(db, typed):
    create_contact(db, ContactInput("Пётр", "+7 916 123-80-05"))
    create_contact(db, ContactInput("Анна", "+7 903 111-22-33"))
    assert [c.name for c in search_contacts(db, typed)] == ["Пётр"]


def test_national_8_matches_only_the_start_of_a_number(db):
    create_contact(db, ContactInput("Пётр", "+7 916 123-80-05"))
    create_contact(db, ContactInput("Анна", "+7 903 791-61-11"))  # has 7916 inside, not at start
    assert [c.name for c in search_contacts(db, "8916")] == ["Пётр"]


def test_search_ignores_yo_and_hides_archived(db):
    fyodor = create_contact(db, ContactInput("Фёдор", "+79161234567"))
    assert [c.name for c in search_contacts(db, "федор")] == ["Фёдор"]
    set_archived(db, fyodor.id)
    assert search_contacts(db, "федор") == []
    assert len(search_contacts(db, "федор", include_archived=True)) == 1


def test_search_treats_like_wildcards_as_text(db):
    create_contact(db, ContactInput("Игорь"))
    assert search_contacts(db, "%") == []
    assert search_contacts(db, "_") == []


def test_invisible_name_is_refused(db):
    with pytest.raises(ValidationError, match="Name is required"):
        create_contact(db, ContactInput("\u200b \u00a0"))


@pytest.mark.parametrize("typed", ["8 (000) 123-45-67", "+7 916 123", "abc"])
def test_phone_errors_quote_what_was_typed(db, typed):
    with pytest.raises(ValidationError, match=re.escape(f"'{typed}'")):
        create_contact(db, ContactInput("Игорь", typed))


def test_payment_terms_are_saved_with_the_contact_in_the_same_save(db):
    created = create_contact(db, ContactInput("Игорь", payment_terms_days="14"))
    assert created.payment_terms_days == 14
    updated = update_contact(db, created.id, ContactInput("Игорь П.", payment_terms_days=30))
    assert (updated.name, updated.payment_terms_days) == ("Игорь П.", 30)
    kept = update_contact(db, created.id, ContactInput("Игорь Петров"))  # terms not given
    assert kept.payment_terms_days == 30
    assert create_contact(db, ContactInput("Анна")).payment_terms_days == 0


@pytest.mark.parametrize("terms", ["-1", "366", "две недели", "1.5"])
def test_bad_payment_terms_refuse_the_whole_save(db, terms):
    contact = create_contact(db, ContactInput("Игорь", payment_terms_days=7))
    with pytest.raises(ValidationError) as caught:
        update_contact(db, contact.id, ContactInput("Другое имя", payment_terms_days=terms))
    assert [(p.field, p.code) for p in caught.value.problems] == [
        ("payment_terms", "payment.terms_invalid")
    ]
    again = search_contacts(db, "Игорь")[0]  # nothing written: neither the name nor the terms
    assert (again.name, again.payment_terms_days) == ("Игорь", 7)
