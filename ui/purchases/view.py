"""The Purchases section: a tab of purchases (the batches stock and cost come from) and a tab
of expenses, over one period and one search."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError
from services.expenses import delete_expense, list_expenses
from services.purchases import delete_purchase, list_purchases
from services.report import PRESETS
from services.storage import Database
from services.tables import Table
from ui.formatting import Formatter
from ui.messages import error_text
from ui.purchases.editor import PurchaseEditor, confirm_delete_purchase
from ui.purchases.expense_dialog import ExpenseDialog
from ui.purchases.models import (
    DATE,
    E_COMMENT,
    E_DATE,
    EXPENSE_SAMPLES,
    PRODUCTS,
    PURCHASE_SAMPLES,
    ExpensesModel,
    PurchasesModel,
    SortedRows,
)
from ui.purchases.names import category_name
from ui.widgets.confirm import Confirm
from ui.widgets.periods import period_range
from ui.widgets.tables import fit_columns, read_only_rows, stretch_column

PURCHASES_TAB, EXPENSES_TAB = 0, 1


class ErrorMessage:
    """A refused delete, said in plain words (tests monkeypatch `show`)."""

    @staticmethod
    def show(parent: QWidget | None, text: str) -> None:
        title = QCoreApplication.translate("PurchasesView", "Nothing was deleted")
        QMessageBox.warning(parent, title, text)


class PurchasesView(QWidget):
    """Purchases and expenses over a period preset, found by a text; New purchase, Edit,
    Delete, New expense."""

    dataChanged = Signal()

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: dt.date | None = None,
        lazy: bool = False,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        # lazy: while hidden, a refresh only marks the lists stale; they load when shown
        self._lazy, self._stale = lazy, False
        self.period = QComboBox()
        labels = (
            self.tr("All time"), self.tr("This month"), self.tr("Last month"),
            self.tr("This quarter"), self.tr("This year"), self.tr("Last 12 months"),
        )  # fmt: skip
        for preset, label in zip(PRESETS, labels, strict=True):
            self.period.addItem(label, preset)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.new_purchase_button = QPushButton(self.tr("New purchase"))
        self.new_expense_button = QPushButton(self.tr("New expense"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_purchase_button)
        bar.addWidget(self.new_expense_button)

        self.purchases = PurchasesModel(formatter, self)
        self.purchase_table = self._table(self.purchases, PURCHASE_SAMPLES, PRODUCTS, DATE)
        self.expenses = ExpensesModel(formatter, self)
        self.expense_table = self._table(self.expenses, EXPENSE_SAMPLES, E_COMMENT, E_DATE)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.purchase_table, self.tr("Purchases"))
        self.tabs.addTab(self.expense_table, self.tr("Expenses"))
        self.status_line = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)

        self.new_purchase_action = QAction(self.tr("New purchase"), self)
        self.edit_action = QAction(self.tr("Edit"), self)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.new_expense_action = QAction(self.tr("New expense"), self)
        for trigger in (self.new_purchase_button.clicked, self.new_purchase_action.triggered):
            trigger.connect(self.new_purchase)
        for trigger in (self.new_expense_button.clicked, self.new_expense_action.triggered):
            trigger.connect(self.new_expense)
        self.edit_action.triggered.connect(lambda: self.edit_current())
        self.delete_action.triggered.connect(lambda: self.delete_current())
        for table in (self.purchase_table, self.expense_table):
            table.activated.connect(self._row_activated)  # double-click and Enter
            table.selectionModel().selectionChanged.connect(self._update_actions)
            table.model().modelReset.connect(self._update_actions)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)  # one query when typing pauses, not one per keystroke
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.period.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed()
        self.refresh()

    def _table(
        self, model: QAbstractItemModel, samples: dict, stretch: int, newest: int
    ) -> QTableView:
        table = QTableView()
        table.setModel(model)
        read_only_rows(table)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionsMovable(True)
        # figures and headers whole in any language; the products or comment take the rest
        fit_columns(table, samples, stretch=stretch)
        table.setSortingEnabled(True)
        table.sortByColumn(newest, Qt.SortOrder.DescendingOrder)
        return table

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.new_purchase_action, self.edit_action, self.delete_action,
                self.new_expense_action]  # fmt: skip

    def export_table(self) -> Table:
        """The tab on screen, as filtered and sorted, its columns as arranged."""
        from ui.exchange.export import as_shown

        table = self.current_table()
        return as_shown(self._model(table).export_table(), table.horizontalHeader())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        """Reload both lists for the period and the search; the chosen rows stay chosen."""
        self._debounce.stop()
        if self._lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        start, end = period_range(self.period.currentData(), self.today())
        text = self.search.text().strip() or None
        chosen = (self.current_id(self.purchase_table), self.current_id(self.expense_table))
        self.purchases.set_rows(list_purchases(self._database, start, end, text))
        self.expenses.set_rows(list_expenses(self._database, start, end, text))
        for table, item_id in zip((self.purchase_table, self.expense_table), chosen, strict=True):
            if item_id is not None:
                self._select(table, item_id)
        self._update_status_line()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(
            "purchases/purchases_header", self.purchase_table.horizontalHeader().saveState()
        )
        settings.setValue(
            "purchases/expenses_header", self.expense_table.horizontalHeader().saveState()
        )
        settings.setValue("purchases/period", self.period.currentData())
        settings.setValue("purchases/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        for key, table, stretch in (
            ("purchases", self.purchase_table, PRODUCTS),
            ("expenses", self.expense_table, E_COMMENT),
        ):
            state = settings.value(f"purchases/{key}_header")
            if isinstance(state, QByteArray) and not state.isEmpty():
                table.horizontalHeader().restoreState(state)  # the sort comes back too
                stretch_column(table, stretch)
        found = self.period.findData(settings.value("purchases/period", "all"))
        if found >= 0:
            self.period.setCurrentIndex(found)
        tab = settings.value("purchases/tab", PURCHASES_TAB)
        self.tabs.setCurrentIndex(int(str(tab)) if str(tab).isdigit() else PURCHASES_TAB)

    # --- the rows
    def current_table(self) -> QTableView:
        return (
            self.expense_table if self.tabs.currentIndex() == EXPENSES_TAB else self.purchase_table
        )

    def current_id(self, table: QTableView | None = None) -> int | None:
        table = table or self.current_table()
        rows = table.selectionModel().selectedRows()
        return self._model(table).item_id(rows[0].row()) if rows else None

    def select_purchase(self, purchase_id: int) -> None:
        self.tabs.setCurrentIndex(PURCHASES_TAB)
        self._select(self.purchase_table, purchase_id)

    def select_expense(self, expense_id: int) -> None:
        self.tabs.setCurrentIndex(EXPENSES_TAB)
        self._select(self.expense_table, expense_id)

    # --- writing
    def new_purchase(self) -> bool:
        written = PurchaseEditor.ask(self._database, self._formatter, None, self, self.today())
        return self._after_write(written, self.select_purchase)

    def edit_purchase(self, purchase_id: int) -> bool:
        written = PurchaseEditor.ask(
            self._database, self._formatter, purchase_id, self, self.today()
        )
        return self._after_write(written, self.select_purchase)

    def new_expense(self) -> bool:
        saved = ExpenseDialog.ask(self._database, self._formatter, None, self, self.today())
        return self._after_write(saved.id if saved else None, self.select_expense)

    def edit_expense(self, expense_id: int) -> bool:
        saved = ExpenseDialog.ask(self._database, self._formatter, expense_id, self, self.today())
        return self._after_write(saved.id if saved else None, self.select_expense)

    def edit_current(self) -> bool:
        item_id = self.current_id()
        if item_id is None:
            return False
        if self.current_table() is self.expense_table:
            return self.edit_expense(item_id)
        return self.edit_purchase(item_id)

    def delete_current(self) -> bool:
        """Remove the chosen purchase or expense, after asking. True when deleted."""
        table = self.current_table()
        rows = table.selectionModel().selectedRows()
        if not rows:
            return False
        item = self._model(table).item(rows[0].row())
        when = self._formatter.date(item.date)
        try:
            if table is self.purchase_table:
                if not confirm_delete_purchase(self, when, item.supplier):
                    return False
                delete_purchase(self._database, item.id)
            else:
                if not self._confirm_delete_expense(item):
                    return False
                delete_expense(self._database, item.id)
        except LavkaError as error:
            ErrorMessage.show(self, error_text(error))
            return False
        self.refresh()
        self.dataChanged.emit()
        return True

    def _confirm_delete_expense(self, item) -> bool:
        question = self.tr("Delete the expense of %1: %2, %3?")
        for marker, part in (
            ("%1", self._formatter.date(item.date)),
            ("%2", category_name(item.category)),
            ("%3", self._formatter.money(item.amount)),
        ):
            question = question.replace(marker, part)
        return Confirm.ask(self, self.tr("Delete expense"), question)

    def _after_write(self, written: int | None, select) -> bool:
        if written is None:
            return False
        self.refresh()
        select(written)
        self.dataChanged.emit()
        return True

    # --- inside
    @staticmethod
    def _model(table: QTableView) -> SortedRows:
        model = table.model()
        assert isinstance(model, SortedRows)
        return model

    def _select(self, table: QTableView, item_id: int) -> None:
        row = self._model(table).row_of(item_id)
        if row is not None:
            table.selectRow(row)
            table.scrollTo(table.model().index(row, 0))

    def _row_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.model() is self.expenses:
            self.edit_expense(self.expenses.item_id(index.row()))
        else:
            self.edit_purchase(self.purchases.item_id(index.row()))

    def _tab_changed(self) -> None:
        expenses = self.tabs.currentIndex() == EXPENSES_TAB
        self.search.setPlaceholderText(
            self.tr("Comment or channel…")
            if expenses
            else self.tr("Supplier, document, product or comment…")
        )
        self._update_actions()
        self._update_status_line()

    def _update_actions(self) -> None:
        chosen = bool(self.current_table().selectionModel().selectedRows())
        self.edit_action.setEnabled(chosen)
        self.delete_action.setEnabled(chosen)

    def _update_status_line(self) -> None:
        fmt = self._formatter
        if self.tabs.currentIndex() == EXPENSES_TAB:
            rows = self.expenses.export_rows()
            text = self.tr("%n expense(s)", "", len(rows))
            total = sum((row.amount for row in rows), start=Decimal(0))
        else:
            rows = self.purchases.export_rows()
            text = self.tr("%n purchase(s)", "", len(rows))
            total = sum((row.total for row in rows), start=Decimal(0))
        self.status_line.setText(
            self.tr("%1 · %2 in all").replace("%1", text).replace("%2", fmt.money(total))
        )
