"""A damaged database at start: what was found, and the person's choice carried out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from services.startup import Rescue, RescueChoice, carry_out
from services.storage import Database
from ui.backup import when_text


class DamagedOffer:
    """At start, for a damaged database: restore the newest verified backup (when there is
    one), start with an empty database, or quit. Tests patch `ask`."""

    @staticmethod
    def ask(rescue: Rescue) -> RescueChoice:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Backup", "Lavka"),
            DamagedOffer.found_text(rescue),
        )
        buttons: dict[RescueChoice, QAbstractButton] = {}
        if rescue.backup is None:
            box.setInformativeText(
                QCoreApplication.translate("Backup", "No verified backup was found.")
            )
        else:
            counts = rescue.backup.counts or {}
            box.setInformativeText(
                QCoreApplication.translate(
                    "Backup", "Restore the newest verified backup, taken %1 (%2 orders)?"
                )
                .replace("%1", when_text(rescue.backup))
                .replace("%2", str(counts.get("orders", 0)))
                + f"\n{rescue.backup.path}"
            )
        if RescueChoice.RESTORE in rescue.choices:
            buttons[RescueChoice.RESTORE] = box.addButton(
                QCoreApplication.translate("Backup", "Restore the backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        buttons[RescueChoice.EMPTY] = box.addButton(
            QCoreApplication.translate("Backup", "Start with an empty database"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        return next((c for c, b in buttons.items() if b is clicked), RescueChoice.QUIT)

    @staticmethod
    def found_text(rescue: Rescue) -> str:
        """What was found, and where the damaged file now is."""
        if rescue.reason is None:
            return QCoreApplication.translate(
                "Backup", "An earlier start found the database damaged and moved it aside as\n%1"
            ).replace("%1", str(rescue.kept))
        said = QCoreApplication.translate(
            "Backup", "The database is damaged (%1). It was moved aside, unchanged, as\n%2"
        )
        return said.replace("%1", rescue.reason).replace("%2", str(rescue.kept))


def offer_rescue(rescue: Rescue, db_path: Path, language: str) -> Database | None:
    """The person's choice for the damaged database, carried out: the database that takes its
    place, or None to quit (the next start asks again)."""
    return carry_out(rescue, RescueChoice(DamagedOffer.ask(rescue)), db_path, language)
