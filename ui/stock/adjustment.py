"""A stock adjustment: a count correction or a write-off of a product, dated and explained."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError, ValidationError
from services.products import list_products
from services.stock import AdjustmentInput, AdjustmentView, add_adjustment, stock_level
from services.storage import Database
from ui.formatting import Formatter
from ui.messages import error_text, problem_text
from ui.widgets.fields import date_edit, error_label, python_date, with_error

KINDS = ("count", "write_off")


def kind_name(kind: str) -> str:
    """ "Count correction" or "Write-off", in the person's language."""
    if kind == "write_off":
        return QCoreApplication.translate("AdjustmentDialog", "Write-off")
    return QCoreApplication.translate("AdjustmentDialog", "Count correction")


class AdjustmentDialog(QDialog):
    """Save adds the adjustment through the service; on errors the dialog stays open with
    each one under its field, and nothing is saved."""

    FIELDS = ("product", "kind", "quantity", "date", "reason")

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        product_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._today = today or dt.date.today()
        self.saved_adjustment: AdjustmentView | None = None
        self.setWindowTitle(self.tr("Stock adjustment"))
        self.product = QComboBox()
        # a retired product may still have goods to count or write off
        for product in list_products(database, include_inactive=True):
            self.product.addItem(product.name, product.id)
        if product_id is not None:
            self.product.setCurrentIndex(max(self.product.findData(product_id), 0))
        self.stock = QLabel()  # what the product has now, to count against
        self.stock.setEnabled(False)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.quantity = QLineEdit()
        self.date = date_edit(formatter, self._today)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("A recount, damaged goods, a gift…"))
        self.errors = {field: error_label() for field in self.FIELDS}
        self.general_error = error_label()
        form = QFormLayout()
        form.addRow(
            self.tr("Product:"), with_error(self.product, self.stock, self.errors["product"])
        )
        form.addRow(self.tr("Kind:"), with_error(self.kind, self.errors["kind"]))
        form.addRow(self.tr("Quantity:"), with_error(self.quantity, self.errors["quantity"]))
        form.addRow(self.tr("Date:"), with_error(self.date, self.errors["date"]))
        form.addRow(self.tr("Reason:"), with_error(self.reason, self.errors["reason"]))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.product.currentIndexChanged.connect(self._show_stock)
        self.kind.currentIndexChanged.connect(self._show_kind)
        self._show_stock()
        self._show_kind()

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        product_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> AdjustmentView | None:
        """The saved adjustment, or None when the user cancelled (tests monkeypatch this)."""
        dialog = cls(database, formatter, product_id, parent, today)
        return dialog.saved_adjustment if dialog.exec() == QDialog.DialogCode.Accepted else None

    def save(self) -> bool:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        data = AdjustmentInput(
            self.product.currentData(),
            self.quantity.text().strip(),
            self.reason.text(),
            self.kind.currentData(),
            python_date(self.date.date()),
        )
        try:
            self.saved_adjustment = add_adjustment(self._database, data, self._today)
        except ValidationError as error:
            for problem in error.problems:
                self._say(self.errors.get(problem.field, self.general_error), problem_text(problem))
            self.adjustSize()  # wrapped messages need their height
            return False
        except LavkaError as error:
            self._say(self.general_error, error_text(error))
            return False
        self.accept()
        return True

    def _show_stock(self) -> None:
        product_id = self.product.currentData()
        self.stock.hide()
        if product_id is None:
            return
        try:
            level = stock_level(self._database, product_id, self._today)
        except LavkaError:
            return
        fmt = self._formatter
        if not level.tracked:
            text = self.tr("Stock not counted yet: this adjustment starts it.")
        else:
            text = (
                self.tr("In stock %1 · reserved %2 · available %3")
                .replace("%1", fmt.integer(level.in_stock))
                .replace("%2", fmt.integer(level.reserved))
                .replace("%3", fmt.integer(level.available))
            )
        self.stock.setText(text)
        self.stock.show()

    def _show_kind(self) -> None:
        if self.kind.currentData() == "write_off":
            self.quantity.setPlaceholderText(self.tr("units taken away: 3"))
        else:
            self.quantity.setPlaceholderText(self.tr("units found: 12, or missing: -3"))

    @staticmethod
    def _say(label: QLabel, message: str) -> None:
        form = label.parentWidget()
        assert form is not None  # the error labels are laid out in the dialog
        text = label.text() if label.isVisibleTo(form) else ""
        label.setText(f"{text}\n{message}" if text else message)
        label.show()


__all__ = ["KINDS", "AdjustmentDialog", "kind_name"]
