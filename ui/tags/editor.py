"""A contact's tags on its card: chips with a ×, and a field to add one (existing tags are
offered as you type; a new name becomes a tag when the card is saved)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from models import fold
from services.storage import Database
from services.tags import NAME_MAX, TagView, list_tags, new_colours
from ui.tags.chips import Chip, TagChips, colour_icon

_FIELD_WIDTH = 170
_SWATCH = 12  # a tag's colour beside its name in the completer


class TagEditor(QWidget):
    """The tags a contact carries, edited with the card and saved with it.

    `set_tags` shows the contact's tags; the person removes one with its × (or Backspace in
    the empty field) and adds one by typing its name and Enter, or picking it from the
    completer. A name no tag has is kept as a *new* one (a dashed chip) until the card saves:
    the card creates it in its own transaction (services.tags.find_or_create_tags) with the
    contact, so a card closed without saving leaves no stray tag behind. `changed` is emitted
    on every add and remove."""

    changed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._known: list[TagView] = []
        self._chosen: list[TagView] = []
        self._new: list[str] = []
        self.chips = TagChips(self, removable=True)
        self.chips.removeClicked.connect(self.remove_at)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Add tag…"))
        self.field.setToolTip(self.tr("Type a tag and press Enter; a new name makes a new tag"))
        self.field.setMaxLength(NAME_MAX)
        self.field.setClearButtonEnabled(True)
        self.field.setFixedWidth(_FIELD_WIDTH)
        self._names = QStandardItemModel(self)  # the tags not on yet, with their colours
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        popup = self.completer.popup()
        assert popup is not None  # a popup-mode completer makes its list when first asked
        popup.setIconSize(QSize(_SWATCH, _SWATCH))
        self.field.setCompleter(self.completer)
        # the str overload of activated (PySide6's stub has no SignalInstance[...])
        activated = self.completer.activated[str]  # type: ignore[index]  # the overload
        activated.connect(self._picked)
        self.field.returnPressed.connect(self._entered)
        self.field.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chips, 1)
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignTop)
        self.refresh()

    # --- the card's side
    def refresh(self) -> None:
        """Read the existing tags again (for the completer; a tag renamed in Settings shows
        its new name on the chips too)."""
        self._known = list_tags(self._database)
        by_id = {tag.id: tag for tag in self._known}
        self._chosen = [by_id[tag.id] for tag in self._chosen if tag.id in by_id]
        self._show()

    def set_tags(self, tags: Sequence[TagView]) -> None:
        """The contact's tags as saved; forgets new names and what was being typed (no
        `changed`)."""
        self._chosen = list(tags)
        self._new = []
        self.field.clear()
        self._show()

    def tags(self) -> list[TagView]:
        """The existing tags chosen, in the order they were put on."""
        return list(self._chosen)

    def tag_ids(self) -> list[int]:
        return [tag.id for tag in self._chosen]

    def new_names(self) -> list[str]:
        """Names typed that no tag has yet: the card makes them tags as it saves."""
        return list(self._new)

    # --- editing
    def add_name(self, text: str) -> bool:
        """Put the tag called `text` on (case and ё aside), or keep it as a new one when no tag
        is called so. False when it is blank or already on."""
        name = " ".join(text.split())
        if not name:
            return False
        key = fold(name)
        if any(fold(tag.name) == key for tag in self._chosen) or any(
            fold(new) == key for new in self._new
        ):
            return False
        existing = next((tag for tag in self._known if fold(tag.name) == key), None)
        if existing is not None:
            self._chosen.append(existing)
        else:
            self._new.append(name)
        self._show()
        self.changed.emit()
        return True

    def remove_at(self, index: int) -> None:
        """Take off the chip at `index` (the existing tags come first, then the new ones)."""
        if 0 <= index < len(self._chosen):
            del self._chosen[index]
        elif 0 <= index - len(self._chosen) < len(self._new):
            del self._new[index - len(self._chosen)]
        else:
            return
        self._show()
        self.changed.emit()

    def _entered(self) -> None:
        # after a pick from the completer too: the name is on already, and stays once
        self.add_name(self.field.text())
        self.field.clear()

    def _picked(self, text: str) -> None:
        self.add_name(text)
        # the completer writes its choice into the field after this signal
        QTimer.singleShot(0, self.field.clear)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key, typed = event.key(), self.field.text().strip()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and typed:
                self._entered()  # and not on to a dialog's default button: it is the tag's
                return True
            if (
                key == Qt.Key.Key_Backspace
                and not self.field.text()
                and (self._chosen or self._new)
            ):
                self.remove_at(len(self._chosen) + len(self._new) - 1)
                return True
        return super().eventFilter(watched, event)

    def _show(self) -> None:
        chips = [Chip.of(tag) for tag in self._chosen]
        tips = [""] * len(chips)
        # the colours they will get (services.tags.find_or_create_tags picks them so)
        colours = new_colours([tag.colour for tag in self._known], len(self._new))
        for name, colour in zip(self._new, colours, strict=True):
            chips.append(Chip(name, colour, new=True))
            tips.append(self.tr("New tag: it is made when the card is saved"))
        self.chips.set_chips(chips, tips)
        chosen = {tag.id for tag in self._chosen}
        self._names.clear()
        for tag in self._known:
            if tag.id not in chosen:
                self._names.appendRow(QStandardItem(colour_icon(tag.colour), tag.name))
