"""The Today section: what to do now, each list with its count (services/today.py); and the
task dialog the other sections open too (task_dialog.py)."""
