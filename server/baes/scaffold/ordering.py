"""The order new entities are created in: what an entity references comes first.

Also where a batch of new entities is refused: a name the app already has, a name given
twice, a reference to an entity neither in the app nor in the batch, a cycle, a self-reference.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.scaffold.project import ExistingApp
from baes.scaffold.spec import EntitySpec


def creation_order(specs: Sequence[EntitySpec], existing: ExistingApp) -> tuple[list[EntitySpec], list[str]]:
    """Referenced entities first; conflicts for duplicates, existing names and unknown targets."""
    conflicts: list[str] = []
    known = {e.name for e in existing.entities}
    pending: dict[str, EntitySpec] = {}
    for spec in specs:
        if spec.name in known:
            conflicts.append(
                f"entity {spec.name} already exists in this app (app/models/{spec.snake_name}.py); nothing was written"
            )
        elif spec.name in pending:
            conflicts.append(f"entity {spec.name} is given twice")
        else:
            pending[spec.name] = spec
    ordered: list[EntitySpec] = []
    placed = set(known)

    def place(spec: EntitySpec, visiting: tuple[str, ...]) -> bool:
        """Put ``spec`` after what it references (depth first, else in the order given)."""
        if spec.name in placed:
            return True
        if spec.name in visiting:
            conflicts.append("circular references between: " + ", ".join(sorted(visiting[visiting.index(spec.name) :])))
            return False
        ok = True
        for relation in spec.relationships:
            if relation.target == spec.name:
                conflicts.append(f"{spec.name} cannot reference itself")
                ok = False
            elif relation.target in pending:
                ok = place(pending[relation.target], (*visiting, spec.name)) and ok
            elif relation.target not in placed:
                conflicts.append(
                    f"{spec.name} references {relation.target}, which is not in this app: "
                    f"scaffold {relation.target} first (or in the same command)"
                )
                ok = False
        if ok and spec.name not in placed:
            ordered.append(spec)
            placed.add(spec.name)
        return ok

    for spec in list(pending.values()):
        place(spec, ())
    return ordered, list(dict.fromkeys(conflicts))


__all__ = ["creation_order"]
