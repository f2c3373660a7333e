"""Small pieces the sections share: an error label, the red of a loss, a read-only table,
columns sized for their language, blocks that wrap into rows, and line icons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QLocale,
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from ui.formatting import Formatter

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NEGATIVE = QColor("#c62828")  # a loss, and an error said next to its field
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
MONEY_SAMPLE = "00 000 000,00 ₽"  # the widest sum a column of money is made to show whole
PHONE_SAMPLE = "+7 999 999-99-99"
_DISPLAY = Qt.ItemDataRole.DisplayRole
_HEADER_PADDING = 28  # the header's margins and its sort arrow
_CELL_PADDING = 16


class RowsModel(QAbstractTableModel):
    """Read-only rows (frozen views from a service) under fixed column headers: a subclass
    says each row's `cells`, which columns are figures (NUMBERS, aligned right) or short codes
    (CENTRED), and which cells are drawn red or rows bold; or writes its own `data`."""

    NUMBERS: tuple[int, ...] = ()
    CENTRED: tuple[int, ...] = ()

    def __init__(self, formatter: Formatter, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._headers = headers
        self._rows: list = []
        self._texts: dict[int, tuple[str, ...]] = {}  # each row's cells, written once

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def item(self, row: int):
        return self._rows[row]

    def cells(self, item) -> tuple[str, ...]:
        raise NotImplementedError

    def red(self, item, column: int) -> bool:
        """The cell is drawn red (money or a day overdue)."""
        return False

    def bold(self, item) -> bool:
        """The row is a total."""
        return False

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        # asked tens of thousands of times as a window opens: bounds by hand, not checkIndex
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._headers)):
            return None
        item = self._rows[index.row()]
        if role == _DISPLAY:
            # a view asks for every cell many times (paint, size hints): a row's phone and
            # money are formatted once
            texts = self._texts.get(index.row())
            if texts is None:
                texts = self._texts[index.row()] = self.cells(item)
            return texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMBERS:
            return int(RIGHT)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.red(item, index.column()):
            return NEGATIVE
        if role == Qt.ItemDataRole.FontRole and self.bold(item):
            font = QFont()
            font.setBold(True)
            return font
        return None


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {NEGATIVE.name()}")
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(field: QWidget, *below: QWidget) -> QWidget:
    """The field with its error said right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in (field, *below):
        layout.addWidget(widget)
    return box


def date_edit(formatter: Formatter, day: dt.date) -> QDateEdit:
    """A date field with a calendar popup, written the way the locale writes dates."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setLocale(formatter.locale)
    edit.setDisplayFormat(formatter.locale.dateFormat(QLocale.FormatType.ShortFormat))
    return edit


def text_width(widget: QWidget, *texts: str) -> int:
    """The widest of the texts in the widget's font, in pixels."""
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(text) for text in texts), default=0)


def fit_columns(
    view: QAbstractItemView, samples: dict[int, str | int], stretch: int | None = None
) -> list[int]:
    """Each column as wide as its header's title (Russian titles run long) and as its widest
    expected content: a sample text ("00 000 000,00 ₽") or a width in pixels. The `stretch`
    column (a name, a title) takes the room left, so it is cut last. Returns the widths."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    model = view.model()
    widths = []
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.fontMetrics().horizontalAdvance(title) + _HEADER_PADDING
        sample = samples.get(column, "")
        if isinstance(sample, int):
            width = max(width, sample)
        else:
            width = max(width, text_width(view, sample) + _CELL_PADDING)
        header.resizeSection(column, width)
        widths.append(width)
    if stretch is not None:
        stretch_column(view, stretch)
    return widths


def stretch_column(view: QAbstractItemView, column: int) -> None:
    """The column takes the room the others leave (again after a remembered header state
    was restored: an older one kept every column at a fixed width)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor while the window works (a PDF written, a list searched)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def read_only_rows(view: QAbstractItemView) -> None:
    """A list of records: whole rows chosen one at a time, nothing edited in place, one line
    per row as tall as its text, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


def rows_height(view: QAbstractItemView, rows: int) -> int:
    """The height a table needs to show `rows` rows under its header, without a scroll bar."""
    header = view.horizontalHeader()
    header_height = header.sizeHint().height() if not header.isHidden() else 0
    row = view.verticalHeader().defaultSectionSize()
    return header_height + row * rows + 2 * view.frameWidth()


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
        left, top, right, bottom = self.getContentsMargins()
        width = max(self._least, default=0) + left + right
        height = max((self._height(item) for item in self._items), default=0)
        return QSize(width, height + top + bottom)

    def sizeHint(self) -> QSize:
        left, _top, right, _bottom = self.getContentsMargins()
        width = sum(self._least) + self.spacing() * max(len(self._least) - 1, 0) + left + right
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
        left, top, right, bottom = self.getContentsMargins()
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


def line_icon(name: str, palette: QPalette, size: int = 20) -> QIcon:
    """The line icon resources/icons/<name>.svg (name "sections/today"), drawn in
    `currentColor`, in the palette's colours: its text colour, and the highlighted text
    colour when selected, so it reads on a light and on a dark theme. A null icon when the
    file is missing."""
    try:
        source = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    icon = QIcon()
    for mode, role in (
        (QIcon.Mode.Normal, QPalette.ColorRole.Text),
        (QIcon.Mode.Selected, QPalette.ColorRole.HighlightedText),
        (QIcon.Mode.Active, QPalette.ColorRole.Text),
    ):
        colour = palette.color(QPalette.ColorGroup.Active, role).name()
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode()))
        if not renderer.isValid():
            return QIcon()
        for scale in (1, 2):  # sharp on a HiDPI screen too
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap, mode)
    return icon
