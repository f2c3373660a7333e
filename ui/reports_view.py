"""The Reports section's old address: the section lives in the package ui/reports/ now."""

from ui.reports.view import ReportsView

__all__ = ["ReportsView"]
