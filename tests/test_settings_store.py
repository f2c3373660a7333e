"""Business settings and the editable lists saved through services.settings_store."""

from __future__ import annotations

import pytest

from services import choices
from services.choices import DEFAULT_CHANNELS, DEFAULT_SETTINGS, BusinessSettings
from services.errors import ValidationError
from services.settings_store import (
    ListEntry,
    load_list,
    save_business_settings,
    save_list,
)


def read_settings(db) -> BusinessSettings:
    with db.session() as session:
        return choices.business_settings(session)


def read_channels(db):
    with db.session() as session:
        return choices.channels(session, include_inactive=True)


def read_statuses(db):
    with db.session() as session:
        return choices.statuses(session)


def test_saving_business_settings_is_read_back(db):
    saved = save_business_settings(db, " usd ", " $ ", "us")
    assert saved == BusinessSettings("USD", "$", "US")
    assert read_settings(db) == BusinessSettings("USD", "$", "US")


def test_bad_business_settings_name_each_field_and_value_and_write_nothing(db):
    with pytest.raises(ValidationError) as caught:
        save_business_settings(db, "RUBX", "  ", "XX")
    problems = {p.field: p.message for p in caught.value.problems}
    assert set(problems) == {"currency_code", "currency_symbol", "phone_region"}
    assert "'RUBX'" in problems["currency_code"]
    assert "symbol" in problems["currency_symbol"]
    assert "'XX'" in problems["phone_region"]
    assert read_settings(db) == BusinessSettings(**DEFAULT_SETTINGS)


def test_one_bad_field_writes_none_of_the_good_ones(db):
    with pytest.raises(ValidationError) as caught:
        save_business_settings(db, "USD", "$", "XX")
    assert caught.value.fields() == {"phone_region"}
    assert read_settings(db) == BusinessSettings(**DEFAULT_SETTINGS)


def test_rename_reorder_and_add_a_channel_keep_ids(db):
    before = read_channels(db)
    assert [c.name for c in before] == list(DEFAULT_CHANNELS)
    avito, website, *rest = before
    entries = [ListEntry(website.id, "Web shop"), ListEntry(avito.id, "Avito")]
    entries += [ListEntry(c.id, c.name) for c in rest] + [ListEntry(None, "  Instagram  ")]
    save_list(db, "channels", entries)
    after = read_channels(db)
    assert [(c.id, c.name) for c in after] == [
        (website.id, "Web shop"),
        (avito.id, "Avito"),
        *[(c.id, c.name) for c in rest],
        (after[-1].id, "Instagram"),
    ]
    assert after[-1].id not in {c.id for c in before}
    assert all(c.active for c in after)


def test_swapping_two_names_passes_the_unique_index(db):
    avito, website, *rest = read_channels(db)
    entries = [ListEntry(avito.id, "Website"), ListEntry(website.id, "Avito")]
    save_list(db, "channels", entries + [ListEntry(c.id, c.name) for c in rest])
    names = {c.id: c.name for c in read_channels(db)}
    assert (names[avito.id], names[website.id]) == ("Website", "Avito")


def test_a_channel_left_out_is_retired_not_deleted(db):
    avito, *rest = read_channels(db)
    save_list(db, "channels", [ListEntry(c.id, c.name) for c in rest])
    after = read_channels(db)
    assert [c.id for c in after] == [c.id for c in rest] + [avito.id]
    assert after[-1] == choices.ChoiceView(avito.id, "Avito", False)
    with db.session() as session:
        assert avito.id not in {c.id for c in choices.channels(session)}


def test_deactivating_a_loss_reason(db):
    reasons = load_list(db, "loss_reasons")
    first = reasons[0]
    save_list(db, "loss_reasons", [ListEntry(first.id, first.name, False), *reasons[1:]])
    assert load_list(db, "loss_reasons")[0] == ListEntry(first.id, first.name, False)


def test_case_insensitive_duplicates_are_refused_with_the_row(db):
    channels = read_channels(db)
    entries = [ListEntry(c.id, c.name) for c in channels] + [ListEntry(None, "avito")]
    with pytest.raises(ValidationError) as caught:
        save_list(db, "channels", entries)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("name", len(channels) + 1)
    assert "'avito'" in problem.message and "row 1" in problem.message
    assert read_channels(db) == channels


def test_blank_name_is_refused_with_the_row(db):
    channels = read_channels(db)
    entries = [ListEntry(channels[0].id, "   ")] + [ListEntry(c.id, c.name) for c in channels[1:]]
    with pytest.raises(ValidationError) as caught:
        save_list(db, "channels", entries)
    assert [(p.field, p.line) for p in caught.value.problems] == [("name", 1)]


def test_statuses_must_keep_a_won_and_a_lost(db):
    statuses = read_statuses(db)
    entries = [ListEntry(s.id, s.name, role="open") for s in statuses]
    with pytest.raises(ValidationError) as caught:
        save_list(db, "statuses", entries)
    assert [p.field for p in caught.value.problems] == ["role", "role"]
    assert "won" in caught.value.problems[0].message
    assert "lost" in caught.value.problems[1].message
    assert read_statuses(db) == statuses


def test_statuses_cannot_be_removed_but_can_be_renamed_and_added(db):
    statuses = read_statuses(db)
    with pytest.raises(ValidationError) as caught:
        save_list(db, "statuses", [ListEntry(s.id, s.name) for s in statuses[1:]])
    assert "'New'" in str(caught.value)
    entries = [ListEntry(s.id, s.name) for s in statuses]
    entries[0] = ListEntry(statuses[0].id, "Enquiry")
    entries.insert(3, ListEntry(None, "Packed"))
    save_list(db, "statuses", entries)
    after = read_statuses(db)
    assert [(s.name, s.role) for s in after][:5] == [
        ("Enquiry", "open"),
        ("Confirmed", "open"),
        ("Paid", "open"),
        ("Packed", "open"),
        ("Shipped", "open"),
    ]
    assert after[0].id == statuses[0].id and after[0].code == "new"
    assert after[3].code is None


def test_bad_role_is_refused(db):
    statuses = read_statuses(db)
    entries = [ListEntry(s.id, s.name) for s in statuses]
    entries[0] = ListEntry(statuses[0].id, "New", role="maybe")
    with pytest.raises(ValidationError) as caught:
        save_list(db, "statuses", entries)
    assert [(p.field, p.line) for p in caught.value.problems] == [("role", 1)]


def test_unknown_kind_is_a_programming_error(db):
    with pytest.raises(ValueError):
        save_list(db, "colours", [])
