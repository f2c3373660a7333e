"""Files in and out of Lavka: File → Import (import_dialog.py), and the export of a grid as
shown or of the whole database (export.py), with the save dialog and the "written" offer that
other files (documents, the report) share."""
