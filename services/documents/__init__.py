"""Documents made from an order: invoice, delivery note and sales receipt (PDF, and XLSX for
the delivery note), the seller's details they carry, their numbers and their amount in words.
No Qt here: the window and the command line both call these."""
