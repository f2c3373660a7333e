"""The Calendar section: a month of shipments (past ones greyed) and tasks, moved by drag."""
