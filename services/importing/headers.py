"""The columns of a sales log: the fields an import knows, the words people head them with
(in English and Russian), and which column feeds which field."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

FIELDS = (
    "date",
    "customer",
    "phone",
    "product",
    "quantity",
    "price",
    "cost",
    "order_number",
    "status",
    "comment",
    "address",
    "channel",
    "email",
    "notes",
)
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("Дата", "Дата заказа", "Дата продажи", "Дата отгрузки", "Date", "Order date"),
    "customer": (
        *("Имя", "Клиент", "Покупатель", "Заказчик", "ФИО", "Имя клиента", "Контакт"),
        *("Name", "Customer", "Contact name", "Contact", "Client", "Buyer", "Customer name"),
    ),
    "phone": (
        *("Телефон", "Тел", "Номер телефона", "Телефон клиента", "Мобильный"),
        *("Phone", "Contact phone", "Telephone", "Phone number", "Mobile", "Tel"),
    ),
    "product": ("Товар", "Модель", "Продукт", "Наименование", "Product", "Item", "Model"),
    "quantity": ("Кол-во", "Количество", "Кол", "Шт", "Qty", "Quantity", "Units"),
    "price": ("Цена", "Цена продажи", "Цена за шт", "Unit price", "Price", "Sale price"),
    "cost": (
        *("Закупка", "Себестоимость", "Цена закупки", "Закупочная цена"),
        *("Unit cost", "Cost price", "Cost", "Purchase price"),
    ),
    "order_number": (
        *("№ заказа", "Номер заказа", "Заказ", "Заказ №", "№"),
        *("Order ID", "Order number", "Order", "Order no", "Order #", "Order No."),
    ),
    "status": ("Статус", "Статус заказа", "Status", "Order status"),
    "comment": ("Комментарий", "Комментарий к заказу", "Comment", "Order comment"),
    "address": ("Адрес", "Адрес доставки", "Address", "Delivery address"),
    "channel": ("Канал", "Источник", "Channel", "Source"),
    "email": ("Email", "E-mail", "Почта", "Эл. почта", "Электронная почта"),
    "notes": ("Заметки", "Примечание", "Примечания", "Notes", "Note"),
}
_PUNCTUATION = re.compile(r"[\s.:_*]+")


def normal_header(text: str) -> str:
    """`  Тел.: ` and `тел` are one header: folded case, ё = е, no dots, colons or stars."""
    return _PUNCTUATION.sub(" ", str(text).casefold().replace("ё", "е")).strip()


_ALIAS_FIELD = {
    normal_header(alias): name for name, aliases in ALIASES.items() for alias in aliases
}
_ALIAS_FIELD.update({normal_header(name): name for name in FIELDS})


@dataclass(frozen=True)
class HeaderMatch:
    fields: dict[int, str]  # column index → field
    unmatched: tuple[int, ...]  # indexes of the columns that feed no field


def match_headers(
    headers: Sequence[str], mapping: Mapping[str | int, str | None] | None = None
) -> HeaderMatch:
    """Which column feeds which field. `mapping` (header text or column index → field, or None
    to ignore the column) wins over the aliases; a field is fed by one column only (the first)."""
    mapping = mapping or {}
    fields: dict[int, str] = {}
    for index, header in enumerate(headers):
        if index in mapping or header in mapping:
            chosen = mapping[index] if index in mapping else mapping[header]
            if chosen is not None and chosen not in FIELDS:
                raise ValueError(f"unknown import field {chosen!r}")
        else:
            chosen = _ALIAS_FIELD.get(normal_header(header))
        if chosen is not None:
            fields[index] = chosen
    # A field mapped by hand takes the column from an alias that also matched it.
    by_hand = {i for i in fields if i in mapping or headers[i] in mapping}
    taken: set[str] = set()
    chosen_columns: dict[int, str] = {}
    for index in sorted(fields, key=lambda i: (i not in by_hand, i)):
        if fields[index] not in taken:
            taken.add(fields[index])
            chosen_columns[index] = fields[index]
    unmatched = tuple(i for i in range(len(headers)) if i not in chosen_columns)
    return HeaderMatch(dict(sorted(chosen_columns.items())), unmatched)
