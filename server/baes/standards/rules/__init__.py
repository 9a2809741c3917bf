"""The rules, one per module, in a package per family (structure, backend, database, frontend, testing).

``baes.standards.catalog`` is the registry over the families; ``families`` holds what every rule of
a family shares.
"""
