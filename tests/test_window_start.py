"""`make run` in miniature: the window opens on a new database, offering the demo business."""

from __future__ import annotations

from services.contacts import search_contacts
from ui.main_window import DemoOffer
from ui.startup.window import open_window


def test_new_database_offers_demo_and_opens_window(qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(DemoOffer, "ask", classmethod(lambda cls, parent: asked.append(1) or True))
    window = open_window(tmp_path / "first.sqlite3")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert asked == [1]
    assert window.isVisible()
    assert "first.sqlite3" in window.windowTitle()
    assert len(search_contacts(window.database, "", limit=1000)) >= 50
    window.database.close()


def test_declined_demo_leaves_database_empty_and_is_not_asked_again(qtbot, tmp_path, monkeypatch):
    answers = []
    monkeypatch.setattr(DemoOffer, "ask", classmethod(lambda cls, parent: answers.append(1)))
    path = tmp_path / "empty.sqlite3"
    window = open_window(path)
    qtbot.addWidget(window)
    assert search_contacts(window.database, "") == []
    window.database.close()
    window.close()
    again = open_window(path)
    qtbot.addWidget(again)
    assert answers == [1]
    again.database.close()
