"""Notices of others' changes on a server's database (models/notices.py, services/notices.py):
a save in one program is heard by another's listener once it commits, not by its own."""

from __future__ import annotations

import select
import time

import pytest

from models import Contact
from services.contacts import ContactInput, create_contact
from services.notices import Listener
from services.storage import Database
from services.tasks import TaskInput, create_task


def heard(listener: Listener, within: float = 5.0) -> set[str]:
    """What the listener hears until a notice comes (or `within` seconds pass)."""
    found: set[str] = set()
    deadline = time.monotonic() + within
    while not found and time.monotonic() < deadline:
        select.select([listener.fileno()], [], [], 0.2)
        found |= listener.changed()
    return found


@pytest.fixture
def two(empty_postgres):
    """Two programs on one server's database: Ivan's, listening, and Anna's."""
    ivan = Database.open(empty_postgres)
    anna = Database.open(empty_postgres)
    listener = Listener(empty_postgres, lambda: ivan.backend_pids)
    yield ivan, anna, listener
    listener.close()
    ivan.close()
    anna.close()


def test_someone_elses_save_is_heard_with_its_tables(two):
    _ivan, anna, listener = two
    assert listener.changed() == set()
    petr = create_contact(anna, ContactInput(name="Petr", phone="+7 916 123-45-67"))
    assert heard(listener) == {"contacts"}
    create_task(anna, TaskInput(title="Call Petr", due="2026-03-02", contact_id=petr.id))
    assert heard(listener) == {"tasks"}


def test_ones_own_save_and_a_rolled_back_one_are_not_heard(two):
    ivan, anna, listener = two
    create_contact(ivan, ContactInput(name="Petr"))
    with anna.session() as session:  # written, then undone: nothing was committed
        session.add(Contact(name="Olga"))
        session.flush()
        session.rollback()
    assert heard(listener, within=1.0) == set()
