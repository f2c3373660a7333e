"""While Lavka runs: a task that falls due is announced, and a new day refreshes the window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from services.errors import LavkaError
from services.storage import Database
from services.tasks import TaskView, tasks_falling_due

CHECK_EVERY_MS = 30_000


class TaskAlarm(QObject):
    """Looks at the clock every half minute. `tasksDue` carries the open tasks that fell due
    since the last look (at their time, or at the start of their day); `dayChanged` says the
    date turned (Today's lists are another day's)."""

    tasksDue = Signal(list)
    dayChanged = Signal()

    def __init__(self, database: Database, parent=None, now: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._last = now or dt.datetime.now()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self, now: dt.datetime | None = None) -> list[TaskView]:
        """What fell due since the last check (tests pass `now`)."""
        now = now or dt.datetime.now()
        since, self._last = self._last, now
        if now.date() != since.date():
            self.dayChanged.emit()
        try:
            due = tasks_falling_due(self._database, since, now)
        except LavkaError:  # the database is closed (a restore): nothing to announce
            return []
        if due:
            self.tasksDue.emit(due)
        return due


class Notifier:
    """A desktop notification from the tray where the platform has one; else the window's
    status bar says it."""

    _tray = None

    @classmethod
    def show(cls, window, title: str, text: str) -> None:
        from PySide6.QtWidgets import QApplication, QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            window.statusBar().showMessage(f"{title}: {text}", 60_000)
            return
        if cls._tray is None:
            cls._tray = QSystemTrayIcon(QApplication.windowIcon(), QApplication.instance())
            cls._tray.setToolTip("Lavka")
            cls._tray.messageClicked.connect(lambda: (window.showNormal(), window.activateWindow()))
        cls._tray.show()
        cls._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
