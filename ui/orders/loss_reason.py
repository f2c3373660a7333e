"""Asking why an order was lost: a reason from the editable list and/or a note."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit


class LossReasonDialog(QDialog):
    """Why was the order lost: a reason from the list and/or a note."""

    def __init__(self, reasons, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why was the order lost?"))
        self.reason = QComboBox()
        self.reason.addItem("—", None)
        for reason in reasons:
            self.reason.addItem(reason.name, reason.id)
        self.note = QLineEdit()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)

        def allow() -> None:  # the service refuses a lost order without a reason or a note
            ok.setEnabled(self.reason.currentData() is not None or bool(self.note.text().strip()))

        self.reason.currentIndexChanged.connect(allow)
        self.note.textChanged.connect(allow)
        allow()
        form = QFormLayout(self)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent, reasons) -> tuple[int | None, str | None] | None:
        dialog = cls(reasons, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.currentData(), dialog.note.text().strip() or None
