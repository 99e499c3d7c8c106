"""The demo hromada (a fictional council with a year of records), built through the areas' services.

:mod:`app.demo.create` builds it; :mod:`app.demo.profile` says who it is and how to sign in.
"""
