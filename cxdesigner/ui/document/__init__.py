"""The open document: model, undo stack and path, its autosave and the recovery folder."""
