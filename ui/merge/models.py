"""The possible duplicates as a table: both cards, their phones, and why they look alike."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from services.duplicates import (
    EMAIL,
    NAME_CITY,
    PHONE_DIGIT,
    PHONE_SWAP,
    DuplicateCard,
    DuplicatePair,
    DuplicateReason,
)
from ui.formatting import Formatter
from ui.messages import QT_TRANSLATE_NOOP
from ui.widgets.rows import RowsModel

_CONTEXT = "DuplicatesModel"
_REASONS = {
    NAME_CITY: QT_TRANSLATE_NOOP("DuplicatesModel", "Same name and city (%1)"),
    EMAIL: QT_TRANSLATE_NOOP("DuplicatesModel", "Same e-mail (%1)"),
    PHONE_DIGIT: QT_TRANSLATE_NOOP("DuplicatesModel", "Phones one digit apart (%1 and %2)"),
    PHONE_SWAP: QT_TRANSLATE_NOOP("DuplicatesModel", "Phones with two digits swapped (%1 and %2)"),
}
# The same, when the phones are the two main ones, shown in their own columns.
_MAIN_PHONES = {
    PHONE_DIGIT: QT_TRANSLATE_NOOP("DuplicatesModel", "Phones one digit apart"),
    PHONE_SWAP: QT_TRANSLATE_NOOP("DuplicatesModel", "Phones with two digits swapped"),
}


def reason_text(reason: DuplicateReason, pair: DuplicatePair | None = None) -> str:
    """Why two cards look alike, in the interface language; the phones are left out when they
    are the pair's main ones (the list shows those)."""
    shown = None if pair is None else (pair.first.phone, pair.second.phone)
    if reason.code in _MAIN_PHONES and (reason.first, reason.second) == shown:
        return QCoreApplication.translate(_CONTEXT, _MAIN_PHONES[reason.code])
    text = QCoreApplication.translate(_CONTEXT, _REASONS[reason.code])
    if reason.code == NAME_CITY:
        first = second = reason.first.title()  # the city as city_of read it: folded
    elif reason.code == EMAIL:
        first = second = reason.first
    else:
        first, second = Formatter.phone(reason.first), Formatter.phone(reason.second)
    return text.replace("%1", first).replace("%2", second)


class DuplicatesModel(RowsModel):
    FIRST, FIRST_PHONE, SECOND, SECOND_PHONE, WHY = range(5)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("Card"), self.tr("Phone"), self.tr("Looks like"), self.tr("Phone"),
            self.tr("Why"),
        )  # fmt: skip
        super().__init__(formatter, headers, parent)

    def cells(self, pair: DuplicatePair) -> tuple[str, ...]:
        return (
            pair.first.name,
            Formatter.phone(pair.first.phone),
            pair.second.name,
            Formatter.phone(pair.second.phone),
            "; ".join(reason_text(reason, pair) for reason in pair.reasons),
        )

    def pair(self, row: int) -> DuplicatePair:
        return self._rows[row]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= index.row() < len(self._rows):
            pair = self._rows[index.row()]
            if index.column() in (self.FIRST, self.FIRST_PHONE):
                return self._card_tip(pair.first)
            if index.column() in (self.SECOND, self.SECOND_PHONE):
                return self._card_tip(pair.second)
            return "\n".join(reason_text(reason) for reason in pair.reasons)
        return super().data(index, role)

    def _card_tip(self, card: DuplicateCard) -> str:
        lines = [card.name, Formatter.phone(card.phone), card.email or "", card.address or ""]
        lines.append(self.tr("%n order(s)", "", card.orders))
        return "\n".join(line for line in lines if line)
