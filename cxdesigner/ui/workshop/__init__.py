"""Workshop mode: the full-screen canvas, its countdown timer and dot voting."""
