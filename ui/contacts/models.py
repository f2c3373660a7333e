"""The Contacts section's tables: the search results, a customer's orders, their activity and
a company's people."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

from services.contacts import PersonView
from services.order_list import OrderRow
from services.segments import ContactSegment
from services.tables import Kind, Row, Table, grid_table
from services.timeline import TimelineEntry
from ui.formatting import EMPTY, Formatter
from ui.messages import segment_name
from ui.widgets.rows import RowsModel
from ui.widgets.style import NEGATIVE, RIGHT

_ARCHIVED = QColor("#808080")
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ContactListModel(RowsModel):
    """The search results: name (a company with its icon, a person with the company they
    work at), formatted phone and lifecycle segment; archived greyed."""

    NAME, PHONE, SEGMENT = range(3)
    SORTS = ("name", "phone", "segment")  # the service's sort key of each column

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Name"), self.tr("Phone"), self.tr("Segment"))
        super().__init__(formatter, headers, parent)
        self._company_icon = QIcon()

    def set_company_icon(self, icon: QIcon) -> None:
        self._company_icon = icon

    def export_table(self, rows: Callable[[], Iterable[Row]]) -> Table:
        """The list's columns and the tags over `rows`: the search again, without the list's
        limit."""
        kinds = (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT)
        headers = (*self._headers, self.tr("Tags"))
        return grid_table(self.tr("Contacts"), headers, kinds, rows)

    def export_row(self, contact: ContactSegment) -> Row:
        name = contact.name
        if contact.company:
            name = self.tr("%1 (%2)").replace("%1", contact.name).replace("%2", contact.company)
        # a shop's person who bought nothing of their own has no segment: the shop has
        segment = segment_name(contact.segment) if contact.customer else EMPTY
        return name, Formatter.phone(contact.phone), segment, ", ".join(contact.tags)

    def contact_id(self, row: int) -> int:
        return self._rows[row].contact_id

    def row_of(self, contact_id: int) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.contact_id == contact_id), None)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        contact: ContactSegment = self._rows[index.row()]
        if role == _DISPLAY:
            return self.export_row(contact)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and contact.archived:
            return _ARCHIVED
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.column() == self.NAME
            and contact.kind == "company"
        ):
            return self._company_icon
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NAME:
            if contact.kind == "company":
                return self.tr("A company")
            if contact.company:
                return self.tr("Works at %1").replace("%1", contact.company)
        if role == Qt.ItemDataRole.UserRole:
            return contact.contact_id
        return None


class ContactOrdersModel(RowsModel):
    """One customer's orders: No., date, status, amount, profit, margin; what an order still
    owes in its tooltip (a column more would squeeze the status out of the card)."""

    NUMBER, DATE, STATUS, AMOUNT, PROFIT, MARGIN = range(6)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("No."), self.tr("Date"), self.tr("Status"),
            self.tr("Amount"), self.tr("Profit"), self.tr("Margin"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)

    def order_id(self, row: int) -> int:
        return self._rows[row].id

    def order(self, row: int) -> OrderRow:
        return self._rows[row]

    def row_of(self, order_id: int) -> int | None:
        return next((i for i, o in enumerate(self._rows) if o.id == order_id), None)

    def balance_text(self, order: OrderRow) -> str:
        """`Paid 1 000,00 ₽ · balance 2 501,00 ₽`: what the order still owes, or gives back."""
        fmt = self._formatter
        if order.balance < 0 and order.cancelled:
            owes = self.tr("refund due %1").replace("%1", fmt.money(-order.balance))
        else:
            owes = self.tr("balance %1").replace("%1", fmt.money(order.balance))
        return self.tr("Paid %1 · %2").replace("%1", fmt.money(order.paid)).replace("%2", owes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        order: OrderRow = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            fmt, figures = self._formatter, order.figures
            return (
                fmt.integer(order.id),
                fmt.date(order.date),
                order.status,
                fmt.money(figures.amount),
                fmt.money(figures.profit),
                fmt.percent(figures.margin),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.STATUS:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROFIT:
            return NEGATIVE if order.figures.profit < 0 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.balance_text(order)
        if role == Qt.ItemDataRole.UserRole:
            return order.id
        return None


class ActivityModel(RowsModel):
    """Date and what happened; an order's line in red when it was lost."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(formatter, (self.tr("Date"), self.tr("What happened")), parent)

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        entry: TimelineEntry = self._rows[index.row()]
        if role == _DISPLAY:
            return self._formatter.date(entry.day) if index.column() == 0 else self.text(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.status_role == "lost":
            return NEGATIVE
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return self.text(entry)
        return None

    def text(self, entry: TimelineEntry) -> str:
        fmt = self._formatter
        number = fmt.integer(entry.order_id) if entry.order_id is not None else ""
        if entry.kind == "order":
            return (
                self.tr("Order No. %1 · %2 · %3")
                .replace("%1", number)
                .replace("%2", entry.status or "")
                .replace("%3", fmt.money(entry.amount))
            )
        if entry.kind == "task":
            return self.tr("Done: %1").replace("%1", entry.text or "")
        if entry.kind == "follow_up":
            if entry.status == "done":
                return self.tr("Asked how order No. %1 went").replace("%1", number)
            return self.tr("Follow-up of order No. %1 dismissed").replace("%1", number)
        if entry.order_id is not None:
            return (
                self.tr("About order No. %1: %2")
                .replace("%1", number)
                .replace("%2", entry.text or "")
            )
        return entry.text or ""


class PeopleModel(RowsModel):
    """A company card's People tab: who works there, with their phones and e-mails."""

    NAME, JOB_TITLE, PHONE, EMAIL = range(4)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Name"), self.tr("Job title"), self.tr("Phone"), self.tr("E-mail"))
        super().__init__(formatter, headers, parent)

    def cells(self, item: PersonView) -> tuple[str, ...]:
        name = item.name if not item.archived else self.tr("%1 (archived)").replace("%1", item.name)
        return name, item.job_title or "", Formatter.phone(item.phone), item.email or ""

    def person_id(self, row: int) -> int:
        return self._rows[row].id
