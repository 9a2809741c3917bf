"""Source distributions from PyPI, downloaded once into ``.bench-cache/`` and unpacked there.

The one download path of the benchmarks (``bench_check``'s corpus and the precision corpus):
``pip download --no-deps --no-binary NAME`` into ``.bench-cache/sdists``, unpacked into
``.bench-cache/corpus``. Only the package itself is taken as source (``--no-binary NAME``, not
``:all:``): pip prepares an sdist's metadata, and with ``:all:`` it would build the build
backends too from source (uv_build needs Rust crates, which are not reachable). The cache is
git-ignored: third-party code is never committed.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".bench-cache"
SDISTS = CACHE / "sdists"
CORPUS = CACHE / "corpus"


def _safe_members(archive: tarfile.TarFile, target: Path) -> list[tarfile.TarInfo]:
    """Only regular files and folders that stay inside ``target``."""
    members = []
    root = target.resolve()
    for member in archive.getmembers():
        if not (member.isfile() or member.isdir()):
            continue
        destination = (target / member.name).resolve()
        if root in destination.parents or destination == root:
            members.append(member)
    return members


def _archive_stem(path: Path) -> str:
    name = path.name
    for suffix in (".tar.gz", ".tgz", ".zip", ".tar.bz2"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _normalized(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def _find_archive(name: str, version: str | None) -> Path | None:
    """The downloaded sdist of ``name`` (``version`` when given); sdists spell names variously."""
    wanted = _normalized(name)
    found = []
    for path in sorted(SDISTS.glob("*")):
        stem = _archive_stem(path)
        project, _, got = stem.rpartition("-")
        if _normalized(project) == wanted and (version is None or got == version):
            found.append(path)
    return found[-1] if found else None


def _unpack(archive: Path) -> Path:
    """Unpack ``archive`` into the corpus folder; the folder of its contents."""
    target = CORPUS / _archive_stem(archive)
    if target.is_dir():
        return _top(target)
    target.mkdir(parents=True)
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zipped:
            root = target.resolve()
            for info in zipped.infolist():
                destination = (target / info.filename).resolve()
                if root in destination.parents:
                    zipped.extract(info, target)
    else:
        with tarfile.open(archive) as tarred:
            tarred.extractall(target, members=_safe_members(tarred, target))
    return _top(target)


def _top(target: Path) -> Path:
    """An sdist holds one top folder (``name-version/``); fall back to ``target`` itself."""
    children = [child for child in target.iterdir()]
    return children[0] if len(children) == 1 and children[0].is_dir() else target


def fetch_sdist(name: str, version: str | None = None) -> Path:
    """The unpacked source of ``name`` (``==version`` when given), downloading it on first use."""
    archive = _find_archive(name, version)
    if archive is None:
        SDISTS.mkdir(parents=True, exist_ok=True)
        spec = f"{name}=={version}" if version else name
        print(f"downloading the {spec} sdist into {SDISTS} (first run only)", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                name,
                "--ignore-requires-python",
                "--quiet",
                spec,
                "-d",
                str(SDISTS),
            ],
            check=True,
        )
        archive = _find_archive(name, version)
        if archive is None:
            raise FileNotFoundError(f"pip downloaded no sdist of {spec} into {SDISTS}")
    CORPUS.mkdir(parents=True, exist_ok=True)
    return _unpack(archive)
