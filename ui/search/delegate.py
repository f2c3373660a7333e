"""A row of the global search, painted: a kind's header, or a hit on two lines with its icon.

PEOPLE                                    a header: small, bold, muted; never selected
[icon] Ковалёв Пётр                       a hit: the name (No. 1042 · customer for an order)
       +7 916 123-45-67 · г. Тверь, …     its facts, muted, cut to the width
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from services.search import COMPANY, ORDER, PERSON, PRODUCT
from ui.search.models import DETAIL_ROLE, HEADER_ROLE, KIND_ROLE, MUTED_ROLE
from ui.widgets.icons import line_icon

ICON = 18
_PAD_X, _PAD_Y, _GAP = 10, 5, 1  # inside a row; between a hit's two lines
_HEADER_PAD = 6
_MUTED_ALPHA = 150  # a hit's facts and a header: the text's colour, lighter (on any theme)
_ICONS = {
    COMPANY: "kinds/company",
    PERSON: "sections/contacts",
    ORDER: "sections/orders",
    PRODUCT: "sections/products",
}


def _smaller(font: QFont, bold: bool = False) -> QFont:
    smaller = QFont(font)
    if font.pointSizeF() > 0:
        smaller.setPointSizeF(font.pointSizeF() * 0.9)
    smaller.setBold(bold)
    return smaller


class SearchResultDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._icons: dict[str, QIcon] = {}
        self._palette_key: int | None = None

    def _icon(self, kind: str, palette: QPalette) -> QIcon:
        key = palette.cacheKey()
        if key != self._palette_key:  # made again after a switch between light and dark
            self._icons, self._palette_key = {}, key
        name = _ICONS.get(kind, "sections/contacts")
        if name not in self._icons:
            self._icons[name] = line_icon(name, palette, ICON)
        return self._icons[name]

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = 1  # the list's own width: never a horizontal scroll bar
        if index.data(HEADER_ROLE):
            height = QFontMetrics(_smaller(option.font, True)).height() + 2 * _HEADER_PAD
            return QSize(width, height)
        lines = QFontMetrics(option.font).height() + QFontMetrics(_smaller(option.font)).height()
        return QSize(width, max(lines + _GAP, ICON) + 2 * _PAD_Y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        painter.save()
        try:
            if index.data(HEADER_ROLE):
                self._paint_header(painter, option, index)
            else:
                self._paint_hit(painter, option, index)
        finally:
            painter.restore()

    def _paint_hit(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect, widget = option.rect, option.widget
        option.text = ""
        if widget is not None:  # the selection, as the platform draws it
            panel = QStyle.PrimitiveElement.PE_PanelItemViewItem
            widget.style().drawPrimitive(panel, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(role)
        muted = QColor(colour)
        if not selected:
            muted.setAlpha(_MUTED_ALPHA)
        icon_rect = QRect(rect.left() + _PAD_X, rect.center().y() - ICON // 2, ICON, ICON)
        mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
        self._icon(index.data(KIND_ROLE), option.palette).paint(painter, icon_rect, mode=mode)
        left = icon_rect.right() + _PAD_X
        width = rect.right() - _PAD_X - left
        top = rect.top() + _PAD_Y
        lines = (
            (QFont(option.font), index.data(), muted if index.data(MUTED_ROLE) else colour),
            (_smaller(option.font), index.data(DETAIL_ROLE) or "", muted),
        )
        for font, text, pen in lines:
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(pen)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, top, width, metrics.height()), 0, shown)
            top += metrics.height() + _GAP

    @staticmethod
    def _paint_header(
        painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        colour = QColor(option.palette.color(QPalette.ColorRole.Text))
        colour.setAlpha(_MUTED_ALPHA)
        painter.setFont(_smaller(option.font, bold=True))
        painter.setPen(colour)
        rect = option.rect.adjusted(_PAD_X, _HEADER_PAD, -_PAD_X, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, index.data())
