"""The editor's dialogs: map details, report export, recovery at start-up."""
