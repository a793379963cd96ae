"""The application shell shared by the GUI and the command line: paths, logging, commands, self-test."""

__version__ = "0.1.0"
