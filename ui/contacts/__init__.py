"""The Contacts section's parts: the rows of phones and e-mails, a company's people."""
