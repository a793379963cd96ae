"""What every layer may know about the program itself: its name, its version, where its bundled files are and
how an operating-system error reads in the user's language. Imports nothing of the project (forms/, models/,
export/, ui/ and app/ all build on it), and nothing outside the standard library."""

__version__ = "0.1.0"
APP_NAME = "Klaster"
