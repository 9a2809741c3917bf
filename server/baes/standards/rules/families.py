"""What every rule of a family shares, filled in by ``Family.rule`` so a rule module states only its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from baes.standards.rule import Rule
from baes.swea import SWEAType

# files of a server: the API and its database code (one set, used by backend and database rules)
SERVER_SIDE: frozenset[SWEAType] = frozenset({SWEAType.BACKEND, SWEAType.DATABASE})
ALL_SWEA: frozenset[SWEAType] = frozenset(SWEAType)


@dataclass(frozen=True)
class Family:
    """A rule family: its id prefix, SWEA type, the files its rules check and their usual scope."""

    prefix: str
    swea_type: SWEAType | None
    applies_to: frozenset[SWEAType] | None
    scope: str = "module"

    def rule(self, **fields: Any) -> Rule:
        """A ``Rule`` of this family; ``fields`` may override what the family fills in."""
        rule_id = str(fields.get("id", ""))
        if not rule_id.startswith(self.prefix):
            raise ValueError(f"rule {rule_id!r} does not start with its family's prefix {self.prefix!r}")
        shared: dict[str, Any] = {"swea_type": self.swea_type, "applies_to": self.applies_to, "scope": self.scope}
        return Rule(**{**shared, **fields})


STRUCTURE = Family("ST", None, None)
BACKEND = Family("BE", SWEAType.BACKEND, frozenset({SWEAType.BACKEND}), scope="statement")
DATABASE = Family("DB", SWEAType.DATABASE, SERVER_SIDE)
FRONTEND = Family("FE", SWEAType.FRONTEND, frozenset({SWEAType.FRONTEND}))
TESTING = Family("TE", SWEAType.TEST, frozenset({SWEAType.TEST}))
