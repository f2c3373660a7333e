"""Stock in the window: adjustments of a product's stock, and where a sold line's cost came from."""
