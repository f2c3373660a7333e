"""The Reports section: a period's figures, top lists, charts, money owed and deals in flight,
and the report as PDF or XLSX (view.py is the section's widget)."""
