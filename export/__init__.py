"""Files that leave or enter the app: `.kkk.json`, PDF, Excel, the submission package.

`Cancelled` is what long work (a PDF being built, a workbook being read or written) raises when the user stopped it:
a normal outcome, not an error; nothing was written or changed.
"""


class Cancelled(Exception):  # noqa: N818 - a normal outcome, not an error
    """The user cancelled a long operation; nothing was written or changed."""
