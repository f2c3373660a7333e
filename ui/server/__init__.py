"""File → Open a server's database… and File → Move to a server…: the window on a PostgreSQL
database that several people share (issue #21; services/migrate.py moves a file there)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from services.migrate import MigrationResult, migrate_to
from services.targets import is_server
from ui.operation import Operation

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ui.formatting import Formatter

EXAMPLE = "postgresql://ivan@192.168.1.10/lavka"


class ServerAddress:
    """Asks for a server database's address (tests patch `ask`)."""

    @staticmethod
    def ask(parent: QWidget | None, title: str, label: str) -> str | None:
        """The address typed, once it is one (asked again after a wrong one); None when the
        person cancelled."""
        text = EXAMPLE
        while True:
            text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
            text = text.strip()
            if not ok or not text:
                return None
            if is_server(text):
                return text
            QMessageBox.warning(parent, title, not_an_address(text))


class Answer:
    """The questions and news of a move (tests patch these instead of modal boxes)."""

    @staticmethod
    def confirm(parent: QWidget | None, text: str) -> bool:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("Server", "Move to a server"), text
        )
        return answer == QMessageBox.StandardButton.Yes


def not_an_address(text: str) -> str:
    return (
        QCoreApplication.translate(
            "Server", "'%1' is not a PostgreSQL database's address. It looks like %2."
        )
        .replace("%1", text)
        .replace("%2", EXAMPLE)
    )


def ask_server(parent: QWidget) -> str | None:
    """The address of a server's database to open in the window's place."""
    return ServerAddress.ask(
        parent,
        QCoreApplication.translate("Server", "Open a server's database"),
        QCoreApplication.translate(
            "Server",
            "The database's address (PostgreSQL), as the person who set up the server gave it:",
        ),
    )


def move_to_server(
    parent: QWidget, source: Path, formatter: Formatter, opened: Callable[[str], None]
) -> Operation | None:
    """Ask for an empty server database, copy the file there in the background (proven
    before it commits), then offer to work on the server from now on: `opened(url)` is
    called when the person says yes. The file itself stays as it was."""
    url = ServerAddress.ask(
        parent,
        QCoreApplication.translate("Server", "Move to a server"),
        QCoreApplication.translate(
            "Server",
            "Copy all data into an empty PostgreSQL database, for several people to work in at "
            "once. The database's address:",
        ),
    )
    if url is None:
        return None

    def work(progress):
        return migrate_to(source, url, progress)

    def done(result: MigrationResult) -> None:
        text = QCoreApplication.translate(
            "Server",
            "All data is on the server now (%1 rows, each table checked).\n\nWork on the "
            "server's database from now on? This file stays as it was, but changes made on "
            "the server will not reach it.",
        ).replace("%1", formatter.integer(result.rows))
        if Answer.confirm(parent, text):
            opened(url)

    return Operation(
        parent, QCoreApplication.translate("Server", "Moving the data to the server…"), work, done
    ).start()
