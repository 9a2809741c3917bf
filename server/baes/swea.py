"""The four SWEA (software-engineering agent) kinds, declared once.

The API reference exposes ``SWEAType`` from ``baes.scaffold.template_registry``; that module
imports it from here so there is exactly one enum (the original had two copies that
compared unequal).
"""

from __future__ import annotations

from enum import Enum


class SWEAType(Enum):
    """Which part of a generated application a file (or rule, or template) belongs to."""

    BACKEND = "backend"
    DATABASE = "database"
    FRONTEND = "frontend"
    TEST = "test"

    @classmethod
    def parse(cls, value: str | SWEAType) -> SWEAType:
        """Accept an enum member or its value in any case (``"Backend"`` → ``BACKEND``)."""
        if isinstance(value, SWEAType):
            return value
        text = str(value).strip().lower()
        for member in cls:
            if member.value == text or member.name.lower() == text:
                return member
        valid = ", ".join(m.value for m in cls)
        raise ValueError(f"unknown SWEA type {value!r}; expected one of: {valid}")
