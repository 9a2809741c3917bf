"""The API reference's ``baes.core`` path, kept as a thin re-export of ``baes.recognition``."""
