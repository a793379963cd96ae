"""The start window, split by reason to change.

- `dialogs`: every modal dialog the start window opens, each behind a module-level function tests replace;
- `table`: the list of applications (its columns, sorting, the completeness bar);
- `actions`: what is done with an application (new, duplicate, renew, delete, import, export);
- `databases`: opening another database and the recent-databases menu;
- `window`: the window itself: its actions, menus, buttons, the open wizards and closing;
- `handle`: a database opened together with its lock (the only module here that imports the models at once).

`ui.start_window` re-exports the public names for older imports.
"""
