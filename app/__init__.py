"""The application shell shared by the GUI and the command line: paths, logging, commands, self-test."""

from klaster import __version__

__all__ = ["__version__"]
