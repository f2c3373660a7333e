"""The expense categories in words (services/messages.py says them once, for the window, the
report and the command line alike)."""

from __future__ import annotations

from models import EXPENSE_CATEGORIES
from services.messages import Translate, expense_category_name
from ui.messages import window_translate

ADS = "ads"  # the one category that names a channel

__all__ = ["ADS", "EXPENSE_CATEGORIES", "category_name"]


def category_name(code: str, translate: Translate = window_translate) -> str:
    """`Ads`, `Delivery`, `Packaging`, `Fees`, `Other` in the interface language (an unknown
    code as it is)."""
    return expense_category_name(code, translate)
