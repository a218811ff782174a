"""nkreader: a keyboard-driven terminal reader for news reports."""

__version__ = "0.1.0"
