"""The exchange format of PRODUCT.md: the whole database as Contacts, Orders and Shipments
(with Companies, Products, Payments and Tags after them).

Rows are read with plain SQL in one read transaction and streamed, so a million shipments are
never held in memory and the tables agree with each other. Column names and their order
follow PRODUCT.md; a few columns that a lossless round trip needs (the loss reason, archived
contacts, the product defaults) come after them, so a reader of the documented columns is not
disturbed. In XLSX, a text longer than a cell holds goes on in columns at the far right
("Notes (2)", services.xlsx_package), and a date before 1900-03-01 is ISO text, as in CSV;
the import reads both back as they were.

Companies and people (issue #16). A company and a person are both rows of `contacts`, so their
ids are one space: `Contacts` lists the people (with their `Company ID`, empty for a person on
their own, and `Job title`), `Companies` the companies, and an order's `Contact ID` is its
customer's id in either sheet; `Ordered by ID` is the person who placed a company's order.
The main phone and e-mail keep their columns (`Phone`, `Email`) and get a label column
(`Phone label`, `Email label`); the further ones share one cell (`Phones`, `Emails`), in the
card's order, entries separated by "; " (LIST_SEPARATOR), each the number (or address) with
its label's code in brackets after it: `+7 916 123-45-67 (work); +7 903 111-22-33`. A label
is written as its code (models.CHANNEL_LABELS: mobile, work, home, whatsapp, telegram, other);
the import also reads the English and Russian words. `Tags` lists a card's tags by name,
separated the same way; the `Tags` sheet gives every tag (in the order they were made) with
its colour, so tags without cards and colours come back too. A file from before (no
`Companies` or `Tags` sheet, none of these columns) imports as it always did.

Stock and expenses (issue #18). `Purchases` lists the purchases (`Supplier ID` is a contact's
id of Contacts or Companies, empty for a supplier typed as text; `Supplier` is the name as the
purchase keeps it), `PurchaseLines` their batches in the purchase's order (`Delivery share` is
the purchase's delivery cost spread over its lines by value, which the import computes again
the same way), `Expenses` the expenses (the category as its code: ads, delivery, packaging,
fees, other; the channel by name, as the orders name theirs) and `StockAdjustments` the
counts and write-offs (the kind as its code, count or write_off; the quantity signed). The
Products sheet gains `Min stock`. The FIFO cost of each sold line is not a column of its own:
it is the Shipments sheet's unit cost, and the import computes it again from the batches. A
line costed from batches costs its splits exactly: its `Cost` is quantity × unit cost plus a
remainder of a few kopecks (at most half a kopeck a unit), which the import reads back from
`Cost` (so a cancelled order's line keeps the cost it had). A
file from before (none of these sheets) imports as it did: its products stay untracked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from models.formulas import line_amount, line_cost, shipment_columns, sql_text
from models.types import from_minor
from services.csv_writer import DIALECTS, write_csv, write_csv_files
from services.errors import LavkaError
from services.figures_math import Figures
from services.files import failure
from services.phones import format_phone
from services.storage import Database
from services.tables import Column, Kind, Progress, Row, Table
from services.xlsx_writer import write_xlsx

# Between the entries of a cell that lists several (further phones and e-mails, tags).
LIST_SEPARATOR = "; "

CONTACTS = (
    Column("Contact ID", Kind.INTEGER),
    Column("Name"),
    Column("Phone"),
    Column("Email"),
    Column("Address"),
    Column("Notes"),
    Column("Channel"),
    Column("Created", Kind.DATETIME),
    Column("Archived", Kind.BOOLEAN),
    Column("Payment terms, days", Kind.INTEGER),
    Column("Company ID", Kind.INTEGER),  # empty: a person on their own
    Column("Job title"),
    Column("Phone label"),
    Column("Phones"),  # the further ones: "+7 916 123-45-67 (work); +7 903 111-22-33"
    Column("Email label"),
    Column("Emails"),
    Column("Tags"),  # names, separated by "; "
)
# The columns a company shares with a person keep the Contacts sheet's names.
COMPANIES = (
    Column("Company ID", Kind.INTEGER),
    Column("Name"),
    Column("Legal name"),
    Column("INN"),
    Column("Phone"),
    Column("Phone label"),
    Column("Phones"),
    Column("Email"),
    Column("Email label"),
    Column("Emails"),
    Column("Address"),
    Column("Notes"),
    Column("Channel"),
    Column("Created", Kind.DATETIME),
    Column("Archived", Kind.BOOLEAN),
    Column("Payment terms, days", Kind.INTEGER),
    Column("Tags"),
)
TAGS = (Column("Name"), Column("Colour"))
ORDERS = (
    Column("Order ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Status"),
    Column("Contact ID", Kind.INTEGER),
    Column("Contact name"),
    Column("Contact phone"),
    Column("Channel"),
    Column("Comment"),
    Column("Amount", Kind.MONEY),
    Column("Cost", Kind.MONEY),
    Column("Profit", Kind.MONEY),
    Column("Margin", Kind.PERCENT),
    Column("Loss reason"),
    Column("Loss note"),
    Column("Payment due", Kind.DATE),  # empty: the order's date + its contact's terms
    Column("Expected amount", Kind.MONEY),  # what a deal without lines is expected to bring
    Column("Ordered by ID", Kind.INTEGER),  # the person who placed a company's order
    Column("Ordered by"),  # their name, for the reader (the import goes by the ID)
)
SHIPMENTS = (
    Column("Shipment ID", Kind.INTEGER),
    Column("Order ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Product"),
    Column("Quantity", Kind.INTEGER),
    Column("Unit price", Kind.MONEY),
    Column("Unit cost", Kind.MONEY),
    Column("Amount", Kind.MONEY),
    Column("Cost", Kind.MONEY),
    Column("Profit", Kind.MONEY),
    Column("Margin", Kind.PERCENT),
    Column("Planned", Kind.BOOLEAN),
)
PRODUCTS = (
    Column("Product"),
    Column("SKU"),
    Column("Default price", Kind.MONEY),
    Column("Default cost", Kind.MONEY),
    Column("Active", Kind.BOOLEAN),
    Column("Min stock", Kind.INTEGER),  # empty: no minimum
)
# The method is its code (cash, card, transfer, other): the import also reads the Russian words.
PAYMENTS = (
    Column("Payment ID", Kind.INTEGER),
    Column("Order ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Amount", Kind.MONEY),
    Column("Method"),
    Column("Note"),
)

PURCHASES = (
    Column("Purchase ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Supplier ID", Kind.INTEGER),  # a contact's or a company's; empty: typed as text
    Column("Supplier"),
    Column("Document"),
    Column("Delivery cost", Kind.MONEY),
    Column("Comment"),
    Column("Total", Kind.MONEY),  # the lines with their delivery shares, for the reader
)
PURCHASE_LINES = (
    Column("Line ID", Kind.INTEGER),
    Column("Purchase ID", Kind.INTEGER),
    Column("Product"),
    Column("Quantity", Kind.INTEGER),
    Column("Unit cost", Kind.MONEY),
    Column("Delivery share", Kind.MONEY),  # computed again by the import (spread by value)
    Column("Total", Kind.MONEY),
)
# The category is its code (ads, delivery, packaging, fees, other): the import also reads words.
EXPENSES = (
    Column("Expense ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Category"),
    Column("Channel"),
    Column("Amount", Kind.MONEY),
    Column("Comment"),
)
# The kind is its code (count, write_off); the quantity is signed: units added or taken away.
STOCK_ADJUSTMENTS = (
    Column("Adjustment ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Product"),
    Column("Kind"),
    Column("Quantity", Kind.INTEGER),
    Column("Reason"),
)

_PEOPLE = "kind <> 'company'"
_COMPANIES = "kind = 'company'"
_CONTACTS_SQL = f"""
SELECT c.id, c.name, c.phone, c.email, c.address, c.notes, ch.name, c.created_at, c.archived,
       c.payment_terms_days, c.company_id, c.job_title, c.phone_label, c.email_label
FROM contacts c LEFT JOIN channels ch ON ch.id = c.channel_id
WHERE c.{_PEOPLE}
ORDER BY c.id"""
_COMPANIES_SQL = f"""
SELECT c.id, c.name, c.legal_name, c.tax_id, c.phone, c.phone_label, c.email, c.email_label,
       c.address, c.notes, ch.name, c.created_at, c.archived, c.payment_terms_days
FROM contacts c LEFT JOIN channels ch ON ch.id = c.channel_id
WHERE c.{_COMPANIES}
ORDER BY c.id"""
_ORDERS_SQL = """
SELECT o.id, o.date, s.name, o.contact_id, c.name, c.phone, ch.name, o.comment,
       o.amount, o.cost, lr.name, o.loss_note, o.payment_due, o.expected_amount,
       o.person_id, p.name
FROM orders o
JOIN order_statuses s ON s.id = o.status_id
JOIN contacts c ON c.id = o.contact_id
LEFT JOIN contacts p ON p.id = o.person_id
LEFT JOIN channels ch ON ch.id = o.channel_id
LEFT JOIN loss_reasons lr ON lr.id = o.loss_reason_id
ORDER BY o.id"""
# A card's further phones and e-mails in the card's order, and its tags by name.
_PHONES_SQL = (
    "SELECT contact_id, phone, label FROM contact_phones ORDER BY contact_id, position, id"
)
_EMAILS_SQL = (
    "SELECT contact_id, email, label FROM contact_emails ORDER BY contact_id, position, id"
)
_CARD_TAGS_SQL = """
SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
ORDER BY ct.contact_id, t.name_key, t.id"""
_TAGS_SQL = "SELECT name, colour FROM tags ORDER BY id"
# A line's amount and cost by the line formula (models/formulas.py), in minor units.
_LINE = shipment_columns("sh")
_SHIPMENTS_SQL = f"""
SELECT sh.id, sh.order_id, sh.date, p.name, sh.quantity, sh.unit_price, sh.unit_cost,
       {sql_text(line_amount(_LINE))}, {sql_text(line_cost(_LINE))}
FROM shipments sh JOIN products p ON p.id = sh.product_id
ORDER BY sh.order_id, sh.position, sh.id"""
_PRODUCTS_SQL = (
    "SELECT name, sku, default_price, default_cost, active, min_stock FROM products ORDER BY name"
)
_PAYMENTS_SQL = (
    "SELECT id, order_id, date, amount, method, note FROM payments ORDER BY order_id, date, id"
)
_PURCHASES_SQL = """
SELECT pu.id, pu.date, pu.supplier_id, pu.supplier_name, pu.document, pu.delivery_cost,
       pu.comment, (SELECT COALESCE(SUM(pl.quantity * pl.unit_cost + pl.delivery_share), 0)
                    FROM purchase_lines AS pl WHERE pl.purchase_id = pu.id)
FROM purchases AS pu ORDER BY pu.id"""
_PURCHASE_LINES_SQL = """
SELECT pl.id, pl.purchase_id, p.name, pl.quantity, pl.unit_cost, pl.delivery_share
FROM purchase_lines AS pl JOIN products AS p ON p.id = pl.product_id
ORDER BY pl.purchase_id, pl.position, pl.id"""
_EXPENSES_SQL = """
SELECT e.id, e.date, e.category, ch.name, e.amount, e.comment
FROM expenses AS e LEFT JOIN channels AS ch ON ch.id = e.channel_id ORDER BY e.id"""
_ADJUSTMENTS_SQL = """
SELECT a.id, a.date, p.name, a.kind, a.quantity, a.reason
FROM stock_adjustments AS a JOIN products AS p ON p.id = a.product_id ORDER BY a.id"""

_BATCH = 2000


class ExportError(LavkaError):
    """An export could not be written where the person asked."""


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    """A full disk, a pulled stick or a read-only folder, said in plain words."""
    try:
        yield
    except OSError as error:
        raise failure(ExportError, "export.failed", error, target) from error


def _money(minor: int) -> Decimal:
    value = from_minor(minor)
    assert value is not None
    return value


def _date(value: str | dt.date) -> dt.date:
    """A raw row's date: ISO text on SQLite, a date on PostgreSQL."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def _local_time(stored: str | dt.datetime | None) -> dt.datetime | None:
    """Timestamps are stored in UTC (ISO text on SQLite, a naive datetime on PostgreSQL); a
    person reads them in local time."""
    if stored is None:
        return None
    naive = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(stored)
    utc = naive.replace(tzinfo=dt.UTC)
    try:
        return utc.astimezone().replace(tzinfo=None, microsecond=0)
    except (OverflowError, ValueError):  # year 1 west of Greenwich, 9999 east: no local time
        return utc.replace(tzinfo=None, microsecond=0)


def _figures(
    amount_minor: int, cost_minor: int
) -> tuple[Decimal, Decimal, Decimal, Decimal | None]:
    """Amount, Cost, Profit and Margin cells of minor-unit totals."""
    figures = Figures.from_minor(amount_minor, cost_minor)
    return figures.amount, figures.cost, figures.profit, figures.margin


def _stream(connection: Connection, sql: str) -> Iterator[Sequence[Any]]:
    # On PostgreSQL a server-side cursor, which the batches are fetched from (psycopg's
    # default cursor would hold the whole result); SQLite's cursor steps through the file.
    result = connection.execution_options(stream_results=True).execute(text(sql))
    while batch := result.fetchmany(_BATCH):
        yield from batch


def _labelled(value: str, label: str | None) -> str:
    """One entry of a Phones or Emails cell: `+7 916 123-45-67 (work)`, or the bare value."""
    return f"{value} ({label})" if label else value


class _Cards:
    """What a card holds beyond its own row, as the cells say it: further phones and e-mails,
    and tag names, by contact id. Read once, in the snapshot's transaction (a few per card at
    most, and most cards have none)."""

    def __init__(self, connection: Connection) -> None:
        self.phones = self._cells(
            (cid, _labelled(format_phone(phone) or phone, label))
            for cid, phone, label in _stream(connection, _PHONES_SQL)
        )
        self.emails = self._cells(
            (cid, _labelled(email, label)) for cid, email, label in _stream(connection, _EMAILS_SQL)
        )
        self.tags = self._cells(_stream(connection, _CARD_TAGS_SQL))

    @staticmethod
    def _cells(entries: Iterable[Sequence[Any]]) -> dict[int, str]:
        lists: dict[int, list[str]] = {}
        for cid, entry in entries:
            lists.setdefault(cid, []).append(entry)
        return {cid: LIST_SEPARATOR.join(items) for cid, items in lists.items()}


def _contact_rows(connection: Connection, cards: _Cards) -> Iterator[Row]:
    for row in _stream(connection, _CONTACTS_SQL):
        (cid, name, phone, email, address, notes, channel, created, archived, terms, company,
         job_title, phone_label, email_label) = row  # fmt: skip
        yield (
            cid,
            name,
            format_phone(phone) or None,
            email,
            address,
            notes,
            channel,
            _local_time(created),
            bool(archived),
            terms,
            company,
            job_title,
            phone_label,
            cards.phones.get(cid),
            email_label,
            cards.emails.get(cid),
            cards.tags.get(cid),
        )


def _company_rows(connection: Connection, cards: _Cards) -> Iterator[Row]:
    for row in _stream(connection, _COMPANIES_SQL):
        (cid, name, legal_name, tax_id, phone, phone_label, email, email_label, address, notes,
         channel, created, archived, terms) = row  # fmt: skip
        yield (
            cid,
            name,
            legal_name,
            tax_id,
            format_phone(phone) or None,
            phone_label,
            cards.phones.get(cid),
            email,
            email_label,
            cards.emails.get(cid),
            address,
            notes,
            channel,
            _local_time(created),
            bool(archived),
            terms,
            cards.tags.get(cid),
        )


def _order_rows(connection: Connection) -> Iterator[Row]:
    for row in _stream(connection, _ORDERS_SQL):
        (oid, date, status, cid, name, phone, channel, comment, amount, cost, reason, note, due,
         expected, person, person_name) = row  # fmt: skip
        yield (
            oid,
            _date(date),
            status,
            cid,
            name,
            format_phone(phone) or None,
            channel,
            comment,
            *_figures(amount, cost),
            reason,
            note,
            None if due is None else _date(due),
            None if expected is None else _money(expected),
            person,
            person_name,
        )


def _shipment_rows(connection: Connection, today: dt.date) -> Iterator[Row]:
    for row in _stream(connection, _SHIPMENTS_SQL):
        sid, oid, date, product, quantity, price, cost, amount, line_total = row
        day = _date(date)
        yield (
            sid,
            oid,
            day,
            product,
            quantity,
            _money(price),
            _money(cost),
            *_figures(amount, line_total),
            day > today,
        )


def _product_rows(connection: Connection) -> Iterator[Row]:
    for name, sku, price, cost, active, minimum in _stream(connection, _PRODUCTS_SQL):
        yield name, sku, _money(price), _money(cost), bool(active), minimum


def _purchase_rows(connection: Connection) -> Iterator[Row]:
    for pid, date, supplier_id, supplier, document, delivery, comment, total in _stream(
        connection, _PURCHASES_SQL
    ):
        yield (
            pid,
            _date(date),
            supplier_id,
            supplier,
            document,
            _money(delivery),
            comment,
            (_money(total)),
        )


def _purchase_line_rows(connection: Connection) -> Iterator[Row]:
    for lid, pid, product, quantity, cost, share in _stream(connection, _PURCHASE_LINES_SQL):
        total = _money(quantity * cost + share)
        yield lid, pid, product, quantity, _money(cost), _money(share), total


def _expense_rows(connection: Connection) -> Iterator[Row]:
    for eid, date, category, channel, amount, comment in _stream(connection, _EXPENSES_SQL):
        yield eid, _date(date), category, channel, _money(amount), comment


def _adjustment_rows(connection: Connection) -> Iterator[Row]:
    for aid, date, product, kind, quantity, reason in _stream(connection, _ADJUSTMENTS_SQL):
        yield aid, _date(date), product, kind, quantity, reason


def _payment_rows(connection: Connection) -> Iterator[Row]:
    for pid, oid, date, amount, method, note in _stream(connection, _PAYMENTS_SQL):
        yield pid, oid, _date(date), _money(amount), method, note


def _tag_rows(connection: Connection) -> Iterator[Row]:
    yield from _stream(connection, _TAGS_SQL)


def _snapshot_connection(database: Database) -> Connection:
    """A connection whose transaction sees one state of the database from its first read to
    its end. SQLite's read transaction does that by itself; PostgreSQL's default (READ
    COMMITTED) sees each statement's own, so there the transaction is REPEATABLE READ (and
    READ ONLY: an export writes nothing)."""
    connection = database.engine.connect()
    if database.dialect == "postgresql":
        connection = connection.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    return connection


class Snapshot:
    """One read transaction over the database, open while the tables' rows are written."""

    def __init__(self, database: Database) -> None:
        self._connection = _snapshot_connection(database)
        self._connection.begin()  # one read transaction: the tables agree with each other
        self._card_cells: _Cards | None = None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def count(self, table: str, where: str | None = None) -> int:
        sql = f"SELECT COUNT(*) FROM {table}" + (f" WHERE {where}" if where else "")
        count: int = self._connection.execute(text(sql)).scalar_one()
        return count

    def _cards(self) -> _Cards:
        if self._card_cells is None:
            self._card_cells = _Cards(self._connection)
        return self._card_cells

    def tables(self, today: dt.date) -> list[Table]:
        """Contacts (the people), Orders, Shipments, and Companies, Products (for the defaults
        a round trip needs), Payments, Tags, Purchases, PurchaseLines, Expenses and
        StockAdjustments."""
        c = self._connection
        return [
            Table(
                "Contacts",
                CONTACTS,
                lambda: _contact_rows(c, self._cards()),
                self.count("contacts", _PEOPLE),
            ),
            Table("Orders", ORDERS, lambda: _order_rows(c), self.count("orders")),
            Table(
                "Shipments", SHIPMENTS, lambda: _shipment_rows(c, today), self.count("shipments")
            ),
            Table(
                "Companies",
                COMPANIES,
                lambda: _company_rows(c, self._cards()),
                self.count("contacts", _COMPANIES),
            ),
            Table("Products", PRODUCTS, lambda: _product_rows(c), self.count("products")),
            Table("Payments", PAYMENTS, lambda: _payment_rows(c), self.count("payments")),
            Table("Tags", TAGS, lambda: _tag_rows(c), self.count("tags")),
            Table("Purchases", PURCHASES, lambda: _purchase_rows(c), self.count("purchases")),
            Table(
                "PurchaseLines",
                PURCHASE_LINES,
                lambda: _purchase_line_rows(c),
                self.count("purchase_lines"),
            ),
            Table("Expenses", EXPENSES, lambda: _expense_rows(c), self.count("expenses")),
            Table(
                "StockAdjustments",
                STOCK_ADJUSTMENTS,
                lambda: _adjustment_rows(c),
                self.count("stock_adjustments"),
            ),
        ]


def export_all(
    database: Database,
    target: Path,
    file_format: str,
    today: dt.date,
    dialect: str = "excel-ru",
    currency: str = "₽",
    progress: Progress | None = None,
) -> list[Path]:
    """The whole database in the exchange format: one XLSX workbook at `target`, or (for
    "csv") the CSV files inside the folder `target`, created if needed. Returns the files."""
    with Snapshot(database) as snapshot, _writing(target):
        tables = snapshot.tables(today)
        if file_format == "xlsx":
            write_xlsx(target, tables, currency, progress)
            return [target]
        target.mkdir(parents=True, exist_ok=True)
        return write_csv_files(target, tables, DIALECTS[dialect], progress)


def export_table(
    table: Table,
    target: Path,
    file_format: str,
    dialect: str = "excel-ru",
    currency: str = "₽",
    progress: Progress | None = None,
) -> Path:
    """One grid as it is shown, into an XLSX workbook or a CSV file."""
    with _writing(target):
        if file_format == "xlsx":
            write_xlsx(target, [table], currency, progress)
        else:
            write_csv(target, table, DIALECTS[dialect], progress)
    return target
