"""The package version, in a module of its own so every stage can import it."""

__version__ = "0.1.0"
