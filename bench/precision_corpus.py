"""The precision benchmark's corpus: real PyPI packages of baes's domain, at pinned versions.

    PYTHONPATH=server .venv/bin/python bench/precision_corpus.py [--list]

FastAPI apps and libraries, Streamlit apps and components, SQL-heavy code (SQLite tools,
SQLAlchemy, migrations, raw SQL) and their pytest suites, written by others. Versions are
pinned so a label (``bench/precision_labels.jsonl``) keeps pointing at the same code; each
sdist is downloaded once by ``bench/sdists.py`` into the git-ignored ``.bench-cache/``.
Every ``.py`` file of each sdist is in the corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdists import fetch_sdist  # noqa: E402

from baes.files.discovery import discover_python_files  # noqa: E402

# (name, version, why it is here)
PACKAGES: tuple[tuple[str, str, str], ...] = (
    # FastAPI: framework docs/tests, libraries, admin apps
    ("fastapi", "0.163.2", "FastAPI itself: tutorials (docs_src) and tests"),
    ("sqlmodel", "0.0.50", "SQL models for FastAPI, tutorials and tests"),
    ("fastapi-users", "15.0.5", "user management routes for FastAPI"),
    ("fastapi-pagination", "0.16.1", "FastAPI pagination with many database backends"),
    ("fastcrud", "0.23.0", "CRUD routers on SQLAlchemy for FastAPI"),
    ("fastapi-utils", "0.8.0", "FastAPI utilities, class-based views"),
    ("fastapi-crudrouter", "0.8.6", "generated CRUD routes on several ORMs"),
    ("fastapi-amis-admin", "0.7.3", "admin app on FastAPI and SQLAlchemy"),
    ("sqladmin", "0.32.0", "SQLAlchemy admin for FastAPI/Starlette"),
    ("authx", "1.7.1", "authentication for FastAPI"),
    ("fastapi-mail", "1.6.8", "mail for FastAPI"),
    # SQL-heavy: SQLite tools, raw SQL, ORMs, migrations
    ("sqlite-utils", "4.2.1", "SQLite library and CLI, raw SQL"),
    ("datasette", "0.65.5", "SQLite web app, raw SQL everywhere"),
    ("dataset", "2.0.0", "SQLAlchemy-based database toolkit"),
    ("records", "0.6.0", "raw SQL queries"),
    ("yoyo-migrations", "8.2.0", "SQL migrations"),
    ("alembic", "1.20.1", "SQLAlchemy migrations"),
    ("databases", "0.9.0", "async database access with raw SQL"),
    ("ormar", "0.26.0", "async ORM for FastAPI"),
    ("aerich", "0.10.1", "Tortoise ORM migrations"),
    ("litecli", "1.17.1", "SQLite CLI"),
    ("sqlalchemy-utils", "0.43.0", "SQLAlchemy utilities"),
    # Streamlit: components and apps
    ("streamlit-extras", "1.6.0", "Streamlit components and example pages"),
    ("streamlit-authenticator", "0.4.1", "Streamlit login component"),
    ("streamlit-webrtc", "0.79.0", "Streamlit component with sample apps"),
    ("streamlit-folium", "0.27.4", "Streamlit component with example pages"),
    ("streamlit-aggrid", "1.2.1.post2", "Streamlit grid component with examples"),
    ("streamlit-sql", "0.2.4", "app: CRUD interface for SQLAlchemy in Streamlit"),
    ("streamlit-sqlalchemy", "0.2.6", "Streamlit templates over SQLAlchemy"),
    ("streamlit-app-generator", "1.0.2", "generates Streamlit apps with login and database templates"),
    ("streamlit-transaction-query", "0.1.0", "app: Streamlit over SQLite"),
    ("pydatev", "0.1.0", "app: FastAPI backend and Streamlit frontend"),
    ("rz-sample", "2.0.2", "boilerplate: FastAPI and Streamlit"),
    ("fluxlit", "0.13.2", "FastAPI and Streamlit runtime"),
    ("sharesphere", "1.0.2", "app: file sharing with Streamlit, SQLAlchemy and SQLite"),
)


@dataclass(frozen=True)
class CorpusFile:
    """One Python file of the corpus: which package it belongs to and where it is."""

    package: str  # "name==version", as labels name it
    relative: str  # path inside the sdist, POSIX, as labels name it
    path: Path  # on disk

    @property
    def key_path(self) -> str:
        """The path the engine is given: the package folder, then the file (tests are found by path)."""
        return f"{self.package.replace('==', '-')}/{self.relative}"


def package_files(root: Path, package: str) -> Iterator[CorpusFile]:
    """The files ``baes check ROOT`` would walk (its discovery, its skipped folders), in a stable order."""
    for path in sorted(discover_python_files([root]).files):
        yield CorpusFile(package, path.relative_to(root).as_posix(), path)


def corpus_files(packages: Sequence[tuple[str, str, str]] = PACKAGES) -> list[CorpusFile]:
    """All files of the pinned packages, downloading what is missing."""
    files: list[CorpusFile] = []
    for name, version, _why in packages:
        files.extend(package_files(fetch_sdist(name, version), f"{name}=={version}"))
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print each package's files and lines")
    args = parser.parse_args(argv)
    total_files = total_lines = 0
    for name, version, why in PACKAGES:
        files = list(package_files(fetch_sdist(name, version), f"{name}=={version}"))
        lines = sum(f.path.read_bytes().count(b"\n") for f in files)
        total_files += len(files)
        total_lines += lines
        if args.list:
            print(f"{name}=={version}: {len(files)} files, {lines} lines ({why})")
    print(f"corpus: {len(PACKAGES)} packages, {total_files} files, {total_lines} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
