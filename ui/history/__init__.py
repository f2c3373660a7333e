"""History: the change log as a section (filters, the entries, what each changed, the Trash)
and as a tab on the contact card and the order editor."""
