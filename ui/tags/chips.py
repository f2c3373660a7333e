"""Tags drawn as chips: a small rounded box of the tag's colour with its name in black or
white, whichever reads better on it. One painter for the card's chips and a grid's cell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

# The role a table model answers with a cell's tags (a sequence of services.tags.TagView).
TAGS_ROLE = Qt.ItemDataRole.UserRole + 64
_PAD_X, _PAD_Y = 6, 1  # inside a chip, around its name
_SPARE = 2  # a glyph's ink may pass its advance by a pixel: elidedText counts it
_GAP = 4  # between chips, and between rows of them
_CROSS_GAP = 4  # between a name and its ×
_RADIUS = 4.0
_CROSS = "×"
_MORE = "+%1"  # the chips left out of a cell too narrow for them all


class Tagged(Protocol):
    """A tag as a chip reads it (read-only: services give frozen views)."""

    @property
    def name(self) -> str: ...

    @property
    def colour(self) -> str: ...


@dataclass(frozen=True)
class Chip:
    """What a chip shows: a tag's name and colour; a `new` one (not saved yet) is drawn with a
    dashed edge."""

    name: str
    colour: str
    new: bool = False

    @classmethod
    def of(cls, tag: Tagged) -> Chip:
        return cls(tag.name, tag.colour)


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with `background` (WCAG's luminance)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (
        linear(c) for c in (background.redF(), background.greenF(), background.blueF())
    )
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    on_white = 1.05 / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return QColor("#000000") if on_black >= on_white else QColor("#ffffff")


def chip_font(base: QFont) -> QFont:
    """A chip's name: a little smaller than the text around it."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
    else:
        font.setPixelSize(max(round(base.pixelSize() * 0.9), 9))
    return font


def chip_height(metrics: QFontMetrics) -> int:
    return metrics.height() + 2 * _PAD_Y


def chip_width(metrics: QFontMetrics, chip: Chip, removable: bool = False) -> int:
    width = metrics.horizontalAdvance(chip.name) + 2 * _PAD_X + _SPARE
    if removable:
        width += _CROSS_GAP + metrics.horizontalAdvance(_CROSS)
    return width


def layout_chips(
    metrics: QFontMetrics,
    chips: Sequence[Chip],
    width: int,
    removable: bool = False,
    wrap: bool = True,
) -> list[QRect]:
    """Each chip's place, from (0, 0), in rows `width` wide (wrap) or along one row; a chip
    wider than the room is narrowed to it (its name elided when drawn)."""
    height = chip_height(metrics)
    rects: list[QRect] = []
    x = y = 0
    for chip in chips:
        wide = min(chip_width(metrics, chip, removable), max(width, 1))
        if wrap and x > 0 and x + wide > width:
            x, y = 0, y + height + _GAP
        rects.append(QRect(x, y, wide, height))
        x += wide + _GAP
    return rects


def cross_rect(metrics: QFontMetrics, chip: QRect) -> QRect:
    """Where a removable chip's × is (and is clicked)."""
    wide = metrics.horizontalAdvance(_CROSS) + _PAD_X
    return QRect(chip.right() - wide + 1, chip.top(), wide, chip.height())


def paint_chip(
    painter: QPainter, rect: QRect, chip: Chip, font: QFont, removable: bool = False
) -> None:
    """One chip in `rect`: its colour, its name (elided when the rect is narrow), its ×."""
    background = QColor(chip.colour)
    if not background.isValid():
        background = QColor("#808080")
    ink = text_colour(background)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5)
    if chip.new:  # not saved yet: a paler box with a dashed edge of the colour
        pale = QColor(background)
        pale.setAlpha(70)
        painter.setBrush(pale)
        painter.setPen(QPen(background, 1.2, Qt.PenStyle.DashLine))
        ink = QColor("#000000")
    else:
        painter.setBrush(background)
        painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(box, _RADIUS, _RADIUS)
    painter.setFont(font)
    painter.setPen(ink)
    metrics = QFontMetrics(font)
    inner = rect.adjusted(_PAD_X, 0, -_PAD_X, 0)
    if removable:
        cross = cross_rect(metrics, rect)
        painter.drawText(cross.adjusted(0, 0, -_PAD_X, 0), Qt.AlignmentFlag.AlignCenter, _CROSS)
        inner.setRight(cross.left() - _CROSS_GAP + _PAD_X // 2)
    name = chip.name
    if metrics.horizontalAdvance(name) > inner.width():
        name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(inner.width(), 0))
    painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
    painter.restore()


def paint_chip_row(
    painter: QPainter, rect: QRect, chips: Sequence[Chip], font: QFont, ink: QColor | None = None
) -> None:
    """Chips along one row, vertically centred in `rect` (a grid's cell); those that do not
    fit are counted in a "+N" at the end (the first one is elided rather than left out)."""
    metrics = QFontMetrics(font)
    height = min(chip_height(metrics), rect.height())
    top = rect.top() + (rect.height() - height) // 2
    x, right = rect.left(), rect.right() + 1
    shown = 0
    for chip in chips:
        after = len(chips) - shown - 1
        reserve = metrics.horizontalAdvance(_MORE.replace("%1", str(after))) + _GAP if after else 0
        wide = chip_width(metrics, chip)
        if x + wide + reserve > right:
            if shown == 0:
                wide = max(right - x - reserve, 0)
                paint_chip(painter, QRect(x, top, wide, height), chip, font)
                x, shown = x + wide + _GAP, 1
            break
        paint_chip(painter, QRect(x, top, wide, height), chip, font)
        x, shown = x + wide + _GAP, shown + 1
    if shown < len(chips):
        painter.save()
        painter.setFont(font)
        if ink is not None:
            painter.setPen(ink)
        more = _MORE.replace("%1", str(len(chips) - shown))
        painter.drawText(
            QRect(x, top, max(right - x, 0), height), Qt.AlignmentFlag.AlignVCenter, more
        )
        painter.restore()


def colour_icon(
    colour: str, size: int = 12, ticked: bool = False, width: int | None = None
) -> QIcon:
    """A rounded swatch of the colour (`width` wide, square by default), for menus and lists;
    `ticked` draws a tick on it (a menu's chosen tag)."""
    wide = width or size
    pixmap = QPixmap(wide * 2, size * 2)  # sharp on a HiDPI screen too
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    painter.setBrush(fill)
    painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
    painter.drawRoundedRect(QRectF(0.5, 0.5, wide - 1, size - 1), 3, 3)
    if ticked:
        pen = QPen(text_colour(fill), max(size / 7, 1.5))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        left, top = (wide - size) / 2, 0.0
        painter.drawPolyline(
            [
                QPointF(left + size * 0.25, top + size * 0.52),
                QPointF(left + size * 0.43, top + size * 0.70),
                QPointF(left + size * 0.76, top + size * 0.32),
            ]
        )
    painter.end()
    return QIcon(pixmap)


class TagChips(QWidget):
    """Chips in rows that wrap to the width, for a card. A `removable` one shows a × on each
    chip; a click on it emits `removeClicked(index)` (the chip's place in the list)."""

    removeClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, removable: bool = False) -> None:
        super().__init__(parent)
        self._removable = removable
        self._chips: list[Chip] = []
        self._tips: list[str] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(removable)

    # --- what it shows
    def set_tags(self, tags: Sequence[Tagged]) -> None:
        self.set_chips([Chip.of(tag) for tag in tags])

    def set_chips(self, chips: Sequence[Chip], tips: Sequence[str] = ()) -> None:
        """The chips, and a tooltip for each (or none)."""
        self._chips = list(chips)
        self._tips = list(tips)
        self.updateGeometry()
        self.update()

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def chip_rects(self) -> list[QRect]:
        """Where each chip is drawn, in the widget's coordinates."""
        metrics = QFontMetrics(self._font())
        return layout_chips(metrics, self._chips, self.width(), self._removable)

    def cross_at(self, point: QPoint) -> int | None:
        """The chip whose × is under `point`, if any."""
        if not self._removable:
            return None
        metrics = QFontMetrics(self._font())
        for index, rect in enumerate(self.chip_rects()):
            if cross_rect(metrics, rect).contains(point):
                return index
        return None

    def _font(self) -> QFont:
        return chip_font(self.font())

    # --- size
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._chips:
            return 0
        metrics = QFontMetrics(self._font())
        rects = layout_chips(metrics, self._chips, width, self._removable)
        return rects[-1].bottom() + 1

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font())
        widths = [chip_width(metrics, chip, self._removable) for chip in self._chips]
        width = sum(widths) + _GAP * max(len(widths) - 1, 0)
        return QSize(width, chip_height(metrics) if self._chips else 0)

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font())
        widest = max((chip_width(metrics, c, self._removable) for c in self._chips), default=0)
        return QSize(min(widest, 120), chip_height(metrics) if self._chips else 0)

    # --- painting and the mouse
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        font = self._font()
        for chip, rect in zip(self._chips, self.chip_rects(), strict=True):
            paint_chip(painter, rect, chip, font, self._removable)
        painter.end()

    def mouseMoveEvent(self, event) -> None:
        over = self.cross_at(event.position().toPoint())
        cursor = (
            Qt.CursorShape.PointingHandCursor if over is not None else Qt.CursorShape.ArrowCursor
        )
        self.setCursor(cursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        index = self.cross_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.removeClicked.emit(index)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = event.pos()
            for index, rect in enumerate(self.chip_rects()):
                if rect.contains(point):
                    tip = self._tips[index] if index < len(self._tips) else ""
                    tip = tip or self._chips[index].name
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)


class TagDelegate(QStyledItemDelegate):
    """A grid's Tags column: the cell's tags (TAGS_ROLE) as chips along one row instead of
    its text (the text stays the cell's value for exports, copying and tooltips)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        tags = index.data(TAGS_ROLE) or ()
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        cell = option.rect.adjusted(4, 2, -4, -2)
        painter.save()
        painter.setClipRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        chips = [Chip.of(tag) for tag in tags]
        paint_chip_row(painter, cell, chips, chip_font(option.font), option.palette.color(role))
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        tags = index.data(TAGS_ROLE) or ()
        metrics = QFontMetrics(chip_font(option.font))
        widths = [chip_width(metrics, Chip.of(tag)) for tag in tags]
        width = sum(widths) + _GAP * max(len(widths) - 1, 0) + 8
        base = super().sizeHint(option, index)
        return QSize(width, max(base.height(), chip_height(metrics) + 4))
