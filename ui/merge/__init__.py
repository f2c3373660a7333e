"""Merging duplicate cards: the merge dialog (two cards side by side, a value kept per field)
and the list of possible duplicates to review."""

from ui.merge.dialog import MergeDialog
from ui.merge.duplicates import DuplicatesDialog

__all__ = ["DuplicatesDialog", "MergeDialog"]
