"""Small dialogs, one per file; each exposes its result as properties and never touches the database."""
