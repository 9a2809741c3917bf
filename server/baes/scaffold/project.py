"""What an existing generated application already holds: its entities and their pages.

Read back from the files the templates wrote (``app/models/<entity>.py`` for attributes,
``app/tables/<entity>.py`` for foreign keys, ``ui/pages/`` for page numbers) with ``ast``,
so a later entity can reference an earlier one and the generated tests can create it.
A file the user changed beyond recognition is skipped, never guessed at.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from baes.files.atomic import read_source
from baes.python_ast import parse as parse_python
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec, SpecError, pascal_case

MODELS_DIR = "app/models"
TABLES_DIR = "app/tables"
PAGES_DIR = "ui/pages"
MAIN_FILE = "app/main.py"

_ANNOTATION_TYPES = {
    "str": "str",
    "EmailStr": "email",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "dt.date": "date",
    "date": "date",
    "dt.datetime": "datetime",
    "datetime": "datetime",
}
_FOREIGN_KEY = re.compile(r"FOREIGN\s+KEY\s*\(\s*\"?(\w+)\"?\s*\)\s*REFERENCES\s+\"?(\w+)\"?", re.IGNORECASE)
_PAGE = re.compile(r"^(\d+)_(\w+)\.py$")
_UNIQUE = re.compile(r"\bUNIQUE\s*\(([^)]*)\)", re.IGNORECASE)


@dataclass(frozen=True)
class ExistingApp:
    """The entities of a generated application found on disk."""

    root: Path
    is_app: bool  # app/main.py exists
    entities: tuple[EntitySpec, ...]
    page_files: dict[str, str]  # entity name -> page file name under ui/pages
    next_page_number: int

    def get(self, name: str) -> EntitySpec | None:
        wanted = pascal_case(name)
        return next((e for e in self.entities if e.name == wanted), None)


def _read(path: Path) -> str | None:
    try:
        return read_source(path).text
    except (OSError, UnicodeDecodeError, LookupError):
        return None


def _annotation(node: ast.expr) -> tuple[str, bool] | None:
    """(type, required) from ``T`` or ``T | None``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        if isinstance(node.right, ast.Constant) and node.right.value is None:
            inner = _annotation(node.left)
            return (inner[0], False) if inner else None
        return None
    type_name = _ANNOTATION_TYPES.get(ast.unparse(node))
    return (type_name, True) if type_name else None


def _fields(models_source: str, entity: str) -> list[tuple[str, str, bool]] | None:
    try:
        module = parse_python(models_source)
    except (SyntaxError, ValueError):
        return None
    for node in module.body:
        if isinstance(node, ast.ClassDef) and node.name == f"{entity}Create":
            fields = []
            for statement in node.body:
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                    parsed = _annotation(statement.annotation)
                    if parsed is None:
                        return None
                    fields.append((statement.target.id, parsed[0], parsed[1]))
            return fields
    return None


def _read_entity(root: Path, models_file: Path, table_to_entity: dict[str, str]) -> EntitySpec | None:
    source = _read(models_file)
    if source is None:
        return None
    match = re.search(r"^class (\w+)Create\(", source, re.MULTILINE)
    if match is None:
        return None
    name = match.group(1)
    fields = _fields(source, name)
    if fields is None:
        return None
    table_source = _read(root / TABLES_DIR / models_file.name) or ""
    references = {column: table for column, table in _FOREIGN_KEY.findall(table_source)}
    attributes = []
    relationships = []
    for field_name, type_name, required in fields:
        target = table_to_entity.get(references.get(field_name, ""))
        if target is not None:
            relationships.append(RelationshipSpec(target=target, required=required))
        else:
            attributes.append(AttributeSpec(name=field_name, type=type_name, required=required))
    unique = tuple(tuple(column.strip().strip('"') for column in group.split(",")) for group in _UNIQUE.findall(table_source))
    try:
        return EntitySpec(name=name, attributes=tuple(attributes), relationships=tuple(relationships), unique=unique)
    except SpecError:
        return None


def _entity_names(models_dir: Path) -> dict[str, str]:
    """Table name -> entity name, for every models file that names a ``<Entity>Create`` class."""
    result: dict[str, str] = {}
    for path in sorted(models_dir.glob("*.py")):
        source = _read(path) or ""
        match = re.search(r"^class (\w+)Create\(", source, re.MULTILINE)
        if match:
            try:
                spec = EntitySpec(name=match.group(1))
            except SpecError:
                continue
            result[spec.table_name] = spec.name
    return result


def inspect_project(root: str | Path) -> ExistingApp:
    """Read what a folder already holds (an empty result for a folder with no generated app)."""
    base = Path(root)
    models_dir = base / MODELS_DIR
    table_to_entity = _entity_names(models_dir) if models_dir.is_dir() else {}
    entities = []
    if models_dir.is_dir():
        for path in sorted(models_dir.glob("*.py")):
            if path.name == "__init__.py":
                continue
            spec = _read_entity(base, path, table_to_entity)
            if spec is not None:
                entities.append(spec)
    page_files: dict[str, str] = {}
    highest = 0
    pages_dir = base / PAGES_DIR
    if pages_dir.is_dir():
        by_title = {e.table_name.replace("_", ""): e.name for e in entities}
        for path in sorted(pages_dir.glob("*.py")):
            match = _PAGE.match(path.name)
            if match:
                highest = max(highest, int(match.group(1)))
                owner = by_title.get(match.group(2).replace("_", "").lower())
                if owner:
                    page_files[owner] = path.name
    return ExistingApp(
        root=base,
        is_app=(base / MAIN_FILE).is_file(),
        entities=tuple(entities),
        page_files=page_files,
        next_page_number=highest + 1,
    )
