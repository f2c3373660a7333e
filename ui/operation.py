"""Slow work off the UI thread: a progress dialog with Cancel, then a callback on the UI thread.

The work function runs in QThreadPool and never touches a widget; it gets a `progress(done,
total)` callable (services.tables.Progress) that raises Cancelled once the person pressed
Cancel, so the service discards what it was writing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from services.errors import Cancelled, LavkaError

_SHOW_AFTER_MS = 400  # quick work finishes without a dialog flashing up


class _Relay(QObject):
    """Signals emitted from the worker thread, delivered on the UI thread (queued)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Operation(QObject):
    """One background job. `done` is emitted on the UI thread after success, failure or
    cancel, with the result (or None); `error` holds the failure, `cancelled` says so."""

    done = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Callable[[int, int | None], None]], object],
        on_success: Callable[[object], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent, self._work, self._on_success = parent, work, on_success
        self._stop = threading.Event()
        self.error: BaseException | None = None
        self.cancelled = False
        self.result: object = None
        self.running = False
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Lavka"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(_SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._relay = _Relay()
        self._relay.progress.connect(self._show_progress)
        self._relay.finished.connect(self._finish)
        self._relay.failed.connect(self._fail)

    def start(self) -> Operation:
        self.running = True
        self.dialog.setValue(0)  # starts the dialog's minimum-duration timer
        QThreadPool.globalInstance().start(QRunnable.create(self._run))
        return self

    def cancel(self) -> None:
        self._stop.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    # --- worker thread ----------------------------------------------------------------
    def _progress(self, done: int, total: int | None) -> None:
        if self._stop.is_set():
            raise Cancelled("Cancelled; nothing was written.")
        self._relay.progress.emit(done, -1 if total is None else total)

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as error:  # every failure goes back to the UI thread
            self._relay.failed.emit(error)
        else:
            self._relay.finished.emit(result)

    # --- UI thread ----------------------------------------------------------------------
    def _show_progress(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    def _close(self) -> None:
        self.running = False
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _finish(self, result: object) -> None:
        self._close()
        self.result = result
        if self._on_success is not None:
            self._on_success(result)
        self.done.emit(result)

    def _fail(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, Cancelled):
            self.cancelled = True
        else:
            self.error = error
            self.show_error(error)
        self.done.emit(None)

    def show_error(self, error: BaseException) -> None:
        """A LavkaError says itself; anything else is a bug, said with its type."""
        text = str(error) if isinstance(error, LavkaError) else f"{type(error).__name__}: {error}"
        ErrorBox.show(self._parent, text)


class ErrorBox:
    """The failure message; a class so that tests can capture it instead of a modal box."""

    @staticmethod
    def show(parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("Operation", "Lavka"), text)
