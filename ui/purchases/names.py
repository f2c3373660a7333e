"""The expense categories in words, in one place: the grid, the dialog and the reports say
them alike."""

from __future__ import annotations

from models import EXPENSE_CATEGORIES
from services.messages import Translate
from ui.messages import QT_TRANSLATE_NOOP, window_translate

CONTEXT = "ExpenseCategory"
# A category's word, by its stored code (EXPENSE_CATEGORIES)
CATEGORY_NAMES = {
    "ads": QT_TRANSLATE_NOOP("ExpenseCategory", "Ads"),
    "delivery": QT_TRANSLATE_NOOP("ExpenseCategory", "Delivery"),
    "packaging": QT_TRANSLATE_NOOP("ExpenseCategory", "Packaging"),
    "fees": QT_TRANSLATE_NOOP("ExpenseCategory", "Fees"),
    "other": QT_TRANSLATE_NOOP("ExpenseCategory", "Other"),
}
ADS = "ads"  # the one category that names a channel

__all__ = ["ADS", "CATEGORY_NAMES", "EXPENSE_CATEGORIES", "category_name"]


def category_name(code: str, translate: Translate = window_translate) -> str:
    """`Ads`, `Delivery`, `Packaging`, `Fees`, `Other` in the interface language (an unknown
    code as it is)."""
    source = CATEGORY_NAMES.get(code)
    return translate(CONTEXT, source, -1) if source is not None else code
