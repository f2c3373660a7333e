"""The sales receipt's layout (товарный чек): the title, the seller and the buyer, the goods,
the total, the amount in words and the seller's signature. Its own texts are marked for the
translation here; the pieces are drawn by services.documents.pdf's Kit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.documents.content import DocumentContent
from services.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # services.documents.pdf imports this module to draw a receipt
    from services.documents.pdf import Flowable, Kit, Say

TITLE = QT_TRANSLATE_NOOP("Documents", "Sales receipt No. %1 of %2")
SELLER = QT_TRANSLATE_NOOP("Documents", "Seller:")
SIGNER = QT_TRANSLATE_NOOP("Documents", "Seller")

AMOUNT_WIDTH = 27  # mm; the columns below add up to the page's 180


def story(content: DocumentContent, kit: Kit, say: Say) -> list[Flowable]:
    seller = content.seller
    parts = kit.logo()
    parts += kit.title(TITLE)
    # A receipt names the seller by name, INN and address only.
    parts.append(kit.parties([(say(SELLER), [kit.seller_text(full=False)]), kit.buyer_row()]))
    parts.append(kit.space(2))
    head, tail = kit.lines(
        [
            ("number", 10),
            ("goods", 82),
            ("unit", 14),
            ("quantity", 18),
            ("price", 29),
            ("amount", AMOUNT_WIDTH),
        ]
    )
    parts += head
    totals = [kit.total_row()]
    if content.vat is not None:
        totals.append(kit.vat_row())
    closing = [
        tail,
        kit.space(1),
        kit.totals(totals, AMOUNT_WIDTH),
        kit.space(2),
        kit.items_line(),
        kit.words(),
        kit.rule(),
        kit.space(3),
        kit.signatures([(say(SIGNER), seller.signer, True)]),
    ]
    parts.append(kit.closing(closing))
    return parts
