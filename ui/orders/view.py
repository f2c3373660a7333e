"""The orders grid: paged, sorted and filtered in SQL; group totals; status changes in place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services import choices
from services.choices import StatusView
from services.errors import LavkaError
from services.order_list import (
    OrderFilter,
)
from services.orders import change_status, delete_order
from services.report import PRESETS, month_start
from services.storage import Database
from services.tables import Table
from ui.documents.menu import DocumentsMenu, DocumentsToolAction, OrderDocuments
from ui.formatting import Formatter, contact_label
from ui.messages import error_text
from ui.orders.columns import (
    CONTACT,
    COST,
    DATE,
    MARGIN,
    ORDER_COLUMNS,
    PROFIT,
    SORT_KEYS,
    STATUS,
    TAGS,
)
from ui.orders.loss_reason import LossReasonDialog
from ui.orders.models import (
    AVERAGE,
    CANCELLED,
    G_AMOUNT,
    G_MARGIN,
    G_PROFIT,
    GROUP,
    ORDERS,
    GroupsTableModel,
    OrdersTableModel,
)
from ui.orders.payment_dialog import PaymentDialog
from ui.orders.questions import confirm_delete_order
from ui.tags import TagDelegate, TagFilter
from ui.widgets.fields import python_date, qt_date
from ui.widgets.periods import CUSTOM, period_range
from ui.widgets.tables import (
    MONEY_SAMPLE,
    closed_columns,
    fit_columns,
    hide_columns,
    stretch_column,
    text_width,
)

# the widest content of each column (or pixels), so neither it nor its header is cut
_GRID_SAMPLES: dict[int, str | int] = {i: c.sample for i, c in enumerate(ORDER_COLUMNS)}
# The grid's columns before payments: a header layout remembered without its list of columns
# was saved with these, and the columns added since get their own width and visibility.
_FIRST_COLUMNS = ("number", "date", "contact", "phone", "status", "lines", "amount", "cost",
                  "profit", "margin")  # fmt: skip
_GROUP_SAMPLES: dict[int, str | int] = {
    GROUP: 300, ORDERS: "000 000", CANCELLED: "000 000", G_AMOUNT: MONEY_SAMPLE,
    G_PROFIT: MONEY_SAMPLE, G_MARGIN: "-100,0 %", AVERAGE: MONEY_SAMPLE,
}  # fmt: skip


def _cell(view: QWidget, *texts: str) -> int:
    return text_width(view, *texts) + 16


class ErrorMessage:
    """A refused change, said in plain words (tests monkeypatch `show`)."""

    @staticmethod
    def show(parent: QWidget | None, text: str) -> None:
        title = QCoreApplication.translate("OrdersView", "The status was not changed")
        QMessageBox.warning(parent, title, text)


def _quiet(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.blockSignals(True)


def _loud(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.blockSignals(False)


class OrdersView(QWidget):
    """The Orders section: a filter bar, the grid (or its group totals) and a status line."""

    orderActivated = Signal(int)
    dataChanged = Signal()

    def __init__(self, database: Database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self.today = dt.date.today  # a callable, so tests can fix the day the presets count from
        self._statuses: list[StatusView] = []
        self._contact_id: int | None = None
        # deals are scored for the same day (tests fix it by setting `today`)
        self.model = OrdersTableModel(database, formatter, self, today=lambda: self.today())
        self.groups = GroupsTableModel(database, formatter, self)

        self.period = QComboBox()
        presets = (
            self.tr("All time"),
            self.tr("This month"),
            self.tr("Last month"),
            self.tr("This quarter"),
            self.tr("This year"),
            self.tr("Last 12 months"),
            self.tr("Custom…"),
        )
        for key, text in zip((*PRESETS, CUSTOM), presets, strict=True):
            self.period.addItem(text, key)
        today = QDate.currentDate()
        self.date_from, self.date_to = QDateEdit(today.addDays(1 - today.day())), QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setVisible(False)
            edit.dateChanged.connect(self.apply_filter)
        self.status = QComboBox()
        # orders of the customers carrying any of the tags ticked
        self.tag_filter = TagFilter(database)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, phone, comment or №number…"))
        self.search.setClearButtonEnabled(True)
        self.group_by = QComboBox()
        groupings: tuple[tuple[str | None, str], ...] = (
            (None, self.tr("None")),
            ("contact", self.tr("Contact")),
            ("status", self.tr("Status")),
            ("month", self.tr("Month")),
        )
        for grouping, text in groupings:
            self.group_by.addItem(text, grouping)
        self.contact_chip = QPushButton()  # shows the contact filter; a click removes it
        self.contact_chip.setVisible(False)
        self.contact_chip.setToolTip(self.tr("Show the orders of every contact"))
        self.contact_chip.clicked.connect(self.clear_contact_filter)
        # the debtors list's orders: owing money, not cancelled, from the day payments began
        self.owing = QCheckBox(self.tr("Owes money"))
        self.owing.setToolTip(self.tr("Only the orders not fully paid (cancelled ones aside)"))
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(self.status)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.contact_chip)
        bar.addWidget(self.owing)
        bar.addWidget(QLabel(self.tr("Group by:")))
        bar.addWidget(self.group_by)

        # a manager or viewer on a server reads no cost (models/roles.py): no column of it
        self._closed = closed_columns(database, (COST, PROFIT, MARGIN))
        self._closed_groups = closed_columns(database, (G_PROFIT, G_MARGIN))
        self._group_worth = G_AMOUNT if self._closed else G_PROFIT  # the groups' first sort
        self.grid = self._table(self.model, _GRID_SAMPLES, CONTACT)
        header = self.grid.horizontalHeader()
        self._grid_widths = [header.sectionSize(c) for c in range(header.count())]
        self._column_defaults(range(len(ORDER_COLUMNS)))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_columns_menu)
        self.grid.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.grid.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.tag_delegate = TagDelegate(self.grid)
        self.grid.setItemDelegateForColumn(TAGS, self.tag_delegate)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._show_context_menu)
        self.grid.activated.connect(self._order_activated)  # double-click and Enter
        self.group_table = self._table(self.groups, _GROUP_SAMPLES, GROUP)
        self.group_table.horizontalHeader().setSortIndicator(
            self._group_worth, Qt.SortOrder.DescendingOrder
        )
        hide_columns(self.group_table, self._closed_groups)
        self.group_table.setSortingEnabled(True)
        self.group_table.activated.connect(self._group_activated)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.group_table)
        self.status_line = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_line)

        self.status_menu = QMenu(self.tr("Set status"), self)
        self.open_action = QAction(self.tr("Open order"), self)
        self.open_action.triggered.connect(lambda: self._order_activated(self.grid.currentIndex()))
        self.status_action = self.status_menu.menuAction()
        self.payment_action = QAction(self.tr("Payment received…"), self)
        self.payment_action.triggered.connect(self.record_payment)
        self.delete_action = QAction(self.tr("Delete order…"), self)
        self.delete_action.triggered.connect(self.delete_order)
        # the current order's invoice, delivery note or receipt ("Documents ▾")
        self.documents = OrderDocuments(
            database, formatter, self, self.current_order_id, today=lambda: self.today()
        )
        self.documents_menu = DocumentsMenu(self.documents, self)
        self.documents_action = DocumentsToolAction(self.documents_menu, self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)  # one query when typing pauses, not one per keystroke
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.tag_filter.changed.connect(lambda _ids: self.apply_filter())
        self.owing.toggled.connect(self.apply_filter)
        self.group_by.currentIndexChanged.connect(self.apply_filter)
        self.grid.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_status_line)
        self.model.modelReset.connect(self._update_actions)
        self.model.rowsInserted.connect(self._update_status_line)
        self.model.dataChanged.connect(self._update_status_line)
        self.groups.modelReset.connect(self._update_status_line)
        self.groups.rowsInserted.connect(self._update_status_line)
        self._load_statuses()
        names = [status.name for status in self._statuses]
        self.grid.setColumnWidth(
            STATUS, max(self.grid.columnWidth(STATUS), _cell(self.grid, *names))
        )
        self._update_status_line()
        self._update_actions()

    def _table(
        self, model: QAbstractTableModel, samples: dict[int, str | int], stretch: int
    ) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setWordWrap(False)  # one line per order; a long name is elided, not wrapped
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # figures and headers whole in any language; the name takes the room left
        fit_columns(table, samples, stretch)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionsMovable(True)
        return table

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.open_action, self.status_action, self.payment_action, self.documents_action]

    def export_table(self) -> Table:
        """The grid on screen: the group totals when grouped, else every filtered order."""
        from ui.exchange.export import as_shown

        if self.group_by.currentData():
            return as_shown(self.groups.export_table(), self.group_table.horizontalHeader())
        return as_shown(self.model.export_table(), self.grid.horizontalHeader())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        self._load_statuses()
        self.tag_filter.reload()  # a tag deleted meanwhile leaves the filter (and re-applies it)
        if self.group_by.currentData():
            self.groups.load(self.group_by.currentData(), self.current_filter())
        else:
            self.model.reload()
        self._update_actions()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("orders/grid_header", self.grid.horizontalHeader().saveState())
        settings.setValue("orders/grid_columns", list(SORT_KEYS))
        settings.setValue("orders/groups_header", self.group_table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, table in (("grid", self.grid), ("groups", self.group_table)):
            state = settings.value(f"orders/{key}_header")
            if isinstance(state, QByteArray) and not state.isEmpty():
                table.horizontalHeader().restoreState(state)  # the sort comes back too
                if table is self.grid:
                    stored = settings.value("orders/grid_columns", list(_FIRST_COLUMNS))
                    # one key comes back from an INI file as a string, more as a list
                    if isinstance(stored, str):
                        stored = [stored]
                    assert isinstance(stored, list)
                    known = list(stored)
                    new = [i for i, c in enumerate(ORDER_COLUMNS) if c.key not in known]
                    if "class" not in known:  # Cost gave its room to Class when it came
                        new.append(COST)
                    self._column_defaults(new)
        stretch_column(self.grid, CONTACT)
        stretch_column(self.group_table, GROUP)
        hide_columns(self.grid, self._closed)
        hide_columns(self.group_table, self._closed_groups)

    # --- the grid's columns
    def columns_menu(self) -> QMenu:
        """The grid's columns to tick on or off (remembered with the header's layout)."""
        menu = QMenu(self.tr("Columns"), self)
        header = self.grid.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column in self._closed:
                continue
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        shown = [action for action in menu.actions() if action.isChecked()]
        if len(shown) == 1:
            shown[0].setEnabled(False)  # one column stays
        return menu

    def show_column(self, column: int, shown: bool = True) -> None:
        header = self.grid.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) < self._grid_widths[column] // 2:
            header.resizeSection(column, self._grid_widths[column])

    def _column_defaults(self, columns) -> None:
        """Columns new to a remembered layout (or to a first start): their own width, and
        shown or not as their definition says."""
        header = self.grid.horizontalHeader()
        for column in columns:
            if column != CONTACT:  # the contact takes the room left
                header.resizeSection(column, self._grid_widths[column])
            hidden = not ORDER_COLUMNS[column].shown_by_default or column in self._closed
            header.setSectionHidden(column, hidden)

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A click on a column that does not sort (Tags) leaves the arrow where the sort is."""
        if not 0 <= column < len(ORDER_COLUMNS) or ORDER_COLUMNS[column].sortable:
            return
        key, descending = self.model.sort_key
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.grid.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(SORT_KEYS.index(key), order)
        header.blockSignals(False)

    def _show_columns_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu()
        menu.exec(self.grid.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    # --- filtering and grouping
    def current_filter(self) -> OrderFilter:
        preset = self.period.currentData()
        date_from: dt.date | None
        date_to: dt.date | None
        if preset == CUSTOM:
            date_from, date_to = (
                python_date(self.date_from.date()),
                python_date(self.date_to.date()),
            )
        else:
            date_from, date_to = period_range(preset, self.today())
        status = self.status.currentData()
        return OrderFilter(
            date_from=date_from,
            date_to=date_to,
            status_ids=() if status is None else (status,),
            contact_id=self._contact_id,
            text=self.search.text().strip(),
            owing=self.owing.isChecked(),
            tag_ids=tuple(self.tag_filter.selected_ids()),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        grouping = self.group_by.currentData()
        if grouping:
            sort = None
            if grouping != self.groups.grouping:  # months read in time order, others by worth
                sort = (GROUP if grouping == "month" else self._group_worth, True)
                header = self.group_table.horizontalHeader()
                _quiet(header)  # the sort comes with the groups: one query, not two
                header.setSortIndicator(sort[0], Qt.SortOrder.DescendingOrder)
                _loud(header)
            self.groups.load(grouping, self.current_filter(), sort)
            self.stack.setCurrentWidget(self.group_table)
        else:
            self.model.setFilter(self.current_filter())
            self.stack.setCurrentWidget(self.grid)
        self._update_actions()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.apply_filter()

    def set_contact_filter(self, contact_id: int | None, label: str = "") -> None:
        self._contact_id = contact_id
        self.contact_chip.setText(self.tr("%1 ✕").replace("%1", label))
        self.contact_chip.setVisible(contact_id is not None)
        self.apply_filter()

    def clear_contact_filter(self) -> None:
        self.set_contact_filter(None)

    def _group_activated(self, index: QModelIndex) -> None:
        """A group opens as the plain grid filtered to it: contact, status or month."""
        if not index.isValid():
            return
        group, grouping = self.groups.group(index.row()), self.groups.grouping
        _quiet(self.group_by, self.status, self.period, self.date_from, self.date_to)
        self.group_by.setCurrentIndex(0)
        if grouping == "status":
            self.status.setCurrentIndex(max(0, self.status.findData(int(group.key))))
        elif grouping == "month":
            start = dt.date.fromisoformat(f"{group.key}-01")
            self.period.setCurrentIndex(self.period.findData(CUSTOM))
            self.date_from.setDate(qt_date(start))
            self.date_to.setDate(qt_date(month_start(start, -1) - dt.timedelta(days=1)))
            self.date_from.setVisible(True)
            self.date_to.setVisible(True)
        _loud(self.group_by, self.status, self.period, self.date_from, self.date_to)
        if grouping == "contact":
            self.set_contact_filter(int(group.key), contact_label(group.label, group.phone))
        else:
            self.apply_filter()

    def _load_statuses(self) -> None:
        with self._database.session() as session:
            self._statuses = choices.statuses(session)
        chosen = self.status.currentData()
        _quiet(self.status)
        self.status.clear()
        self.status.addItem(self.tr("All statuses"), None)
        for status in self._statuses:
            self.status.addItem(status.name, status.id)
        self.status.setCurrentIndex(max(0, self.status.findData(chosen)))
        _loud(self.status)
        self.status_menu.clear()
        for status in self._statuses:
            action = self.status_menu.addAction(status.name)
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))

    def _update_status_line(self) -> None:
        if self.group_by.currentData():
            self.status_line.setText(self.tr("%n group(s)", "", self.groups.total))
        else:
            self.status_line.setText(self.tr("%n order(s)", "", self.model.total))

    def _update_actions(self) -> None:
        on_order = self.stack.currentWidget() is self.grid and self.grid.currentIndex().isValid()
        self.open_action.setEnabled(on_order)
        self.status_action.setEnabled(on_order)
        row = self.grid.currentIndex().row()
        # a cancelled order takes no payments
        payable = on_order and not self.model.order_row(row).cancelled
        self.payment_action.setEnabled(payable)
        self.delete_action.setEnabled(on_order)
        self.documents_action.setEnabled(on_order)

    # --- acting on an order
    def current_order_id(self) -> int | None:
        """The order chosen in the grid (None while the group totals are shown)."""
        index = self.grid.currentIndex()
        if self.stack.currentWidget() is not self.grid or not index.isValid():
            return None
        return self.model.order_id(index.row())

    def _order_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.orderActivated.emit(self.model.order_id(index.row()))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addMenu(self.status_menu)
        menu.addAction(self.payment_action)
        menu.addMenu(self.documents_menu)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        self.grid.setCurrentIndex(index)
        menu = self.context_menu()
        menu.exec(self.grid.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def set_status(self, status: StatusView) -> bool:
        """Move the current order to `status`; a lost one asks why first. True when written."""
        index = self.grid.currentIndex()
        if not index.isValid():
            return False
        reason_id = note = None
        if status.is_lost:
            with self._database.session() as session:
                reasons = choices.loss_reasons(session)
            answer = LossReasonDialog.ask(self, reasons)
            if answer is None:
                return False
            reason_id, note = answer
        try:
            change_status(
                self._database, self.model.order_id(index.row()), status.id, reason_id, note
            )
        except LavkaError as error:
            ErrorMessage.show(self, error_text(error))
            return False
        self.model.reload()
        self._update_actions()
        self.dataChanged.emit()
        return True

    def delete_order(self) -> bool:
        """Remove the current order after asking (it can only be cancelled otherwise). True
        when deleted."""
        index = self.grid.currentIndex()
        if not index.isValid():
            return False
        order_id = self.model.order_id(index.row())
        if not confirm_delete_order(self, order_id):
            return False
        try:
            delete_order(self._database, order_id)
        except LavkaError as error:
            ErrorMessage.show(self, error_text(error))
            return False
        self.model.reload()
        self._update_actions()
        self.dataChanged.emit()
        return True

    def record_payment(self) -> bool:
        """Money received for the current order: the payment dialog, the balance pre-filled;
        then the row shows the new paid and balance. True when a payment was recorded."""
        index = self.grid.currentIndex()
        if not index.isValid():
            return False
        order_id = self.model.order_id(index.row())
        recorded = PaymentDialog.ask(
            self._database, self._formatter, order_id, self, today=self.today()
        )
        if recorded is None:
            return False
        self.model.reload()
        self._update_actions()
        self.dataChanged.emit()
        return True
