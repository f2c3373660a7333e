"""A column of the board as a list model: its cards, dragged out and dropped in as an order's id.

The model only carries a drop: it says which order came to its status (`cardDropped`) and
leaves the writing, and the question of why a deal was lost, to the view.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from services.funnel import BoardColumn, Card
from ui.formatting import Formatter

ORDER_MIME = "application/x-lavka-board-card"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's services.funnel.Card
_DISPLAY = Qt.ItemDataRole.DisplayRole


def card_mime(order_id: int, status_id: int) -> QMimeData:
    """A dragged card: the order and the status (column) it leaves."""
    mime = QMimeData()
    mime.setData(ORDER_MIME, QByteArray(f"{order_id}/{status_id}".encode("ascii")))
    return mime


def card_from_mime(mime: QMimeData | None) -> tuple[int, int] | None:
    """(order id, status id it comes from) of a dragged card; None for anything else."""
    if mime is None or not mime.hasFormat(ORDER_MIME):
        return None
    text = bytes(mime.data(ORDER_MIME).data()).decode("ascii", "replace")
    order, _slash, status = text.partition("/")
    if not (order.isdigit() and status.isdigit()):
        return None
    return int(order), int(status)


class CardsModel(QAbstractListModel):
    """The cards of one status, newest first, as services.funnel.board gave them."""

    # a card of another column was dropped here: (order id, this column's status id)
    cardDropped = Signal(int, int)

    def __init__(self, column: BoardColumn, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._column = column

    @property
    def column(self) -> BoardColumn:
        return self._column

    @property
    def status_id(self) -> int:
        return self._column.status_id

    def set_column(self, column: BoardColumn) -> None:
        self.beginResetModel()
        self._column = column
        self.endResetModel()

    def card(self, row: int) -> Card:
        return self._column.cards[row]

    def row_of(self, order_id: int) -> int | None:
        return next(
            (row for row, card in enumerate(self._column.cards) if card.order_id == order_id),
            None,
        )

    # --- QAbstractItemModel
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._column.cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        card = self._column.cards[index.row()]
        if role == CARD_ROLE:
            return card
        if role == _DISPLAY:  # what a screen reader says; the delegate paints the card
            return (
                self.tr("No. %1 · %2 · %3")
                .replace("%1", str(card.order_id))
                .replace("%2", card.contact_name)
                .replace("%3", self._formatter.money(card.worth))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(card)
        return None

    def _tooltip(self, card: Card) -> str:
        fmt = self._formatter
        lines = [
            self.tr("Order No. %1 of %2")
            .replace("%1", str(card.order_id))
            .replace("%2", fmt.date(card.date)),
            card.contact_name,
            self.tr("Amount: %1").replace("%1", fmt.money(card.worth)),
        ]
        if card.probability is not None:
            lines.append(
                self.tr("Probability %1, value %2")
                .replace("%1", fmt.percent_points(card.probability))
                .replace("%2", fmt.money(card.value))
            )
        if card.klass:
            lines.append(self.tr("Class %1").replace("%1", card.klass))
        return "\n".join(lines)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():  # the column itself takes a card dropped anywhere on it
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [ORDER_MIME]

    # Qt takes no data (nullptr) as "nothing to drag"; PySide6's stub leaves None out
    def mimeData(  # type: ignore[override]  # None: no drag, as Qt's nullptr
        self, indexes: Sequence[QModelIndex]
    ) -> QMimeData | None:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if not rows:
            return None
        return card_mime(self._column.cards[rows[0]].order_id, self.status_id)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        carried = card_from_mime(data)
        return carried is not None and carried[1] != self.status_id  # not back where it was

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        carried = card_from_mime(data)
        assert carried is not None  # canDropMimeData read it
        self.cardDropped.emit(carried[0], self.status_id)
        # Nothing is inserted here: the view writes the move, then reloads the columns.
        return True
