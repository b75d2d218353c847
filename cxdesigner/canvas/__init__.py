"""The journey canvas: scene, items and view (Qt)."""
