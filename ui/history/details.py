"""What one history entry changed, in words: "Order line No. 12: Quantity 2 → 3", "Order No. 5
created", "Contact #4 deleted (Name: Анна)"; the columns a person would not recognise left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit

from services import choices
from services.history import RowChange, entry_rows
from services.messages import TABLE_LABELS
from services.products import list_products
from services.storage import Database
from ui.formatting import EMPTY, Formatter
from ui.messages import QT_TRANSLATE_NOOP, window_translate

FIELDS = "Fields"  # the context of the labels below and of TABLE_LABELS

# The logged columns a person recognises, as the window names them.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "channel_id": QT_TRANSLATE_NOOP("Fields", "Channel"),
    "archived": QT_TRANSLATE_NOOP("Fields", "Archived"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "company_id": QT_TRANSLATE_NOOP("Fields", "Company"),
    "job_title": QT_TRANSLATE_NOOP("Fields", "Job title"),
    "legal_name": QT_TRANSLATE_NOOP("Fields", "Legal name"),
    "tax_id": QT_TRANSLATE_NOOP("Fields", "INN"),
    "phone_label": QT_TRANSLATE_NOOP("Fields", "Label"),
    "email_label": QT_TRANSLATE_NOOP("Fields", "Label"),
    "label": QT_TRANSLATE_NOOP("Fields", "Label"),
    "payment_terms_days": QT_TRANSLATE_NOOP("Fields", "Payment terms, days"),
    "date": QT_TRANSLATE_NOOP("Fields", "Date"),
    "day": QT_TRANSLATE_NOOP("Fields", "Date"),
    "status_id": QT_TRANSLATE_NOOP("Fields", "Status"),
    "contact_id": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "person_id": QT_TRANSLATE_NOOP("Fields", "Ordered by"),
    "comment": QT_TRANSLATE_NOOP("Fields", "Comment"),
    "loss_reason_id": QT_TRANSLATE_NOOP("Fields", "Loss reason"),
    "loss_note": QT_TRANSLATE_NOOP("Fields", "Loss note"),
    "payment_due": QT_TRANSLATE_NOOP("Fields", "Payment due"),
    "expected_amount": QT_TRANSLATE_NOOP("Fields", "Expected amount"),
    "order_id": QT_TRANSLATE_NOOP("Fields", "Order"),
    "product_id": QT_TRANSLATE_NOOP("Fields", "Product"),
    "quantity": QT_TRANSLATE_NOOP("Fields", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("Fields", "Unit price"),
    "unit_cost": QT_TRANSLATE_NOOP("Fields", "Unit cost"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
    "method": QT_TRANSLATE_NOOP("Fields", "Method"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "sku": QT_TRANSLATE_NOOP("Fields", "SKU"),
    "default_price": QT_TRANSLATE_NOOP("Fields", "Default price"),
    "default_cost": QT_TRANSLATE_NOOP("Fields", "Default cost"),
    "active": QT_TRANSLATE_NOOP("Fields", "Active"),
    "min_stock": QT_TRANSLATE_NOOP("Fields", "Minimum stock"),
    "role": QT_TRANSLATE_NOOP("Fields", "Role"),
    "score_modifier": QT_TRANSLATE_NOOP("Fields", "Modifier, %"),
    "colour": QT_TRANSLATE_NOOP("Fields", "Colour"),
    "tag_id": QT_TRANSLATE_NOOP("Fields", "Tag"),
    "snoozed_until": QT_TRANSLATE_NOOP("Fields", "Put off until"),
    "not_interested_through": QT_TRANSLATE_NOOP("Fields", "Not interested through"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "due_date": QT_TRANSLATE_NOOP("Fields", "Due date"),
    "due_time": QT_TRANSLATE_NOOP("Fields", "Due time"),
    "done": QT_TRANSLATE_NOOP("Fields", "Done"),
    "done_at": QT_TRANSLATE_NOOP("Fields", "Done at"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "state": QT_TRANSLATE_NOOP("Fields", "State"),
    "resolved_on": QT_TRANSLATE_NOOP("Fields", "Resolved on"),
    "imported_at": QT_TRANSLATE_NOOP("Fields", "Imported at"),
    "entered_on": QT_TRANSLATE_NOOP("Fields", "Entered on"),
    "year": QT_TRANSLATE_NOOP("Fields", "Year"),
    "number": QT_TRANSLATE_NOOP("Fields", "Number"),
    "supplier_id": QT_TRANSLATE_NOOP("Fields", "Supplier"),
    "supplier_name": QT_TRANSLATE_NOOP("Fields", "Supplier"),
    "document": QT_TRANSLATE_NOOP("Fields", "Document"),
    "delivery_cost": QT_TRANSLATE_NOOP("Fields", "Delivery cost"),
    "purchase_id": QT_TRANSLATE_NOOP("Fields", "Purchase"),
    "delivery_share": QT_TRANSLATE_NOOP("Fields", "Delivery share"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "category": QT_TRANSLATE_NOOP("Fields", "Category"),
}
# Kept by the program, not typed by a person: left out of the details.
HIDDEN = frozenset(
    {
        "name_key", "position", "created_at", "updated_at", "fingerprint", "content",
        "source_digest", "order_digest", "peak_class", "key", "code",
    }
)  # fmt: skip
MONEY = frozenset(
    {"unit_price", "unit_cost", "amount", "default_price", "default_cost", "expected_amount",
     "delivery_cost", "delivery_share"}
)  # fmt: skip
YES_NO = frozenset({"archived", "active", "done"})
# Records named by their number, as a person quotes it ("Order No. 5"); the others by "#4".
NUMBERED = frozenset({"orders", "shipments", "purchases", "documents"})
CONTEXT = "HistoryDetails"
NUMBERED_RECORD = QT_TRANSLATE_NOOP("HistoryDetails", "%1 No. %2")
RECORD = QT_TRANSLATE_NOOP("HistoryDetails", "%1 #%2")
CREATED = QT_TRANSLATE_NOOP("HistoryDetails", "%1 created")
DELETED = QT_TRANSLATE_NOOP("HistoryDetails", "%1 deleted")
YES = QT_TRANSLATE_NOOP("HistoryDetails", "yes")
NO = QT_TRANSLATE_NOOP("HistoryDetails", "no")


class Names:
    """The names of statuses, channels, loss reasons and products for the ids a row holds,
    read once when first needed."""

    COLUMNS = ("status_id", "channel_id", "loss_reason_id", "product_id")

    def __init__(self, database: Database) -> None:
        self._database = database
        self._names: dict[str, dict[int, str]] | None = None

    def forget(self) -> None:
        self._names = None

    def name(self, column: str, value: Any) -> str | None:
        if column not in self.COLUMNS or not isinstance(value, int):
            return None
        if self._names is None:
            self._names = self._read()
        return self._names[column].get(value)

    def _read(self) -> dict[str, dict[int, str]]:
        with self._database.session() as session:
            statuses = {s.id: s.name for s in choices.statuses(session)}
            channels = {c.id: c.name for c in choices.channels(session, include_inactive=True)}
            reasons = {r.id: r.name for r in choices.loss_reasons(session)}
        products = {p.id: p.name for p in list_products(self._database, include_inactive=True)}
        return {
            "status_id": statuses,
            "channel_id": channels,
            "loss_reason_id": reasons,
            "product_id": products,
        }


def _window(context: str, text: str) -> str:
    return window_translate(context, text)


class Describer:
    """Row changes in words, in the window's language and the locale's figures."""

    def __init__(
        self,
        formatter: Formatter,
        names: Names | None = None,
        translate: Callable[[str, str], str] = _window,
    ) -> None:
        self._formatter, self._names, self._translate = formatter, names, translate

    def _tr(self, text: str) -> str:
        return self._translate(CONTEXT, text)

    def lines(self, rows: list[RowChange]) -> list[str]:
        said = (self.line(row) for row in rows)
        return [line for line in said if line]

    def record(self, table: str, row_id: int) -> str:
        label = self._translate(FIELDS, TABLE_LABELS.get(table, table))
        template = NUMBERED_RECORD if table in NUMBERED else RECORD
        return self._tr(template).replace("%1", label).replace("%2", str(row_id))

    def line(self, row: RowChange) -> str:
        """One row's change; "" for an update of nothing a person would recognise."""
        record = self.record(row.table, row.row_id)
        if row.op == "i":
            return self._tr(CREATED).replace("%1", record)
        if row.op == "d":
            values = [
                f"{self.label(column)}: {self.value(column, value)}"
                for column, value in row.old.items()
                if column not in HIDDEN and value not in (None, "")
            ]
            text = self._tr(DELETED).replace("%1", record)
            return f"{text} ({'; '.join(values)})" if values else text
        changes = [
            f"{self.label(column)} {self.value(column, row.old.get(column))} → "
            f"{self.value(column, value)}"
            for column, value in row.new.items()
            if column not in HIDDEN
        ]
        return f"{record}: {'; '.join(changes)}" if changes else ""

    def label(self, column: str) -> str:
        source = FIELD_LABELS.get(column)
        return self._translate(FIELDS, source) if source else column

    def value(self, column: str, value: Any) -> str:
        if value is None or value == "":
            return EMPTY
        fmt = self._formatter
        named = self._names.name(column, value) if self._names is not None else None
        if named is not None:
            return named
        if column in YES_NO and value in (0, 1, True, False):
            return self._tr(YES if value else NO)
        if column in MONEY:
            try:
                return fmt.money(Decimal(str(value)))
            except InvalidOperation:
                return str(value)
        if isinstance(value, str) and len(value) == 10:
            try:
                return fmt.date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        if isinstance(value, int) and not column.endswith("_id"):
            return fmt.integer(value)
        return str(value)


class HistoryDetails(QPlainTextEdit):
    """The chosen entry's row changes, one a line (read-only, can be selected and copied)."""

    def __init__(self, database: Database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.setReadOnly(True)
        self.names = Names(database)
        self.describer = Describer(formatter, self.names)
        self.setPlaceholderText(self.tr("Choose a change to see what it did."))

    def show_entry(self, entry_id: int | None, compacted: bool = False) -> None:
        if entry_id is None:
            self.clear()
            return
        if compacted:
            self.setPlainText(
                self.tr("The details of this change were compacted: its name and counts stay.")
            )
            return
        lines = self.describer.lines(entry_rows(self._database, entry_id))
        nothing = self.tr("Only what Lavka keeps by itself changed.")
        self.setPlainText("\n".join(lines) if lines else nothing)

    def forget(self) -> None:
        """Names of statuses and products may have changed: read them again when needed."""
        self.names.forget()
