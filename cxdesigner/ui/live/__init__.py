"""The editor's side of a live workshop: the session, presence, its dialogs and menus
(docs/live-editor.md)."""
