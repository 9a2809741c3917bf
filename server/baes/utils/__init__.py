"""The API reference's ``baes.utils`` paths, kept as thin re-exports of the subsystem packages."""
