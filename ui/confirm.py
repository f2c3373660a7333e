"""A question before something is removed: Yes or No, No the default (tests monkeypatch
`Confirm.ask`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Confirm:
    @staticmethod
    def ask(parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


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
