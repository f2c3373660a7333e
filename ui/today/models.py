"""The Today section's tables: tasks, shipments to send, products below their minimum stock,
follow-ups, payments overdue, customers to call."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from services.follow_ups import FollowUpItem
from services.payments import Debtor
from services.stock import StockLevel
from services.tasks import TaskView
from services.today import CustomerDue, ShipmentDue
from ui.formatting import Formatter, contact_label
from ui.messages import segment_name
from ui.widgets.rows import RowsModel

_DISPLAY = Qt.ItemDataRole.DisplayRole


class TodayModel(RowsModel):
    """Rows of one Today list; each knows what a double-click opens."""

    STRETCH = 0  # the column that takes the width left over

    def target(self, row: int) -> tuple[str, int] | None:
        """("order" | "contact" | "product", id) that the row opens, or None."""
        raise NotImplementedError

    def late(self, item) -> bool:
        """Drawn in red: overdue."""
        return False

    def red(self, item, column: int) -> bool:
        return self.late(item)


class TasksModel(TodayModel):
    def __init__(self, formatter: Formatter, today: dt.date, parent=None) -> None:
        headers = (
            self.tr("Due"), self.tr("Time"), self.tr("Task"), self.tr("Customer"),
            self.tr("Order"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)
        self.today = today
        self.NUMBERS, self.STRETCH = (4,), 2

    def cells(self, task: TaskView) -> tuple[str, ...]:
        return (
            self._formatter.date(task.due_date),
            task.due_time.strftime("%H:%M") if task.due_time else "",
            task.title,
            contact_label(task.contact_name, task.contact_phone) if task.contact_name else "",
            "" if task.order_id is None else self._formatter.integer(task.order_id),
        )

    def late(self, task: TaskView) -> bool:
        return task.overdue(self.today)

    def target(self, row: int) -> tuple[str, int] | None:
        task: TaskView = self._rows[row]
        if task.order_id is not None:
            return "order", task.order_id
        if task.contact_id is not None:
            return "contact", task.contact_id
        return None


class ShipmentsModel(TodayModel):
    NUMBERS = (1, 4, 5, 6)
    STRETCH = 2

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("Date"), self.tr("Order"), self.tr("Customer"), self.tr("Product"),
            self.tr("Quantity"), self.tr("Amount"), self.tr("Days late"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)

    def cells(self, line: ShipmentDue) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            fmt.date(line.date),
            fmt.integer(line.order_id),
            contact_label(line.name, line.phone),
            line.product,
            fmt.integer(line.quantity),
            fmt.money(line.amount),
            fmt.integer(line.days_overdue) if line.days_overdue else "",
        )

    def late(self, line: ShipmentDue) -> bool:
        return line.days_overdue > 0

    def target(self, row: int) -> tuple[str, int]:
        return "order", self._rows[row].order_id


class BelowMinimumModel(TodayModel):
    """Products whose available stock is under their minimum: time to buy."""

    NUMBERS = (1, 2)
    STRETCH = 0

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Product"), self.tr("Available"), self.tr("Minimum"))
        super().__init__(formatter, headers, parent)

    def cells(self, level: StockLevel) -> tuple[str, ...]:
        fmt = self._formatter
        return (level.name, fmt.integer(level.available), fmt.integer(level.min_stock))

    def red(self, level: StockLevel, column: int) -> bool:
        return column == 1  # the figure under its minimum

    def target(self, row: int) -> tuple[str, int]:
        return "product", self._rows[row].product_id


class FollowUpsModel(TodayModel):
    NUMBERS = (0, 3, 4)
    STRETCH = 1

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("Order"), self.tr("Customer"), self.tr("Delivered"), self.tr("Amount"),
            self.tr("Days late"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)

    def cells(self, item: FollowUpItem) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            fmt.integer(item.order_id),
            contact_label(item.name, item.phone),
            fmt.date(item.shipped),
            fmt.money(item.amount),
            fmt.integer(item.days_overdue) if item.days_overdue else "",
        )

    def target(self, row: int) -> tuple[str, int]:
        return "contact", self._rows[row].contact_id


class PaymentsOverdueModel(TodayModel):
    """Customers with a payment overdue, the most overdue money first."""

    NUMBERS = (1, 2, 3, 4)
    STRETCH = 0

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("Customer"), self.tr("Orders"), self.tr("Owed"), self.tr("Overdue"),
            self.tr("Days overdue"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)

    def cells(self, debtor: Debtor) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            contact_label(debtor.name, debtor.phone),
            fmt.integer(debtor.orders),
            fmt.money(debtor.owed),
            fmt.money(debtor.overdue),
            fmt.integer(debtor.overdue_days),
        )

    def late(self, debtor: Debtor) -> bool:
        return debtor.overdue_days > 0

    def red(self, debtor: Debtor, column: int) -> bool:
        # only the money and the days overdue: a whole list of red rows reads as alarm
        return column in (3, 4) and self.late(debtor)

    def target(self, row: int) -> tuple[str, int]:
        return "contact", self._rows[row].contact_id


class CustomersModel(TodayModel):
    """Customers to call; the reorder list also says what they buy and for how much."""

    def __init__(self, formatter: Formatter, usual: bool, parent=None) -> None:
        headers = [
            self.tr("Customer"), self.tr("Segment"), self.tr("Buys every"),
            self.tr("Last purchase"),
        ]  # fmt: skip
        if usual:
            headers += [self.tr("Usually buys"), self.tr("Average check")]
        super().__init__(formatter, tuple(headers), parent)
        self._usual = usual
        self.NUMBERS = (2, 3, 5)

    def cells(self, customer: CustomerDue) -> tuple[str, ...]:
        fmt = self._formatter
        found = [
            contact_label(customer.name, customer.phone),
            segment_name(customer.segment),
            self.tr("%n day(s)", "", round(customer.cadence_days)),
            self.tr("%n day(s) ago", "", customer.days_since_last),
        ]
        if self._usual:
            found += [customer.usual_product or "", fmt.money(customer.average_check)]
        return tuple(found)

    def target(self, row: int) -> tuple[str, int]:
        return "contact", self._rows[row].contact_id
