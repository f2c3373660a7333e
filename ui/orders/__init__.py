"""The Orders section: the grid (view.py) with its columns (columns.py) and table models
(models.py); the order editor (editor.py) with its lines (lines.py) and payments (payments.py)
subforms; the payment dialog, the loss reason dialog, and the questions asked before an
order's changes are lost (questions.py)."""
