"""Slow work off the UI thread: a progress dialog with Cancel, then a callback on the UI thread.

The work function runs in QThreadPool and never touches a widget; it gets a `progress(done,
total)` callable (services.tables.Progress) that raises Cancelled once the person pressed
Cancel, so the service discards what it was writing. Reading the person need not wait on
(the first window's Today lists) runs there quietly, without a dialog: `in_background`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from services.errors import Cancelled, LavkaError
from ui.messages import error_text

# Operations under way. They have no Qt parent, so that closing a window cannot delete one
# while its worker still reports to it; each leaves this set when it ends.
_RUNNING: set[Operation] = set()


class _Relay(QObject):
    """Signals emitted from the worker thread, delivered on the UI thread (queued)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


def in_background(work: Callable[[], object], done: Callable[[object], None]) -> None:
    """`work()` in QThreadPool, then `done(result)` on the UI thread; a failure comes back as
    the exception, for `done` to say or raise. `done` is a method of a QObject of the UI
    thread (a view): once that object is gone, Qt drops the call."""
    relay = _Relay()  # no parent: the worker's closure keeps it alive until it has emitted
    relay.finished.connect(done)
    relay.failed.connect(done)

    def run() -> None:
        try:
            result = work()
        except Exception as error:  # said on the UI thread, as a synchronous read would be
            relay.failed.emit(error)
        else:
            relay.finished.emit(result)

    QThreadPool.globalInstance().start(QRunnable.create(run))


class ProgressDialog(QDialog):
    """What is being done, how far, and Cancel. Modal to its window from the first moment:
    nothing in the window can change the data while the work runs. Cancel keeps it open,
    saying "Cancelling…", until the work has really stopped."""

    cancelRequested = Signal()

    def __init__(self, label: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lavka"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report gives a total
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.request_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    def request_cancel(self) -> None:
        self.label.setText(self.tr("Cancelling…"))
        self.buttons.setEnabled(False)
        self.cancelRequested.emit()

    def reject(self) -> None:  # Esc and the window's close button mean Cancel, not "hide"
        if self.buttons.isEnabled():
            self.request_cancel()

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))


class Operation(QObject):
    """One background job. `done` is emitted on the UI thread after success, failure or
    cancel; then `result`, `error` and `cancelled` say which."""

    done = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Callable[[int, int | None], None]], object],
        # gets what `work` returned: Any, as the result crosses a Signal(object) untyped
        on_success: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__()
        self._parent, self._work, self._on_success = parent, work, on_success
        self._stop = threading.Event()
        self.error: BaseException | None = None
        self.cancelled = False
        self.result: object = None
        self.running = False
        self.dialog = ProgressDialog(label, parent)
        self.dialog.cancelRequested.connect(self.cancel)
        # A window closed under the work stops it. The slot holds only the event, not this
        # object, which may be long gone when the window goes.
        stop = self._stop
        parent.destroyed.connect(lambda *_: stop.set())
        self._relay = _Relay()
        self._relay.progress.connect(self._show_progress)
        self._relay.finished.connect(self._finish)
        self._relay.failed.connect(self._fail)

    def start(self) -> Operation:
        self.running = True
        _RUNNING.add(self)
        self.dialog.show()
        QThreadPool.globalInstance().start(QRunnable.create(self._run))
        return self

    def cancel(self) -> None:
        self._stop.set()

    # --- worker thread ----------------------------------------------------------------
    def _progress(self, done: int, total: int | None) -> None:
        if self._stop.is_set():
            raise Cancelled.of("operation.cancelled")
        self._relay.progress.emit(done, -1 if total is None else total)

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as error:  # every failure goes back to the UI thread
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)

    # --- UI thread ----------------------------------------------------------------------
    def _alive(self) -> bool:
        """The dialog (and so its window) still exists."""
        return shiboken6.isValid(self.dialog)

    def _show_progress(self, done: int, total: int) -> None:
        if self._alive():
            self.dialog.show_progress(done, total)

    def _close(self) -> bool:
        self.running = False
        _RUNNING.discard(self)
        if not self._alive():
            return False
        self.dialog.hide()
        self.dialog.deleteLater()
        return True

    def _finish(self, result: object) -> None:
        self.result = result
        if self._close() and self._on_success is not None:
            self._on_success(result)
        self.done.emit(result)

    def _fail(self, error: BaseException) -> None:
        alive = self._close()
        if isinstance(error, Cancelled):
            self.cancelled = True
        else:
            self.error = error
            if alive:
                self.show_error(error)
        self.done.emit(None)

    def show_error(self, error: BaseException) -> None:
        """A LavkaError says itself; anything else is a bug, said with its type."""
        if isinstance(error, LavkaError):
            text = error_text(error)  # in the person's language
        else:
            text = f"{type(error).__name__}: {error}"
        ErrorBox.show(self._parent, text)


class ErrorBox:
    """The failure message; a class so that tests can capture it instead of a modal box."""

    @staticmethod
    def show(parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("Operation", "Lavka"), text)
