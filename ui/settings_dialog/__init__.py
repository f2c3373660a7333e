"""The Settings dialog (dialog.py) and its pages, a module each (common.py: what the pages
share). Every page loads its values from the database, saves them in its own transaction
(raising ValidationError, having written nothing, when they are refused), says the problems
under their fields and puts the cursor on the first wrong one."""
