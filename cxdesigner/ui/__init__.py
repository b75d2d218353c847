"""The editor's windows, panels and the open document."""
