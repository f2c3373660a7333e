"""What an order's editor and the order grid ask before something is lost: unsaved changes,
saving before a document is made, deleting an order (tests patch each `ask`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.widgets.confirm import Confirm


class DiscardChanges:
    """Closing an editor with unsaved changes: discard them?"""

    @staticmethod
    def ask(parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("QDialog", "Unsaved changes"),
            QCoreApplication.translate("QDialog", "The order has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


class SaveFirst:
    """A document is made from the saved order: save the changes first? (tests patch `ask`)"""

    @staticmethod
    def ask(parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("OrderEditor", "Save the order"),
            QCoreApplication.translate(
                "OrderEditor", "A document is made from the saved order. Save the order now?"
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save


def confirm_delete_order(parent: QWidget | None, order_id: int) -> bool:
    """Deleting an order, from its editor or the grid: sure? (a lost deal is better
    cancelled, since it counts in the losses)."""
    question = QCoreApplication.translate(
        "Confirm",
        "Delete order No. %1 with its lines and payments? A deal that fell through is"
        " better cancelled: it stays in the figures of losses.",
    ).replace("%1", str(order_id))
    title = QCoreApplication.translate("Confirm", "Delete order")
    return Confirm.ask(parent, title, question)
