"""The automatic backup when Lavka closes (services.startup says when it is due), and its
failure said at the next start: there is no window left to say it in when it happens."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from services.errors import LavkaError
from services.startup import close_time_backup
from ui import settings as options
from ui.messages import error_text
from ui.operation import ErrorBox

LAST_BACKUP_ERROR = options.Option("backup/last_error", "")


def backup_on_close(db_path: Path, settings: QSettings | None = None) -> None:
    """The automatic local backup: at most one a day, thorough once a week, thinned; never
    stops Lavka closing. A failure (damage the weekly check found included) is kept in the
    settings and said at the next start (there is no window now); a pass says nothing."""
    settings = settings or options.user_settings()
    try:
        close_time_backup(db_path)
    except LavkaError as error:
        # In the interface language now: the next start says it as it was written.
        LAST_BACKUP_ERROR.set(settings, error_text(error))
        print(f"lavka: the automatic backup was not made: {error}", file=sys.stderr)
    else:
        LAST_BACKUP_ERROR.set(settings, "")
    settings.sync()


def warn_if_backup_failed(parent: QWidget | None, settings: QSettings) -> None:
    """The automatic backup runs after the window has gone; its failure is said here, once."""
    error = LAST_BACKUP_ERROR.get(settings)
    if error:
        LAST_BACKUP_ERROR.set(settings, "")
        ErrorBox.show(
            parent,
            QCoreApplication.translate(
                "Backup", "The automatic backup when Lavka last closed was not made:\n%1"
            ).replace("%1", error),
        )
