"""The editor's docked panels: outline, inspector, personas, palette, plan and
action tree, priority matrix, SWOT board, analysis."""
