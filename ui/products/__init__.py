"""The Products section: the catalogue's table (models.py), a product's dialog (dialog.py) and
the section's widget (view.py); stock adjustments are ui/stock/."""
