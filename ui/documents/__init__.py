"""Documents from an order in the window: the "Documents ▾" menu, the document's dialog
(open, save as, print) and the list of an order's documents."""
