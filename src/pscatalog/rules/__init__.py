"""The codes pscatalog reports: one module per code, named after what it checks.

A code's module is its user documentation (the module docstring), its metadata
(``CODE``, ``NAME``, ``SEVERITY``, ``SUMMARY``) and the logic that finds it.
:mod:`pscatalog.rules.registry` lists them all; importing this package imports
none of them, so that a layer below the rules engine (the loader) can use the
module of a code it reports.
"""
