"""The user's own settings (language, remembered layout), declared as typed options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")
ORGANIZATION = APPLICATION = "Lavka"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key, its type and what it is until the user changes it."""

    key: str
    default: T

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default)
        kind = type(self.default)
        if kind is bool and isinstance(value, str):  # INI files store booleans as text
            # kind is T's own type, so T is bool here: a narrowing mypy does not make
            return value.lower() == "true"  # type: ignore[return-value]  # T is bool here
        try:
            # T's own type converts the stored text (str, int, QByteArray…); mypy types
            # type(default) as an object's, whose constructor takes no argument
            return kind(value)  # type: ignore[call-arg]  # T's type takes the stored value
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


# Preferences (the settings dialog's load()/save() read and write these)
LANGUAGE = Option("preferences/language", "")  # "" follows the system; "ru" or "en"

# Window layout, remembered between runs (kept apart from preferences)
WINDOW_GEOMETRY = Option("layout/geometry", QByteArray())
WINDOW_STATE = Option("layout/state", QByteArray())


def user_settings() -> QSettings:
    """The per-user settings file (INI everywhere, so tests can point it at a folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
