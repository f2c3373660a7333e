"""The Reports section: a period's figures, top lists, charts, money owed and deals in flight
(view.py is the section's widget), and the report as PDF or XLSX (export.py) in the
interface language (labels.py, shared with the command line)."""
