"""Lavka's application layer: units of work, queries, figures, import/export. No Qt."""
