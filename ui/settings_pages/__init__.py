"""The pages of the Settings dialog (ui/settings_dialog.py), a module each. Every page loads
its values from the database, saves them in its own transaction (raising ValidationError,
having written nothing, when they are refused), says the problems under their fields and
puts the cursor on the first wrong one."""
