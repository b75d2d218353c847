"""The live workshop: a journey map shared as a Yjs document (docs/collaboration.md)."""
