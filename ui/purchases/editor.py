"""The purchase editor: date, supplier, document, comment, delivery cost and the lines (the
batches), with each line's share of the delivery shown as typed; saved in one transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError, Problem, ValidationError
from services.products import list_products
from services.purchases import (
    PurchaseInput,
    PurchaseView,
    delete_purchase,
    get_purchase,
    save_purchase,
)
from services.storage import Database
from services.values import parse_money
from ui.formatting import Formatter, money_text
from ui.messages import error_text, problem_text
from ui.purchases.lines import (
    DELIVERY,
    LANDED,
    PRODUCT,
    QUANTITY,
    TOTAL,
    UNIT_COST,
    PurchaseLinesDelegate,
    PurchaseLinesModel,
)
from ui.purchases.supplier import SupplierBox
from ui.widgets.confirm import Confirm
from ui.widgets.fields import date_edit, error_label, python_date
from ui.widgets.style import RIGHT
from ui.widgets.tables import MONEY_SAMPLE, fit_columns, text_width

_PRODUCT_WIDTH = 220  # a product's name, beside the line's figures
FIELDS = ("date", "supplier", "document", "delivery_cost", "comment")


class DiscardPurchase:
    """Closing the editor with unsaved changes: discard them? (tests patch `ask`)"""

    @staticmethod
    def ask(parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("PurchaseEditor", "Unsaved changes"),
            QCoreApplication.translate(
                "PurchaseEditor", "The purchase has unsaved changes. Discard them?"
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def confirm_delete_purchase(parent: QWidget | None, when: str, supplier: str | None) -> bool:
    """Deleting a purchase, from its editor or the grid: its goods leave the stock, and the
    sales they fed take their cost from the other batches."""
    translate = QCoreApplication.translate
    if supplier:
        question = translate("PurchaseEditor", "Delete the purchase of %1 from %2?")
        question = question.replace("%1", when).replace("%2", supplier)
    else:
        question = translate("PurchaseEditor", "Delete the purchase of %1?").replace("%1", when)
    question += "\n\n" + translate(
        "PurchaseEditor",
        "Its goods leave the stock, and the sales they went to take their cost from the "
        "other purchases.",
    )
    return Confirm.ask(parent, translate("PurchaseEditor", "Delete purchase"), question)


class PurchaseEditor(QDialog):
    """A new purchase (purchase_id None) or a saved one; `saved(id)` after a good save,
    `deleted(id)` after a delete."""

    saved = Signal(int)
    deleted = Signal(int)

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        purchase_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._purchase_id, self._today = purchase_id, today or dt.date.today()
        self._dirty = self._loading = False
        self.written: int | None = None  # the purchase saved or deleted here
        self._build()
        if purchase_id is not None:
            self._load(get_purchase(database, purchase_id))
        else:
            self.setWindowTitle(self.tr("New purchase"))
            self.add_line()
        self._dirty = False

    # --- building
    def _build(self) -> None:
        fmt = self._formatter
        self.date = date_edit(fmt, self._today)
        self.date.setMaximumWidth(text_width(self, "00.00.0000") + 60)  # and its calendar button
        self.supplier = SupplierBox(self._database)
        self.document = QLineEdit()
        self.document.setPlaceholderText(self.tr("Invoice or delivery note number"))
        self.delivery = QLineEdit()
        self.delivery.setAlignment(RIGHT)
        self.delivery.setPlaceholderText(money_text(Decimal("0.00"), fmt))
        self.delivery.setMaximumWidth(text_width(self, MONEY_SAMPLE) + 24)
        self.delivery.setToolTip(
            self.tr("Shared over the lines by their value: it goes into the cost of each unit")
        )
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(60)
        self.errors = {key: error_label() for key in (*FIELDS, "lines", "general")}
        form = QFormLayout()
        for key, caption, widget in (
            ("date", self.tr("Date:"), self.date),
            ("supplier", self.tr("Supplier:"), self.supplier),
            ("document", self.tr("Document:"), self.document),
            ("delivery_cost", self.tr("Delivery cost:"), self.delivery),
        ):
            form.addRow(caption, widget)
            form.addRow("", self.errors[key])
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow("", self.errors["comment"])

        products = list_products(self._database)
        self.lines = PurchaseLinesModel(fmt, products, self)
        self.table = QTableView()
        self.table.setModel(self.lines)
        self.table.setItemDelegate(PurchaseLinesDelegate(products, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        # figures and headers whole in any language; the product takes the room left
        fit_columns(
            self.table,
            {QUANTITY: "00 000", UNIT_COST: MONEY_SAMPLE, DELIVERY: MONEY_SAMPLE,
             TOTAL: MONEY_SAMPLE, LANDED: MONEY_SAMPLE},
            stretch=PRODUCT,
        )  # fmt: skip
        self.add_button = QPushButton(self.tr("Add line"))
        self.remove_button = QPushButton(self.tr("Remove line"))
        line_buttons = QHBoxLayout()
        for button, slot in (
            (self.add_button, self.add_line),
            (self.remove_button, self.remove_line),
        ):
            button.clicked.connect(slot)
            line_buttons.addWidget(button)
        line_buttons.addStretch()

        totals = QHBoxLayout()
        self.total_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("units", self.tr("Units:")),
            ("goods", self.tr("Goods:")),
            ("delivery", self.tr("Delivery:")),
            ("total", self.tr("Total:")),
        ):
            self.total_labels[key] = QLabel()
            totals.addWidget(QLabel(caption))
            totals.addWidget(self.total_labels[key])
            totals.addSpacing(16)
        totals.addStretch()
        bold = self.total_labels["total"].font()
        bold.setBold(True)
        self.total_labels["total"].setFont(bold)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button = buttons.addButton(
            self.tr("Delete purchase…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setEnabled(self._purchase_id is not None)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(line_buttons)
        layout.addWidget(self.errors["lines"])
        layout.addLayout(totals)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)
        self.resize(self._first_size())

        self.date.dateChanged.connect(self._changed)
        self.supplier.supplierChanged.connect(self._changed)
        self.document.textChanged.connect(self._changed)
        self.delivery.textChanged.connect(self._delivery_changed)
        self.comment.textChanged.connect(self._changed)
        for signal in (self.lines.dataChanged, self.lines.rowsInserted, self.lines.rowsRemoved):
            signal.connect(self._lines_changed)
        self.lines.modelReset.connect(self._lines_changed)
        self._lines_changed()

    def _load(self, view: PurchaseView) -> None:
        self._loading = True
        when = self._formatter.date(view.date)
        self.setWindowTitle(self.tr("Purchase of %1").replace("%1", when))
        self.date.setDate(QDate(view.date.year, view.date.month, view.date.day))
        self.supplier.set_supplier(view.supplier_id, view.supplier)
        self.document.setText(view.document or "")
        self.comment.setPlainText(view.comment or "")
        if view.delivery_cost:
            self.delivery.setText(money_text(view.delivery_cost, self._formatter))
        self.lines.load(view.lines)
        self._loading = False

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        purchase_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> int | None:
        """The id of the purchase saved (or deleted) in the editor; None when nothing was
        written (tests monkeypatch this)."""
        editor = cls(database, formatter, purchase_id, parent, today)
        editor.exec()
        return editor.written

    # --- reading the form
    def purchase_id(self) -> int | None:
        return self._purchase_id

    def is_dirty(self) -> bool:
        return self._dirty

    def purchase_input(self) -> PurchaseInput:
        return PurchaseInput(
            date=python_date(self.date.date()),
            supplier_id=self.supplier.supplier_id(),
            supplier_name=self.supplier.supplier_name(),
            document=self.document.text(),
            comment=self.comment.toPlainText(),
            delivery_cost=self.delivery.text().strip() or None,
            lines=self.lines.line_inputs(),
        )

    # --- slots
    def add_line(self) -> None:
        row = self.lines.add_line()
        self.table.setCurrentIndex(self.lines.index(row, PRODUCT))

    def remove_line(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.lines.remove_line(current.row())

    def save(self) -> bool:
        """Save the purchase with its lines in one transaction and close; or say why not,
        under its field or on its line, and stay open with what was typed."""
        self._clear_errors()
        self.lines.remove_blank_lines()  # a line added and left empty is no line
        try:
            view = save_purchase(
                self._database, self.purchase_input(), self._purchase_id, self._today
            )
        except ValidationError as error:
            self._show_problems(error.problems)
            return False
        except LavkaError as error:
            self._show_error("general", error_text(error))
            return False
        self._purchase_id = self.written = view.id
        self._dirty = False
        self.saved.emit(view.id)
        self.accept()
        return True

    def delete(self) -> bool:
        """Remove the saved purchase after asking; closes the editor. True when deleted."""
        if self._purchase_id is None:
            return False
        when = self._formatter.date(python_date(self.date.date()))
        if not confirm_delete_purchase(self, when, self.supplier.supplier_name()):
            return False
        try:
            delete_purchase(self._database, self._purchase_id)
        except LavkaError as error:
            self._show_error("general", error_text(error))
            return False
        self.written, self._dirty = self._purchase_id, False
        self.deleted.emit(self._purchase_id)
        self.accept()
        return True

    def reject(self) -> None:
        if self._dirty and not DiscardPurchase.ask(self):
            return
        super().reject()

    def _delivery_changed(self) -> None:
        """The delivery spread again over the lines as it is typed (nothing while it does not
        read as money; Save says why)."""
        text = self.delivery.text().strip()
        try:
            delivery = parse_money(text, "delivery_cost", "Delivery cost") if text else Decimal(0)
        except ValidationError as error:
            self._show_error("delivery_cost", problem_text(error.problems[0]), replace=True)
            delivery = Decimal(0)
        else:
            self.errors["delivery_cost"].hide()
        self.lines.set_delivery(delivery)
        self._changed()

    def _lines_changed(self) -> None:
        goods, delivery, units = self.lines.totals()
        fmt = self._formatter
        self.total_labels["units"].setText(fmt.integer(units))
        self.total_labels["goods"].setText(fmt.money(goods))
        self.total_labels["delivery"].setText(fmt.money(delivery))
        self.total_labels["total"].setText(fmt.money(goods + delivery))
        self.remove_button.setEnabled(self.lines.rowCount() > 0)
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self._dirty = True

    # --- problems
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def _show_problems(self, problems: list[Problem]) -> None:
        """Each problem in words: a line's on its cell and under the lines ("Line 2: …"),
        a field's under the field."""
        self.lines.show_problems([p for p in problems if p.line is not None])
        for problem in problems:
            if problem.line is not None or problem.field == "lines":
                self._show_error("lines", problem_text(problem))
            else:
                key = problem.field if problem.field in self.errors else "general"
                self._show_error(key, problem_text(problem))

    def _show_error(self, key: str, message: str, replace: bool = False) -> None:
        label = self.errors[key]
        shown = label.isVisibleTo(self) and not replace
        label.setText(f"{label.text()}\n{message}" if shown else message)
        label.show()

    def _first_size(self) -> QSize:
        """Wide enough for every line's figures beside a product's name, on a screen that
        has the room (1280×720 has)."""
        header = self.table.horizontalHeader()
        figures = sum(header.sectionSize(c) for c in range(header.count()) if c != PRODUCT)
        wanted = QSize(max(820, figures + _PRODUCT_WIDTH + 80), 600)
        screen = self.screen()
        if screen is None:
            return wanted
        return wanted.boundedTo(screen.availableGeometry().size() - QSize(40, 80))
