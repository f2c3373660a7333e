"""One column of the board on screen: its status, count and sum over the list of its cards."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QVBoxLayout,
)

from services.funnel import BoardColumn
from ui.board.delegate import CARD_WIDTH, CardDelegate
from ui.board.models import CardsModel
from ui.formatting import Formatter
from ui.widgets.style import NEGATIVE

# the stripe over a column's title: open deals, won, lost
ROLE_COLOURS = {"open": QColor("#1e88e5"), "won": QColor("#2e7d32"), "lost": NEGATIVE}
COLUMN_WIDTH = CARD_WIDTH + 24  # a card, the list's frame and its scroll bar


class CardList(QListView):
    """The cards of a column; one is dragged out to another column, and one dropped here is
    handed to the model (CardsModel.dropMimeData), the column outlined while it is over it."""

    def __init__(self, model: CardsModel, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._over = False
        self.setModel(model)
        self.setItemDelegate(CardDelegate(formatter, self))
        self.setUniformItemSizes(True)  # one card's height for all: thousands lay out at once
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(1)
        self.setMouseTracking(True)  # the card under the mouse is outlined
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # a card goes to its column, not to a place in it
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)  # cards on the page

    def cards(self) -> CardsModel:
        model = self.model()
        assert isinstance(model, CardsModel)  # set in __init__, never replaced
        return model

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._outline(
            event.isAccepted()
            and self.cards().canDropMimeData(
                event.mimeData(), event.dropAction(), -1, -1, QModelIndex()
            )
        )

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self._outline(event.isAccepted())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._outline(False)

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self._outline(False)

    def _outline(self, over: bool) -> None:
        if over != self._over:
            self._over = over
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._over:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1), 6, 6)
            painter.end()


class ColumnPanel(QFrame):
    """A status's title, its count and sum, its cards, and how many older ones are not shown."""

    def __init__(self, column: BoardColumn, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setAcceptDrops(True)  # a card dropped on the title goes to the column too
        self.model = CardsModel(column, formatter, self)
        stripe = QFrame()
        stripe.setFixedHeight(3)
        stripe.setStyleSheet(f"background: {ROLE_COLOURS.get(column.role, NEGATIVE).name()};")
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.figures = QLabel()
        self.list = CardList(self.model, formatter)
        self.more = QLabel()
        self.more.setEnabled(False)
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(stripe)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self._show_figures()

    @property
    def column(self) -> BoardColumn:
        return self.model.column

    def set_column(self, column: BoardColumn) -> None:
        """New cards for the column, the list scrolled where it was."""
        if column == self.model.column:
            return
        scrolled = self.list.verticalScrollBar().value()
        self.model.set_column(column)
        self.list.verticalScrollBar().setValue(scrolled)
        self._show_figures()

    def _show_figures(self) -> None:
        column, fmt = self.model.column, self._formatter
        self.title.setText(column.name)
        self.title.setToolTip(column.name)
        self.figures.setText(f"{fmt.integer(column.count)} · {fmt.money(column.total)}")
        self.more.setText(self.tr("and %1 more").replace("%1", fmt.integer(column.more)))
        self.more.setToolTip(self.tr("Older orders of this status are in Orders."))
        self.more.setVisible(column.more > 0)

    # --- a drop on the title or the count: the same as on the list
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._take(event, drop=False)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._take(event, drop=False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._take(event, drop=True)

    def _take(self, event: QDropEvent, drop: bool) -> None:
        mime, root = event.mimeData(), QModelIndex()
        move = Qt.DropAction.MoveAction
        if not self.model.canDropMimeData(mime, move, -1, -1, root):
            event.ignore()
            return
        event.setDropAction(move)
        event.accept()
        if drop:
            self.model.dropMimeData(mime, move, -1, -1, root)
