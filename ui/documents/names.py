"""What the window calls documents: their kinds, their titles ("Invoice No. 12 of 1 December
2026") and where an issued one stands against its order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.documents.issue import DocumentRecord


def kind_name(kind: str) -> str:
    """ "Invoice", "Delivery note", "Sales receipt" in the interface language."""
    names = {
        "invoice": QCoreApplication.translate("DocumentNames", "Invoice"),
        "delivery_note": QCoreApplication.translate("DocumentNames", "Delivery note"),
        "receipt": QCoreApplication.translate("DocumentNames", "Sales receipt"),
    }
    return names[kind]


def document_title(kind: str, number: int, date_text: str) -> str:
    """ "Invoice No. 12 of 1 December 2026" (each kind its own words: Russian needs them)."""
    titles = {
        "invoice": QCoreApplication.translate("DocumentNames", "Invoice No. %1 of %2"),
        "delivery_note": QCoreApplication.translate("DocumentNames", "Delivery note No. %1 of %2"),
        "receipt": QCoreApplication.translate("DocumentNames", "Sales receipt No. %1 of %2"),
    }
    return titles[kind].replace("%1", str(number)).replace("%2", date_text)


def changed_since_text(kind: str, number: int) -> str:
    """The warning of a current document whose order changed after it was issued."""
    texts = {
        "invoice": QCoreApplication.translate(
            "DocumentNames", "The order changed after invoice No. %1 was issued."
        ),
        "delivery_note": QCoreApplication.translate(
            "DocumentNames", "The order changed after delivery note No. %1 was issued."
        ),
        "receipt": QCoreApplication.translate(
            "DocumentNames", "The order changed after sales receipt No. %1 was issued."
        ),
    }
    return texts[kind].replace("%1", str(number))


def needs_new_version(record: DocumentRecord) -> bool:
    """The newest document of its kind, made before the order changed: worth issuing again."""
    return record.stale and not record.superseded and record.order_id is not None


def state_text(record: DocumentRecord) -> str:
    """Where the document stands: as the order is, the order changed since, or replaced."""
    if record.superseded:
        return QCoreApplication.translate("DocumentNames", "Replaced by a newer version")
    if record.stale:
        return QCoreApplication.translate("DocumentNames", "Order changed since")
    return QCoreApplication.translate("DocumentNames", "Current")
