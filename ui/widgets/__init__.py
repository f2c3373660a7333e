"""What the sections share: table models of read-only rows, tables sized for their language,
fields with their error, the colours of a loss and a warning, blocks that wrap into rows, line
icons, the busy cursor, a period preset's dates and the Yes/No question before a removal."""
