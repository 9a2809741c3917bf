"""The ``baes`` command line: a thin face over the core (it parses arguments and prints)."""
