"""The invoice's layout (счёт на оплату): the seller's bank details, the title, the supplier
and the buyer, the goods, the totals, the amount in words, the payment terms and the
seller's signature. Its own texts are marked for the translation here; the pieces are drawn
by services.documents.pdf's Kit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.documents.content import DocumentContent
from services.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # services.documents.pdf imports this module to draw an invoice
    from services.documents.pdf import Flowable, Kit, Say

TITLE = QT_TRANSLATE_NOOP("Documents", "Invoice No. %1 of %2")
GOODS = QT_TRANSLATE_NOOP("Documents", "Goods, work, services")
TOTAL_TO_PAY = QT_TRANSLATE_NOOP("Documents", "Total to pay:")
SIGNER = QT_TRANSLATE_NOOP("Documents", "Supplier")  # who signs when the seller names no title
BANK = QT_TRANSLATE_NOOP("Documents", "Recipient's bank")
BIK = QT_TRANSLATE_NOOP("Documents", "BIK")
CORRESPONDENT_ACCOUNT = QT_TRANSLATE_NOOP("Documents", "Corr. account")
ACCOUNT = QT_TRANSLATE_NOOP("Documents", "Account")
RECIPIENT = QT_TRANSLATE_NOOP("Documents", "Recipient")

AMOUNT_WIDTH = 27  # mm; the columns below add up to the page's 180


def story(content: DocumentContent, kit: Kit, say: Say) -> list[Flowable]:
    seller = content.seller
    parts = kit.logo()
    if any((seller.bank, seller.bik, seller.account, seller.correspondent_account)):
        parts.append(
            kit.bank_details(
                bank=say(BANK),
                bik=say(BIK),
                correspondent=say(CORRESPONDENT_ACCOUNT),
                account=say(ACCOUNT),
                recipient=say(RECIPIENT),
            )
        )
    parts += kit.title(TITLE)
    parts.append(kit.parties([kit.supplier_row(), kit.buyer_row()]))
    parts.append(kit.basis())
    parts.append(kit.space(2))
    head, tail = kit.lines(
        [
            ("number", 10),
            ("goods", 82, say(GOODS)),
            ("quantity", 18),
            ("unit", 14),
            ("price", 29),
            ("amount", AMOUNT_WIDTH),
        ]
    )
    parts += head
    total = kit.total_row()
    closing = [
        tail,
        kit.space(1),
        kit.totals([total, kit.vat_row(), (say(TOTAL_TO_PAY), total[1])], AMOUNT_WIDTH),
        kit.space(2),
        kit.items_line(),
        kit.words(),
        *kit.paragraphs(seller.payment_terms),
        kit.rule(),
        kit.space(3),
        kit.signatures([(seller.signer_title or say(SIGNER), seller.signer, True)]),
    ]
    parts.append(kit.closing(closing))
    return parts
