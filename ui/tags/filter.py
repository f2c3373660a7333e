"""A filter by tags for a section's bar: a button whose menu ticks the tags to show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from services.storage import Database
from services.tags import TagView, list_tags
from ui.tags.chips import colour_icon

_SWATCH = 14  # a tag's colour in the menu, ticked when chosen


class _TickingMenu(QMenu):
    """Stays open while tags are ticked, so that several are chosen in one go."""

    def mouseReleaseEvent(self, event) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class TagFilter(QToolButton):
    """Shows "All tags", or the tags ticked in its menu (each with its colour): the rows shown
    are those carrying ANY of them. `changed(ids)` is emitted with the ticked tags' ids, an
    empty list for all tags (no filter)."""

    changed = Signal(list)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._tags: list[TagView] = []
        self._chosen: list[int] = []
        self.tags_menu = _TickingMenu(self)
        self.setMenu(self.tags_menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.all_action = QAction(self.tr("All tags"), self)
        self.all_action.setCheckable(True)
        self.all_action.triggered.connect(self.clear)
        self._group = QActionGroup(self)
        self._group.setExclusive(False)
        self.reload()

    def reload(self) -> bool:
        """Read the tags again (added, renamed, recoloured or deleted elsewhere). A ticked tag
        that is gone is unticked: True when that changed the filter (then `changed` was
        emitted)."""
        self._tags = list_tags(self._database)
        known = {tag.id for tag in self._tags}
        kept = [tag_id for tag_id in self._chosen if tag_id in known]
        lost = kept != self._chosen
        self._chosen = kept
        self._build()
        if lost:
            self.changed.emit(list(self._chosen))
        return lost

    def selected_ids(self) -> list[int]:
        """The ticked tags' ids; empty: all tags."""
        return list(self._chosen)

    def set_selected(self, tag_ids: Sequence[int]) -> None:
        """Tick exactly these tags (unknown ids are ignored); emits `changed` when the choice
        changes."""
        asked = set(tag_ids)
        wanted = [tag.id for tag in self._tags if tag.id in asked]
        if wanted == self._chosen:
            return
        self._chosen = wanted
        self._sync()
        self.changed.emit(list(self._chosen))

    def clear(self) -> None:
        """All tags: no filter."""
        self.set_selected([])
        self._sync()  # "All tags" stays ticked when it was clicked while already so

    def tag_actions(self) -> list[QAction]:
        """The menu's tag entries, in name order."""
        return list(self._group.actions())

    def _build(self) -> None:
        self.tags_menu.clear()
        for action in self._group.actions():
            self._group.removeAction(action)
            action.deleteLater()
        self.tags_menu.addAction(self.all_action)
        self.tags_menu.addSeparator()
        if not self._tags:
            none = self.tags_menu.addAction(self.tr("No tags yet"))
            none.setEnabled(False)
        for tag in self._tags:
            action = QAction(tag.name, self)
            action.setCheckable(True)
            action.setData(tag.id)
            action.toggled.connect(lambda on, tag_id=tag.id: self._ticked(tag_id, on))
            self._group.addAction(action)
            self.tags_menu.addAction(action)
        self._sync()

    def _ticked(self, tag_id: int, on: bool) -> None:
        if on == (tag_id in self._chosen):
            return
        chosen = set(self._chosen) | {tag_id} if on else set(self._chosen) - {tag_id}
        self.set_selected([tag.id for tag in self._tags if tag.id in chosen])

    def _sync(self) -> None:
        """The ticks, the button's text, icon and tooltip as the choice is."""
        chosen = set(self._chosen)
        colours = {tag.id: tag.colour for tag in self._tags}
        for action in self._group.actions():
            on = action.data() in chosen
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
            action.setIcon(colour_icon(colours[action.data()], _SWATCH, ticked=on))
        self.all_action.setChecked(not chosen)
        names = [tag for tag in self._tags if tag.id in chosen]
        if not names:
            self.setText(self.tr("All tags"))
            self.setIcon(QIcon())
            self.setToolTip(self.tr("Show the rows carrying any of the tags ticked"))
        elif len(names) == 1:
            self.setText(names[0].name)
            self.setIcon(colour_icon(names[0].colour))
            self.setToolTip(self.tr("Only the rows tagged %1").replace("%1", names[0].name))
        else:
            self.setText(self.tr("%n tag(s)", "", len(names)))
            self.setIcon(colour_icon(names[0].colour))
            listed = ", ".join(tag.name for tag in names)
            self.setToolTip(self.tr("Rows tagged any of: %1").replace("%1", listed))
