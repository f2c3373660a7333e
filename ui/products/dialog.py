"""A product's dialog: new or edited, its default price and cost, its minimum stock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError, ValidationError
from services.products import (
    ProductInput,
    ProductView,
    create_product,
    get_product,
    update_product,
)
from services.storage import Database
from ui.formatting import Formatter
from ui.messages import error_text, problem_text
from ui.widgets.fields import error_label, with_error


class ProductDialog(QDialog):
    """New or edit product; Save writes through the service and keeps the dialog open on errors."""

    FIELDS = ("name", "sku", "default_price", "default_cost", "min_stock")

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        product_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._product_id = database, formatter, product_id
        self.saved_product: ProductView | None = None
        self.setWindowTitle(self.tr("New product") if product_id is None else self.tr("Product"))
        self.name, self.sku, self.price, self.cost = (QLineEdit() for _ in range(4))
        self.min_stock = QLineEdit()
        self.min_stock.setPlaceholderText(self.tr("none"))
        self.min_stock.setToolTip(
            self.tr(
                "Units under which the product is to be bought again: below it, the product "
                "is marked here and listed on Today"
            )
        )
        self.active = QCheckBox(self.tr("Offered in pickers"))
        self.active.setChecked(True)
        self.errors = {field: error_label() for field in self.FIELDS}
        self.general_error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), with_error(self.name, self.errors["name"]))
        form.addRow(self.tr("SKU:"), with_error(self.sku, self.errors["sku"]))
        form.addRow(self.tr("Default price:"), with_error(self.price, self.errors["default_price"]))
        form.addRow(self.tr("Default cost:"), with_error(self.cost, self.errors["default_cost"]))
        form.addRow(self.tr("Minimum stock:"), with_error(self.min_stock, self.errors["min_stock"]))
        form.addRow(self.tr("Active:"), self.active)
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
        if product_id is not None:
            self._load(product_id)

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        product_id: int | None = None,
        parent: QWidget | None = None,
    ) -> ProductView | None:
        """The saved product, or None when the user cancelled (tests monkeypatch this)."""
        dialog = cls(database, formatter, product_id, parent)
        return dialog.saved_product if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _load(self, product_id: int) -> None:
        try:
            product = get_product(self._database, product_id)
        except LavkaError as error:
            self._say(self.general_error, error_text(error))
            return
        self.name.setText(product.name)
        self.sku.setText(product.sku or "")
        self.price.setText(self._editable(product.default_price))
        self.cost.setText(self._editable(product.default_cost))
        self.min_stock.setText("" if product.min_stock is None else str(product.min_stock))
        self.active.setChecked(product.active)

    def _editable(self, value) -> str:
        # Without group separators: "1000,00" reads back in every locale, "1,000.00" does not.
        return self._formatter.number(value).replace(self._formatter.locale.groupSeparator(), "")

    def save(self) -> bool:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        data = ProductInput(
            self.name.text(), self.sku.text(), self.price.text(), self.cost.text(),
            self.active.isChecked(), self.min_stock.text().strip(),
        )  # fmt: skip
        try:
            if self._product_id is None:
                self.saved_product = create_product(self._database, data)
            else:
                self.saved_product = update_product(self._database, self._product_id, data)
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

    @staticmethod
    def _say(label: QLabel, message: str) -> None:
        form = label.parentWidget()
        assert form is not None  # the error labels are laid out in the dialog
        text = label.text() if label.isVisibleTo(form) else ""
        label.setText(f"{text}\n{message}" if text else message)
        label.show()
