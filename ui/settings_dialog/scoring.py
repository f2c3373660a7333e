"""Settings → Deal scoring: the default probability, the floor, the age bands and the value
each class starts at (services/scoring.py). The modifiers of statuses and channels are
edited with their lists (lists.py)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.errors import Problem
from services.scoring import (
    AGE_MAX,
    CEILING,
    CLASSES,
    MODIFIER_MAX,
    MODIFIER_MIN,
    save_score_rules,
    score_rules,
)
from ui.formatting import EMPTY, Formatter
from ui.settings_dialog.common import WholeNumberDelegate, row_text, show_by_field, signed_text
from ui.widgets.fields import error_label
from ui.widgets.style import RIGHT
from ui.widgets.tables import rows_height, text_width

START, MODIFIER, DAYS = range(3)  # the age bands' columns
THRESHOLD_CLASSES = CLASSES[:-1]  # A–D start at a value; E is what is below D
BAND_STEP = 30  # a new band starts this many days after the last one
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
PERCENT_SUFFIX = "\u00a0%"


def threshold_text(value: Decimal, formatter: Formatter) -> str:
    """A threshold as a person types it in this locale: 200000, or 1250,50 (no grouping: the
    services would take 200,000 for unclear)."""
    if value == value.to_integral_value():
        return str(int(value))
    return str(value.quantize(Decimal("0.01"))).replace(".", formatter.locale.decimalPoint())


class AgeBandsModel(QAbstractTableModel):
    """The age bands as edited: (first day, modifier) per row, and the days each band covers
    (until the next one starts), read-only. Any whole number is taken: the service says
    which row is wrong."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._bands: list[list[int]] = []
        self._headers = (self.tr("From day"), self.tr("Modifier, %"), self.tr("Days"))

    def set_bands(self, bands) -> None:
        self.beginResetModel()
        self._bands = [[int(start), int(modifier)] for start, modifier in bands]
        self.endResetModel()

    def bands(self) -> list[tuple[int, int]]:
        return [(start, modifier) for start, modifier in self._bands]

    def append_band(self) -> int:
        """A row after the last: a month later, with the last band's modifier. Its row."""
        last = self._bands[-1] if self._bands else None
        band = [0, 0] if last is None else [min(last[START] + BAND_STEP, AGE_MAX), last[MODIFIER]]
        row = len(self._bands)
        self.beginInsertRows(QModelIndex(), row, row)
        self._bands.append(band)
        self.endInsertRows()
        self._days_changed(row - 1)
        return row

    def remove_band(self, row: int) -> None:
        if not 0 <= row < len(self._bands):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._bands[row]
        self.endRemoveRows()
        self._days_changed(row - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._bands)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() != DAYS else flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._bands):
            return None
        band, column = self._bands[index.row()], index.column()
        if role == _EDIT and column != DAYS:
            return band[column]
        if role == _DISPLAY:
            if column == START:
                return self._formatter.integer(band[START])
            if column == MODIFIER:
                return signed_text(band[MODIFIER], self._formatter.locale)
            return self._days(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if column != DAYS else int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == DAYS:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = _EDIT) -> bool:
        if not index.isValid() or role != _EDIT or index.column() == DAYS:
            return False
        if index.row() >= len(self._bands) or isinstance(value, bool):
            return False
        try:
            number = int(str(value).strip().replace("−", "-"))
        except ValueError:
            return False
        self._bands[index.row()][index.column()] = number
        self.dataChanged.emit(index, index)
        if index.column() == START:
            self._days_changed(index.row() - 1, index.row())
        return True

    def _days(self, row: int) -> str:
        """The days the band covers: 8–14, 60+, or a dash while the next starts no later."""
        start = self._bands[row][START]
        if row + 1 == len(self._bands):
            return f"{self._formatter.integer(start)}+"
        last = self._bands[row + 1][START] - 1
        if last < start:
            return EMPTY
        if last == start:
            return self._formatter.integer(start)
        return f"{self._formatter.integer(start)}\u2013{self._formatter.integer(last)}"

    def _days_changed(self, first: int, last: int | None = None) -> None:
        first = max(first, 0)
        last = min(first if last is None else last, len(self._bands) - 1)
        if first <= last:
            self.dataChanged.emit(self.index(first, DAYS), self.index(last, DAYS))


class ScoringPage(QWidget):
    """The rules of deal scoring, saved in one transaction by OK (all of them, or none with
    each problem said under its field and the cursor on the first)."""

    def __init__(self, database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self._formatter = formatter
        explain = QLabel(
            self.tr(
                "Probability = default + status + channel + age, kept between the floor and "
                "%1. Value = probability × amount."
            ).replace("%1", f"{CEILING}{PERCENT_SUFFIX}")
        )
        explain.setWordWrap(True)
        where = QLabel(
            self.tr(
                "The modifiers of statuses and channels are set on the Order statuses and "
                "Channels pages."
            )
        )
        where.setWordWrap(True)
        self.default = self._percent_box(0, 100)
        self.floor = self._percent_box(0, CEILING)
        fields = ["score_default", "score_floor", "age_bands"]
        fields += [f"threshold_{letter}" for letter in THRESHOLD_CLASSES]
        self.errors = {field: error_label() for field in fields}
        self.other_errors = error_label()
        rules = QFormLayout()
        rules.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        rules.addRow(self.tr("Default probability:"), self.default)
        rules.addRow("", self.errors["score_default"])
        rules.addRow(self.tr("Floor (lowest probability):"), self.floor)
        rules.addRow("", self.errors["score_floor"])

        self.bands = AgeBandsModel(formatter, self)
        self.bands_view = QTableView()
        self.bands_view.setModel(self.bands)
        self.bands_view.setItemDelegate(
            WholeNumberDelegate(
                {START: (0, AGE_MAX), MODIFIER: (MODIFIER_MIN, MODIFIER_MAX)},
                parent=self.bands_view,
            )
        )
        self.bands_view.verticalHeader().hide()
        self.bands_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bands_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bands_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.bands_view.horizontalHeader()
        samples = {START: "36 500", MODIFIER: "−100", DAYS: "36 500–36 500"}
        widths = 2 * self.bands_view.frameWidth()
        for column, sample in samples.items():
            title = str(self.bands.headerData(column, Qt.Orientation.Horizontal))
            width = max(text_width(header, title) + 28, text_width(self, sample) + 16)
            header.resizeSection(column, width)
            widths += width
        header.setSectionResizeMode(DAYS, QHeaderView.ResizeMode.Stretch)
        self.bands_view.setMinimumWidth(widths)
        self.bands_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bands_view.setMinimumHeight(rows_height(self.bands_view, 6))
        self.add_band_button = QPushButton(self.tr("Add band"))
        self.remove_band_button = QPushButton(self.tr("Remove band"))
        self.add_band_button.clicked.connect(self._add_band)
        self.remove_band_button.clicked.connect(self._remove_band)
        self.bands_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.bands.modelReset.connect(self._update_buttons)
        band_buttons = QHBoxLayout()
        band_buttons.addWidget(self.add_band_button)
        band_buttons.addWidget(self.remove_band_button)
        band_buttons.addStretch()
        bands_hint = QLabel(
            self.tr(
                "A deal's age is the days since its order's date; a band lasts until the "
                "next one starts."
            )
        )
        bands_hint.setWordWrap(True)
        bands_box = QGroupBox(self.tr("Age bands"))
        bands_layout = QVBoxLayout(bands_box)
        bands_layout.addWidget(bands_hint)
        bands_layout.addWidget(self.bands_view)
        bands_layout.addLayout(band_buttons)
        bands_layout.addWidget(self.errors["age_bands"])

        self.thresholds: dict[str, QLineEdit] = {}
        classes_box = QGroupBox(self.tr("Classes by value"))
        classes = QFormLayout(classes_box)
        sample = threshold_text(Decimal("1000000000.00"), formatter)
        for letter in THRESHOLD_CLASSES:
            edit = QLineEdit()
            edit.setAlignment(RIGHT)
            edit.setMinimumWidth(text_width(edit, sample) + 16)
            edit.setPlaceholderText(threshold_text(Decimal("50000"), formatter))
            self.thresholds[letter] = edit
            field = QHBoxLayout()
            field.addWidget(edit, 1)
            field.addWidget(QLabel(formatter.symbol))
            caption = self.tr("Class %1 from:").replace("%1", letter)
            classes.addRow(caption, field)
            classes.addRow("", self.errors[f"threshold_{letter}"])
        below = QLabel(
            self.tr(
                "Below D: class E. A lost order is F; a deal that fell from A or B is shown as "
                "C2 until it rises again."
            )
        )
        below.setWordWrap(True)
        classes.addRow(below)

        tables = QGridLayout()
        tables.addWidget(bands_box, 0, 0)
        tables.addWidget(classes_box, 0, 1)
        tables.setColumnStretch(0, 1)
        tables.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(where)
        layout.addLayout(rules)
        layout.addLayout(tables)
        layout.addWidget(self.other_errors)
        layout.addStretch()

    def title(self) -> str:
        return self.tr("Deal scoring")

    def load(self) -> None:
        rules = score_rules(self._database)
        self.default.setValue(rules.default)
        self.floor.setValue(rules.floor)
        self.bands.set_bands(rules.age_bands)
        for letter, value in zip(THRESHOLD_CLASSES, rules.thresholds, strict=False):
            self.thresholds[letter].setText(threshold_text(value, self._formatter))

    def save(self) -> None:
        save_score_rules(
            self._database,
            self.default.value(),
            self.floor.value(),
            self.bands.bands(),
            [self.thresholds[letter].text() for letter in THRESHOLD_CLASSES],
        )
        self.load()  # as stored: 50000,5 reads back as 50000,50

    def show_problems(self, problems: list[Problem]) -> None:
        by_field = [p for p in problems if not p.field.startswith("age_band")]
        show_by_field(self.errors, self.other_errors, by_field)
        bands = [row_text(p) for p in problems if p.field.startswith("age_band")]
        self.errors["age_bands"].setText("\n".join(bands))
        self.errors["age_bands"].setVisible(bool(bands))

    def focus_problem(self, problem: Problem) -> None:
        """The cursor on the wrong field; for an age band, on its row and column."""
        if problem.field.startswith("age_band"):
            column = MODIFIER if problem.field == "age_band_modifier" else START
            if problem.line is not None and 0 < problem.line <= self.bands.rowCount():
                self.bands_view.setCurrentIndex(self.bands.index(problem.line - 1, column))
            self.bands_view.setFocus()
            return
        fields: dict[str, QSpinBox | QLineEdit] = {
            "score_default": self.default,
            "score_floor": self.floor,
            **{f"threshold_{letter}": edit for letter, edit in self.thresholds.items()},
        }
        field = fields.get(problem.field)
        if field is not None:
            field.setFocus()
            field.selectAll()

    def _percent_box(self, least: int, most: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(least, most)
        box.setSuffix(PERCENT_SUFFIX)
        box.setAlignment(RIGHT)
        box.setMinimumWidth(text_width(box, f"100{PERCENT_SUFFIX}") + 48)
        return box

    def _add_band(self) -> None:
        row = self.bands.append_band()
        index = self.bands.index(row, START)
        self.bands_view.setCurrentIndex(index)
        self.bands_view.edit(index)

    def _remove_band(self) -> None:
        self.bands.remove_band(self.bands_view.currentIndex().row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_band_button.setEnabled(self.bands_view.currentIndex().isValid())
