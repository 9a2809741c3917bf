"""Scaffolding: an entity spec becomes a planned, then atomically written, CRUD entity.

``spec`` (EntitySpec), ``classification`` (STANDARD/CUSTOM), ``context`` (template values),
``project`` (what an app already holds), ``insertions`` (edits of shared files), ``plan``
(files as plain data), ``writer`` (all-or-nothing writes).
See docs/generated-app.md.
"""
