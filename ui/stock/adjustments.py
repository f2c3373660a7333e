"""A product's stock adjustments, newest first: new ones added, a mistaken one removed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError
from services.products import get_product
from services.stock import AdjustmentView, delete_adjustment, list_adjustments
from services.storage import Database
from ui.formatting import Formatter
from ui.messages import error_text
from ui.stock.adjustment import AdjustmentDialog, kind_name
from ui.widgets.confirm import Confirm
from ui.widgets.fields import error_label
from ui.widgets.rows import RowsModel
from ui.widgets.tables import MONEY_SAMPLE, fit_columns, read_only_rows

DATE, KIND, QUANTITY, REASON, COST = range(5)


class AdjustmentsModel(RowsModel):
    NUMBERS = (QUANTITY, COST)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("Date"), self.tr("Kind"), self.tr("Quantity"), self.tr("Reason"),
            self.tr("Cost"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)

    def cells(self, item: AdjustmentView) -> tuple[str, ...]:
        fmt = self._formatter
        quantity = fmt.integer(item.quantity)
        return (
            fmt.date(item.date),
            kind_name(item.kind),
            f"+{quantity}" if item.quantity > 0 else quantity,
            item.reason,
            "" if item.cost is None else fmt.money(item.cost),
        )

    def red(self, item: AdjustmentView, column: int) -> bool:
        return column == QUANTITY and item.quantity < 0


class AdjustmentsDialog(QDialog):
    """The list of one product's adjustments; `changed` once one was added or removed."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        product_id: int,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._product_id, self._today = product_id, today or dt.date.today()
        self.changed = False
        try:
            name = get_product(database, product_id).name
        except LavkaError:
            name = ""
        self.setWindowTitle(self.tr("Stock adjustments: %1").replace("%1", name))
        self.model = AdjustmentsModel(formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.setAlternatingRowColors(True)
        fit_columns(
            self.table,
            {DATE: "00.00.0000", KIND: kind_name("count"), QUANTITY: "-00 000",
             REASON: 220, COST: MONEY_SAMPLE},
            stretch=REASON,
        )  # fmt: skip
        self.empty = QLabel(self.tr("No adjustments yet."))
        self.empty.setEnabled(False)
        self.error = error_label()
        self.new_button = QPushButton(self.tr("New adjustment…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.new_button.clicked.connect(self.new_adjustment)
        self.delete_button.clicked.connect(self.delete_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 60, 360)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        product_id: int,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> bool:
        """Whether an adjustment was added or removed (tests monkeypatch this)."""
        dialog = cls(database, formatter, product_id, parent, today)
        dialog.exec()
        return dialog.changed

    def refresh(self) -> None:
        rows = list_adjustments(self._database, self._product_id)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._update_buttons()

    def chosen(self) -> AdjustmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def new_adjustment(self) -> bool:
        saved = AdjustmentDialog.ask(
            self._database, self._formatter, self._product_id, self, self._today
        )
        if saved is None:
            return False
        self._after_change()
        return True

    def delete_chosen(self) -> bool:
        adjustment = self.chosen()
        if adjustment is None:
            return False
        fmt = self._formatter
        question = (
            self.tr(
                "Delete the adjustment of %1 (%2, %3)? The stock and the cost of later sales "
                "are counted again without it."
            )
            .replace("%1", fmt.date(adjustment.date))
            .replace("%2", kind_name(adjustment.kind))
            .replace("%3", fmt.integer(adjustment.quantity))
        )
        if not Confirm.ask(self, self.tr("Delete adjustment"), question):
            return False
        try:
            delete_adjustment(self._database, adjustment.id)
        except LavkaError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return False
        self._after_change()
        return True

    def _after_change(self) -> None:
        self.changed = True
        self.error.hide()
        self.refresh()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.chosen() is not None)


__all__ = ["AdjustmentsDialog", "AdjustmentsModel"]
