"""A board card, painted: no widget per card, so a column of thousands scrolls at once.

No. 1042                  [C]     the order, its class as a coloured badge
Светлана Кузнецова                the contact
50 000,00 ₽              12 d     what it is worth, how old it is (days)
35 % → 17 500,00 ₽                an open deal: its probability and value
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from services.funnel import Card
from services.scoring import LOST, SLID
from ui.board.models import CARD_ROLE
from ui.formatting import Formatter

CARD_WIDTH = 190  # the least width a card reads well at (a column is at least this wide)
_PAD_X, _PAD_Y, _GAP = 9, 7, 2  # inside the card; between its lines
_MARGIN = 3  # around the card, so the column's colour shows between cards
_RADIUS = 6
_MUTED_ALPHA = 150  # the age and the deal's line: the text's colour, lighter (on any theme)
# Badge colours, dark enough for white letters on a light and on a dark theme: the better
# the class, the greener; a deal that slid down in orange, a lost one in red.
CLASS_COLOURS = {
    "A": QColor("#2e7d32"),
    "B": QColor("#00897b"),
    "C": QColor("#1e88e5"),
    SLID: QColor("#ef6c00"),
    "D": QColor("#6d4c41"),
    "E": QColor("#757575"),
    LOST: QColor("#c62828"),
}


@dataclass(frozen=True)
class CardText:
    """One text of a card: as written, as shown in its place (cut to fit), and where."""

    text: str
    shown: str
    rect: QRect
    font: QFont
    muted: bool
    align: Qt.AlignmentFlag
    badge: bool = False


def age_text(days: int, formatter: Formatter) -> str:
    """How old an order is, short enough for a card: "today", "12 d"."""
    if days <= 0:
        return QCoreApplication.translate("CardDelegate", "today")
    return QCoreApplication.translate("CardDelegate", "%1 d").replace("%1", formatter.integer(days))


class CardDelegate(QStyledItemDelegate):
    """Paints a services.funnel.Card (the model's CARD_ROLE) as a rounded card."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter

    @staticmethod
    def lines(card: Card) -> int:
        return 4 if card.probability is not None else 3

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        card = index.data(CARD_ROLE)
        lines = self.lines(card) if card is not None else 3
        spacing = QFontMetrics(option.font).lineSpacing()
        height = lines * spacing + (lines - 1) * _GAP + 2 * (_PAD_Y + _MARGIN)
        return QSize(CARD_WIDTH, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        box = QRectF(option.rect).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected or hovered:
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), _RADIUS, _RADIUS)
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(_MUTED_ALPHA)
        colours = {False: text, True: muted}
        for piece in self.layout(card, option.rect, option.font):
            if piece.badge:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(CLASS_COLOURS.get(piece.text, CLASS_COLOURS["E"]))
                painter.drawRoundedRect(QRectF(piece.rect), 4, 4)
            painter.setFont(piece.font)
            painter.setPen(QColor("white") if piece.badge else colours[piece.muted])
            painter.drawText(piece.rect, piece.align | Qt.AlignmentFlag.AlignVCenter, piece.shown)
        painter.restore()

    def layout(self, card: Card, rect: QRect, font: QFont) -> list[CardText]:
        """Where each text of the card goes in `rect` (the item's), and how it reads there:
        cut with "…" only when the card is too narrow for it."""
        x, y = _MARGIN + _PAD_X, _MARGIN + _PAD_Y
        inner = rect.adjusted(x, y, -x, -y)
        bold = QFont(font)
        bold.setBold(True)
        height = QFontMetrics(font).lineSpacing()
        fmt = self._formatter
        pieces: list[CardText] = []

        def row(n: int) -> QRect:
            return QRect(inner.left(), inner.top() + n * (height + _GAP), inner.width(), height)

        def put(line: int, text: str, font: QFont, muted=False, right=False, room=0) -> int:
            """The text at the left of the line (leaving `room` at its right), or at its
            right; the width it takes."""
            box = row(line)
            width = QFontMetrics(font).horizontalAdvance(text)
            if right:
                box.setLeft(box.right() - width - 1)  # a pixel or two of rounding
            else:
                box.setWidth(max(box.width() - room, 0))
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, box.width())
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            pieces.append(CardText(text, shown, box, font, muted, align))
            return width

        # 1: the order's number, bold; its class as a badge on the right
        room = 0
        if card.klass:
            badge = row(0)
            width = QFontMetrics(bold).horizontalAdvance(card.klass) + 12
            badge.setLeft(badge.right() - width + 1)
            centre = Qt.AlignmentFlag.AlignHCenter
            pieces.append(CardText(card.klass, card.klass, badge, bold, False, centre, badge=True))
            room = width + 6
        number = QCoreApplication.translate("CardDelegate", "No. %1")
        put(0, number.replace("%1", str(card.order_id)), bold, room=room)
        # 2: the contact
        put(1, card.contact_name, font)
        # 3: the worth, and the age on the right
        age = put(2, age_text(card.age, fmt), font, muted=True, right=True)
        put(2, fmt.money(card.worth), bold, room=age + 8)
        # 4: an open deal's probability and value
        if card.probability is not None:
            odds = f"{fmt.percent_points(card.probability)} → {fmt.money(card.value)}"
            put(3, odds, font, muted=True)
        return pieces
