"""The global search popup (Ctrl+K): a field over the top of the window with the hits grouped
by kind below it as you type; Up/Down choose, Enter opens, Esc or a click elsewhere closes.

It floats inside the main window, as command palettes do, rather than in a window of its own:
no window manager places it or takes its keyboard, on any platform."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError
from services.search import SearchHit, SearchResults, search_everything
from services.storage import Database
from ui.formatting import Formatter
from ui.messages import error_text
from ui.search.delegate import SearchResultDelegate
from ui.search.models import SearchResultsModel

DEBOUNCE_MS = 150  # a search once the typing pauses, not one per letter of a fast typist
WIDTH = 640  # the popup's width, when the window has room for it
LIST_HEIGHT = 440  # the most the list takes before it scrolls
_TOP = 8  # below the toolbar
_PAGE = 5  # rows PageUp/PageDown move
_MOVES: dict[int, int] = {  # a key (QKeyEvent.key() is an int) → rows to move
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: _PAGE,
    Qt.Key.Key_PageUp: -_PAGE,
}


class GlobalSearch(QFrame):
    """One field over contacts, companies, phones, e-mails, addresses, notes, orders (number
    and comment) and products. `hitChosen(kind, id)` says what to open (services.search's
    kinds); the popup has closed by then."""

    hitChosen = Signal(str, int)

    def __init__(self, database: Database, formatter: Formatter, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("global_search")
        # An edge that shows on a light and on a dark theme alike; the field stands out on it.
        self.setStyleSheet(
            "QFrame#global_search { background: palette(window);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self.setAccessibleName(self.tr("Search everything"))
        self._database = database
        self._focus_before: QWidget | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("Name, phone, e-mail, address, order number or product…")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumHeight(self.edit.sizeHint().height() + 8)
        self.model = SearchResultsModel(formatter, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        # The field keeps the keyboard: Up/Down/Enter reach the list through it.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListView { background: transparent; }")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setContentsMargins(12, 12, 12, 12)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.keys = QLabel(self.tr("↑↓ choose · Enter open · Esc close"))
        self.keys.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.keys.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addWidget(self.keys)
        self.hide()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _text: self.timer.start())
        self.edit.installEventFilter(self)
        parent.installEventFilter(self)  # a resized window: placed again
        self.list.clicked.connect(self._open_index)
        self._show_results(SearchResults())

    # --- what a person does ------------------------------------------------------------
    def popup(self) -> None:
        """Open over the top of the window, with the last text chosen (typing replaces it)
        and searched again (the data may have changed since)."""
        if not self.isVisible():
            self._focus_before = QApplication.focusWidget()
            _application().installEventFilter(self)  # a click elsewhere closes
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.search_now()

    def close_popup(self) -> None:
        """Esc, a click elsewhere, or a hit opened: hidden, the keyboard back where it was."""
        if not self.isVisible():
            return
        _application().removeEventFilter(self)
        self.timer.stop()
        self.hide()
        before, self._focus_before = self._focus_before, None
        if before is not None and before.isVisible():
            before.setFocus(Qt.FocusReason.PopupFocusReason)

    def search_now(self) -> None:
        self.timer.stop()
        text = self.edit.text()
        if not text.strip():
            self._show_results(SearchResults())
            return
        try:
            results = search_everything(self._database, text)
        except LavkaError as error:  # the file went away (a pulled drive), the disk is full
            self._show_results(SearchResults(text), error_text(error))
            return
        self._show_results(results)

    def open_current(self) -> bool:
        """Enter: the chosen hit, or the first; True when there was one to open."""
        if self.timer.isActive():  # typed and pressed Enter before the pause: search first
            self.search_now()
        row = self.current_row()
        if row is None:
            row = self.model.first_hit_row()
        hit = self.model.hit(row) if row is not None else None
        if hit is None:
            return False
        self._open(hit)
        return True

    def current_row(self) -> int | None:
        index = self.list.currentIndex()
        return index.row() if index.isValid() and self.model.hit(index.row()) else None

    def choose_next(self, delta: int) -> None:
        """Up/Down (±1), PageUp/PageDown (±_PAGE): the next hit that way, over the headers;
        the first or the last stays chosen at the end of the list."""
        row = self.current_row()
        if row is None:
            row = -1 if delta > 0 else self.model.rowCount()
        target = None
        for _ in range(abs(delta)):
            following = self.model.step(row, 1 if delta > 0 else -1)
            if following is None:
                break
            row = target = following
        if target is not None:
            self._choose(target)

    # --- inside ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.edit and kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if watched is self.parentWidget() and kind == QEvent.Type.Resize and self.isVisible():
            self._fit()
        elif (
            kind == QEvent.Type.MouseButtonPress
            and self.isVisible()
            and isinstance(watched, QWidget)  # not the QWindow the press reaches first
            and watched is not self
            and not self.isAncestorOf(watched)
        ):
            self.close_popup()
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        if event.key() in _MOVES:
            if self.timer.isActive():
                self.search_now()
            self.choose_next(_MOVES[event.key()])
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.close_popup()
            return True
        return False

    def _show_results(self, results: SearchResults, problem: str | None = None) -> None:
        self.model.set_results(results)
        first = self.model.first_hit_row()
        if first is not None:
            self._choose(first)
        text = results.text.strip()
        if problem:
            self.message.setText(problem)
        elif not text:
            self.message.setText(
                self.tr(
                    "Type a name, any form of a phone, an e-mail, a word of an address or a "
                    "note, an order's number or a word of its comment, or a product's name "
                    "or SKU."
                )
            )
        else:
            self.message.setText(self.tr("Nothing found for “%1”").replace("%1", text))
        self.message.setVisible(first is None)
        self.list.setVisible(first is not None)
        self.keys.setVisible(first is not None)
        self._fit()

    def _choose(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self._open(hit)

    def _open(self, hit: SearchHit) -> None:
        self.close_popup()  # first: what opens takes the keyboard
        self.hitChosen.emit(hit.kind, hit.id)

    def _fit(self) -> None:
        """As wide as WIDTH (or the window less a margin), as tall as the hits need up to
        LIST_HEIGHT; centred under the window's toolbar."""
        parent = self.parentWidget()
        assert parent is not None  # made over the main window
        rows = sum(self.list.sizeHintForRow(row) for row in range(self.model.rowCount()))
        self.list.setFixedHeight(min(rows + 2, LIST_HEIGHT))
        width = max(min(WIDTH, parent.width() - 40), 320)
        self.setFixedWidth(width)
        self.adjustSize()
        top = _TOP
        central = parent.centralWidget() if isinstance(parent, QMainWindow) else None
        if central is not None:
            top += central.geometry().top()
        self.move((parent.width() - width) // 2, top)


def _application() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None  # the popup lives in the running application
    return app
