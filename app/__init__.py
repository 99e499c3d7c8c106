"""Hromada Desk: civic records of a territorial community's council (everything but Qt)."""

__version__ = "0.1.0"
