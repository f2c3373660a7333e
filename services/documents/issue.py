"""Issuing documents from an order, their numbers, and the documents an order has.

A document's number is taken from its kind's sequence for the year of its date, in the same
transaction that keeps the document (with the write lock from the start, so two saves cannot
take one number): the largest number so far plus one. Documents are never deleted, so the
sequence has no gaps and no number is used twice.

Asking again for a kind the order already has gives the document as issued (the same number,
the same content); when the order has changed since (its buyer, lines or total), the record
says `stale`, and the caller may issue a new version, which takes the next number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, selectinload

from models import Contact, Document, Order, Shipment
from models.documents import DOCUMENT_KINDS
from services import choices
from services.documents.content import (
    BuyerDetails,
    DocumentContent,
    DocumentImages,
    DocumentLine,
)
from services.documents.seller import seller_details, seller_images
from services.errors import NotFound, ValidationError
from services.formatting import named_date
from services.phones import format_phone
from services.storage import Database
from services.uow import UnitOfWork


@dataclass(frozen=True)
class DocumentRecord:
    """One issued document as an order's list shows it. `stale`: the order has changed since
    it was issued; `superseded`: a later version of the same kind was issued for the order."""

    id: int
    kind: str
    number: int
    date: dt.date
    amount: Decimal
    order_id: int | None
    stale: bool
    superseded: bool


@dataclass(frozen=True)
class IssuedDocument:
    record: DocumentRecord
    content: DocumentContent
    images: DocumentImages
    new: bool  # its number was taken by this call


def issue_document(
    database: Database,
    order_id: int,
    kind: str,
    today: dt.date | None = None,
    *,
    new_version: bool = False,
) -> IssuedDocument:
    """The order's document of `kind`: the one issued before (kept as it was, even when the
    order changed since: see `record.stale`), or a new one dated `today` with the next
    number of its year when there is none or `new_version` is asked.

    Refused, naming the reason, for an order with no lines and while the seller has no name
    (Settings → Business)."""
    _check_kind(kind)
    today = today or dt.date.today()
    with UnitOfWork(database, immediate=True) as uow:
        session = uow.session
        _hold_numbers(session)
        order = _order(session, order_id)
        latest = _latest(session, order_id, kind)
        images = seller_images(session)
        if latest is not None and not new_version:
            record = _records(session, [latest], order)[0]
            return IssuedDocument(record, DocumentContent.from_json(latest.content), images, False)
        content = _content(session, order, kind, today, _next_number(session, kind, today.year))
        document = Document(
            kind=kind,
            year=today.year,
            number=content.number,
            date=today,
            order_id=order.id,
            amount=content.total,
            fingerprint=fingerprint(content),
            content=content.to_json(),
        )
        session.add(document)
        session.flush()
        record = _records(session, [document], order)[0]
        uow.name(
            f"document.{kind}",
            order.id,
            content.number,
            named_date(today),
            contact_id=order.contact_id,
            order_id=order.id,
        )
        uow.commit()
    return IssuedDocument(record, content, images, True)


def order_documents(database: Database, order_id: int) -> list[DocumentRecord]:
    """The documents issued for an order, newest first."""
    with database.session() as session:
        order = _order(session, order_id)
        documents = session.scalars(
            select(Document)
            .where(Document.order_id == order_id)
            .order_by(Document.date.desc(), Document.id.desc())
        ).all()
        return _records(session, list(documents), order)


def open_document(database: Database, document_id: int) -> IssuedDocument:
    """An issued document as it was issued, to show or print again."""
    with database.session() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound.of("document.not_found", document_id)
        order = session.get(Order, document.order_id) if document.order_id else None
        record = _records(session, [document], order)[0]
        content = DocumentContent.from_json(document.content)
        return IssuedDocument(record, content, seller_images(session), False)


def fingerprint(content: DocumentContent) -> str:
    """The order's part of a document (its buyer, lines and total), hashed: what tells that
    the order has changed since the document was issued."""
    return _hashed(content.order_id, content.buyer, content.lines, content.total)


def _hashed(
    order_id: int, buyer: BuyerDetails, lines: tuple[DocumentLine, ...], total: Decimal
) -> str:
    part = {
        "order": order_id,
        "buyer": asdict(buyer),
        "lines": [asdict(line) for line in lines],
        "total": total,
    }
    text = json.dumps(part, default=str, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vat_included(total: Decimal, rate: int | None) -> Decimal | None:
    """The VAT inside a total at `rate` percent (total × rate / (100 + rate), to the kopeck);
    None without VAT."""
    if rate is None:
        return None
    share = total * rate / (100 + rate)
    return share.quantize(Decimal("0.01"), ROUND_HALF_UP)


def _content(
    session: Session, order: Order, kind: str, date: dt.date, number: int
) -> DocumentContent:
    if not order.lines:
        raise ValidationError.of("lines", "document.no_lines", order.id)
    seller = seller_details(session)
    if not seller.name:
        raise ValidationError.of("seller", "document.no_seller")
    business = choices.business_settings(session)
    lines = _lines(order)
    total = _total(lines)
    return DocumentContent(
        kind=kind,
        number=number,
        date=date,
        order_id=order.id,
        order_date=order.date,
        seller=seller,
        buyer=_buyer(order.contact, order.person),
        lines=lines,
        total=total,
        vat=vat_included(total, seller.vat_rate),
        currency_code=business.currency_code,
        currency_symbol=business.currency_symbol,
        units=sum(line.quantity for line in lines),
    )


def _lines(order: Order) -> tuple[DocumentLine, ...]:
    return tuple(
        DocumentLine(
            product=line.product.name,
            sku=line.product.sku or "",
            quantity=line.quantity,
            unit_price=line.unit_price,
            amount=line.unit_price * line.quantity,
        )
        for line in order.lines
    )


def _total(lines: tuple[DocumentLine, ...]) -> Decimal:
    return sum((line.amount for line in lines), Decimal("0.00"))


def _buyer(contact: Contact, person: Contact | None) -> BuyerDetails:
    if contact.kind == "company":
        return BuyerDetails(
            name=contact.legal_name or contact.name,
            is_company=True,
            tax_id=contact.tax_id or "",
            address=contact.address or "",
            phone=format_phone(contact.phone),
            person=person.name if person is not None else "",
        )
    return BuyerDetails(
        name=contact.name,
        tax_id=contact.tax_id or "",
        address=contact.address or "",
        phone=format_phone(contact.phone),
    )


def _order(session: Session, order_id: int) -> Order:
    order = session.scalar(
        select(Order)
        .where(Order.id == order_id)
        .options(
            selectinload(Order.lines).selectinload(Shipment.product),
            selectinload(Order.contact),
            selectinload(Order.person),
        )
    )
    if order is None:
        raise NotFound.of("order.not_found", order_id)
    return order


def _latest(session: Session, order_id: int, kind: str) -> Document | None:
    return session.scalar(
        select(Document)
        .where(Document.order_id == order_id, Document.kind == kind)
        .order_by(Document.id.desc())
        .limit(1)
    )


# The lock PostgreSQL's order numbers are taken under (models/postgres.py lavka_next_id), on
# the documents table: a key of its own, held to the end of the transaction.
_NUMBERS_LOCK = (
    "SELECT pg_advisory_xact_lock(1, CAST(CAST(CAST('documents' AS regclass) AS oid) AS integer))"
)


def _hold_numbers(session: Session) -> None:
    """Two issues at once must not both read the same largest number. On SQLite the unit of
    work's write lock from the start (`immediate`) sees to it; a PostgreSQL transaction has no
    such lock, so it takes this one before it reads the order's documents and the numbers, and
    a second issue waits for the first to commit (then reads its document and number)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(_NUMBERS_LOCK))


def _next_number(session: Session, kind: str, year: int) -> int:
    taken = session.scalar(
        select(func.max(Document.number)).where(Document.kind == kind, Document.year == year)
    )
    return (taken or 0) + 1


def _records(
    session: Session, documents: list[Document], order: Order | None
) -> list[DocumentRecord]:
    """Records with their state: stale against the order as it is now (an order deleted since
    has nothing to compare), superseded by a later one of its kind."""
    now = ""
    newest: dict[str, int] = {}
    if order is not None:
        for kind, latest_id in session.execute(
            select(Document.kind, func.max(Document.id))
            .where(Document.order_id == order.id)
            .group_by(Document.kind)
        ):
            newest[kind] = latest_id
        lines = _lines(order)
        now = _hashed(order.id, _buyer(order.contact, order.person), lines, _total(lines))
    records = []
    for document in documents:
        stale = order is not None and now != document.fingerprint
        records.append(
            DocumentRecord(
                id=document.id,
                kind=document.kind,
                number=document.number,
                date=document.date,
                amount=document.amount,
                order_id=document.order_id,
                stale=stale,
                superseded=newest.get(document.kind, document.id) != document.id,
            )
        )
    return records


def _check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"Unknown document kind '{kind}'; expected one of {DOCUMENT_KINDS}.")
