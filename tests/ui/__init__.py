"""Widget tests (pytest-qt, offscreen)."""
