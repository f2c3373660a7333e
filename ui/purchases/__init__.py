"""The Purchases section: goods bought in batches (the stock and the FIFO cost come from them)
and the money spent besides goods (expenses: ads per channel, delivery, packaging, fees)."""
