"""--quit-after SECONDS: Lavka closes itself, as a person would (tests, an installed copy)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # made before the window is: the window's modules load after the lock
    from ui.startup.keeper import WindowKeeper


class QuitAfter:
    """--quit-after SECONDS, counted from the start: then whatever is showing is closed, as a
    person would close it. A question asked before the window (the demo offer on a new
    database, a damaged file's rescue) or over it is answered as closed ("No"), so none can
    keep Lavka open; then the window is closed (layout saved, the close-time backup made)."""

    RETRY_MS = 50  # after a question is answered, the next thing shown is looked at again

    def __init__(self, seconds: float) -> None:
        self.due = False
        self.keeper: WindowKeeper | None = None
        QTimer.singleShot(int(seconds * 1000), self.fire)

    def attach(self, keeper: WindowKeeper) -> None:
        """The window is there now; closed at once (from the event loop) if the time is up.
        Says "lavka: window shown" on stderr once it is painted, for whoever started Lavka."""
        # Said once the queued show, layout and paint events are handled.
        QTimer.singleShot(0, lambda: print("lavka: window shown", file=sys.stderr, flush=True))
        self.keeper = keeper
        if self.due:
            QTimer.singleShot(0, self.fire)

    def fire(self) -> None:
        self.due = True
        modal = QApplication.activeModalWidget()
        if modal is not None:
            answer_no(modal)
            QTimer.singleShot(self.RETRY_MS, self.fire)
        elif self.keeper is not None:
            self.keeper.window.close()
        # else: no window yet; attach() closes it when it comes


def answer_no(modal: QWidget) -> None:
    """Close a modal question as its "No" (or Close, Cancel) button would."""
    if isinstance(modal, QMessageBox):
        no = modal.button(QMessageBox.StandardButton.No)
        if no is not None:
            no.click()
            return
    if isinstance(modal, QDialog):
        modal.reject()
    else:
        modal.close()
