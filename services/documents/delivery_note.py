"""The delivery note's layout (товарная накладная): the title, the supplier and the buyer,
the goods with their SKUs, the totals, the units released and the amount in words, and two
signatures: the supplier's who released the goods and the buyer's who received them. Its own
texts are marked for the translation here (the XLSX says them too); the pieces are drawn by
services.documents.pdf's Kit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.documents.content import DocumentContent
from services.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # services.documents.pdf imports this module to draw a delivery note
    from services.documents.pdf import Flowable, Kit, Say

TITLE = QT_TRANSLATE_NOOP("Documents", "Delivery note No. %1 of %2")
RELEASED = QT_TRANSLATE_NOOP(
    "Documents", "Total units released: %1, items: %2, for the amount of %3"
)
RELEASED_BY = QT_TRANSLATE_NOOP("Documents", "Released (supplier)")
RECEIVED_BY = QT_TRANSLATE_NOOP("Documents", "Received (buyer)")

AMOUNT_WIDTH = 27  # mm; the columns below add up to the page's 180


def story(content: DocumentContent, kit: Kit, say: Say) -> list[Flowable]:
    seller = content.seller
    parts = kit.logo()
    parts += kit.title(TITLE)
    parts.append(kit.parties([kit.supplier_row(), kit.buyer_row()]))
    parts.append(kit.basis())
    parts.append(kit.space(2))
    head, tail = kit.lines(
        [
            ("number", 10),
            ("goods", 58),
            ("sku", 28),
            ("unit", 12),
            ("quantity", 16),
            ("price", 29),
            ("amount", AMOUNT_WIDTH),
        ]
    )
    parts += head
    closing = [
        tail,
        kit.space(1),
        kit.totals([kit.total_row(), kit.vat_row()], AMOUNT_WIDTH),
        kit.space(2),
        kit.para(released(content, kit, say)),
        kit.words(),
        kit.rule(),
        kit.space(3),
        kit.signatures([(say(RELEASED_BY), seller.signer, True), (say(RECEIVED_BY), "", False)]),
    ]
    parts.append(kit.closing(closing))
    return parts


def released(content: DocumentContent, kit: Kit, say: Say) -> str:
    """ "Total units released: 7, items: 3, for the amount of 26 322,50 ₽"."""
    return kit.fill(
        say(RELEASED),
        kit.fmt.integer(kit.units()),
        kit.fmt.integer(len(content.lines)),
        kit.money_total(),
    )
