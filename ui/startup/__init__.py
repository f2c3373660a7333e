"""Start-up and recovery around the window, carrying out the policy in services/startup.py.

check.py        the quick check of the database in a thread, while Qt loads
application.py  the QApplication (names, icon, translation) and the refusals said before the
                window (another Lavka has the database, it could not be opened)
window.py       the database opened (or rescued) and the main window shown on it
rescue.py       a damaged database: the question and the person's choice carried out
keeper.py       the window, replaced by a new one after a restore
close_backup.py the automatic backup when Lavka closes, and its failure said at the next start
quit_after.py   --quit-after: closes what is showing, as a person would (tests, installed copies)

Nothing here is imported by this package itself: check.py has no Qt, so app.py starts the
check before Qt loads.
"""
