"""Hromada Desk's Qt widgets. Widgets call ``app.services``; they never touch the ORM."""
