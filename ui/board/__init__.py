"""The Board section: orders as cards in a column per status, moved by dragging."""
