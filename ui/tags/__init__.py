"""Tags on contacts and companies, as widgets: chips (on a card and in a grid's cell), the
card's editor, and the filter of a section's bar."""

from ui.tags.chips import TAGS_ROLE, Chip, TagChips, TagDelegate, colour_icon, text_colour
from ui.tags.editor import TagEditor
from ui.tags.filter import TagFilter

__all__ = [
    "TAGS_ROLE",
    "Chip",
    "TagChips",
    "TagDelegate",
    "TagEditor",
    "TagFilter",
    "colour_icon",
    "text_colour",
]
