"""The Contacts section: the section's widget (view.py: the search list beside the card), its
table models (models.py), the card's Activity tab (activity.py) and rows of phones and e-mails
(entries.py); the contact picker other sections use (picker.py) and the dialogs that make a
contact fast (dialogs.py)."""
