"""A layout of blocks that wrap into rows (the Reports page, the board's conversion)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowRows(QLayout):
    """Blocks laid out in rows, in order, as many side by side as their least widths fit
    (a grid on a wide window, one column on a narrow one); the blocks of a row share its
    width. Heights follow the width (heightForWidth), so in a vertical QScrollArea the page
    scrolls down rather than sideways."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._least: list[int] = []
        self.setSpacing(spacing)

    def add(self, widget: QWidget, least_width: int) -> None:
        """A block that reads well down to `least_width` pixels."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        item.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._items.append(item)
        self._least.append(least_width)
        self.invalidate()

    def set_least_width(self, widget: QWidget, least_width: int) -> None:
        for i, item in enumerate(self._items):
            if item.widget() is widget:
                self._least[i] = least_width
        self.invalidate()

    # --- QLayout
    def addItem(self, item: QLayoutItem) -> None:  # addWidget() comes here
        self._items.append(item)
        self._least.append(item.minimumSize().width())

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._least.pop(index)
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def minimumSize(self) -> QSize:
        # the height follows the width (heightForWidth): the least is that of the tallest block
        margins = self.contentsMargins()
        width = max(self._least, default=0) + margins.left() + margins.right()
        height = max((self._height(item) for item in self._items), default=0)
        return QSize(width, height + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = sum(self._least) + self.spacing() * max(len(self._least) - 1, 0)
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def rows(self, width: int) -> list[list[int]]:
        """The blocks' indexes, row by row, for this inner width."""
        rows: list[list[int]] = []
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            least = self._least[index]
            if rows and used + self.spacing() + least <= width:
                rows[-1].append(index)
                used += self.spacing() + least
            else:
                rows.append([index])
                used = least
        return rows

    def _place(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        left, top, right, bottom = margins.left(), margins.top(), margins.right(), margins.bottom()
        width = max(rect.width() - left - right, 0)
        y = rect.y() + top
        for row in self.rows(width):
            least = sum(self._least[i] for i in row)
            room = max(width - self.spacing() * (len(row) - 1), least)
            height = max(self._height(self._items[i]) for i in row)
            x = rect.x() + left
            for n, index in enumerate(row):
                share = (
                    rect.x() + left + room + self.spacing() * (len(row) - 1) - x
                    if n == len(row) - 1  # the last takes what rounding left
                    else room * self._least[index] // least
                )
                if apply:
                    self._items[index].setGeometry(QRect(x, y, share, height))
                x += share + self.spacing()
            y += height + self.spacing()
        if y > rect.y() + top:
            y -= self.spacing()
        return y + bottom - rect.y()

    @staticmethod
    def _height(item: QLayoutItem) -> int:
        hint = item.sizeHint().height()
        return max(min(hint, item.maximumSize().height()), item.minimumSize().height())
