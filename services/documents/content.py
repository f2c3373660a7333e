"""What a document says, as plain values: the seller, the buyer, the lines and the totals.

A document is built from an order once, when it is issued, and kept as JSON (models/documents.py
`content`), so printing it again gives the same paper; `to_json` / `from_json` are that round
trip, with money as exact decimal strings.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from models.documents import DOCUMENT_KINDS

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = [
    "DOCUMENT_KINDS",
    "BuyerDetails",
    "DocumentContent",
    "DocumentImages",
    "DocumentLine",
    "SellerDetails",
]


@dataclass(frozen=True)
class SellerDetails:
    """The business's details as Settings → Business keeps them (all text; blank is unset).

    `vat_rate` is a whole percent included in the prices, or None for "without VAT" (a small
    seller on a simplified tax system). `payment_terms` is the invoice's line about paying
    ("Оплата в течение 3 банковских дней"); `footer` a free text under every document."""

    name: str = ""
    tax_id: str = ""  # INN
    kpp: str = ""
    ogrn: str = ""  # OGRN (13 digits) or OGRNIP (15)
    address: str = ""
    phone: str = ""
    email: str = ""
    bank: str = ""
    bik: str = ""
    account: str = ""
    correspondent_account: str = ""
    signer: str = ""  # who signs: "Петров И. И."
    signer_title: str = ""  # "Индивидуальный предприниматель", "Директор"
    vat_rate: int | None = None
    payment_terms: str = ""
    footer: str = ""


@dataclass(frozen=True)
class DocumentImages:
    """The seller's logo and stamp-with-signature (PNG or JPEG bytes), drawn when present.
    Not kept in an issued document: a re-print draws the current ones."""

    logo: bytes | None = None
    stamp: bytes | None = None


@dataclass(frozen=True)
class BuyerDetails:
    """The customer: a company's legal name (or name), INN and address; or a person's name,
    phone and address. `person` is who ordered for a company, when known."""

    name: str
    is_company: bool = False
    tax_id: str = ""
    address: str = ""
    phone: str = ""
    person: str = ""


@dataclass(frozen=True)
class DocumentLine:
    product: str
    sku: str
    quantity: int
    unit_price: Decimal
    amount: Decimal  # quantity × unit price, exact


@dataclass(frozen=True)
class DocumentContent:
    """A document as issued. `number` is within its kind and `date.year`; `total` equals the
    order's amount to the kopeck; `vat` is the VAT included in the total at `seller.vat_rate`
    (None without VAT). `currency_code` ("RUB") names the money in words."""

    kind: str
    number: int
    date: dt.date
    order_id: int
    order_date: dt.date
    seller: SellerDetails
    buyer: BuyerDetails
    lines: tuple[DocumentLine, ...]
    total: Decimal
    vat: Decimal | None
    currency_code: str
    currency_symbol: str
    units: int = field(default=0)  # the lines' quantities added up

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, default=_plain, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> DocumentContent:
        data = json.loads(text)
        return cls(
            kind=data["kind"],
            number=int(data["number"]),
            date=dt.date.fromisoformat(data["date"]),
            order_id=int(data["order_id"]),
            order_date=dt.date.fromisoformat(data["order_date"]),
            seller=_known(SellerDetails, data["seller"]),
            buyer=_known(BuyerDetails, data["buyer"]),
            lines=tuple(
                DocumentLine(
                    product=line["product"],
                    sku=line["sku"],
                    quantity=int(line["quantity"]),
                    unit_price=Decimal(line["unit_price"]),
                    amount=Decimal(line["amount"]),
                )
                for line in data["lines"]
            ),
            total=Decimal(data["total"]),
            vat=None if data["vat"] is None else Decimal(data["vat"]),
            currency_code=data["currency_code"],
            currency_symbol=data["currency_symbol"],
            units=int(data.get("units", 0)),
        )


def _plain(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not kept in a document")


Details = TypeVar("Details", bound="DataclassInstance")


def _known(kind: type[Details], data: dict[str, Any]) -> Details:
    """A dataclass from its dict, ignoring keys a later Lavka may have added."""
    names = {f.name for f in fields(kind)}
    return kind(**{key: value for key, value in data.items() if key in names})
