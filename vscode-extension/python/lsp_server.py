"""Start the baes language server shipped inside the VS Code extension (``baes.importStrategy`` = ``useBundled``).

The extension's build installs the server and its dependencies once per supported Python version
into ``bundled/libs/pyXY`` (compiled dependencies such as libcst and tiktoken are built per
version). This launcher puts the folder matching the running interpreter first on ``sys.path`` and
runs ``baes lsp`` (stdio). ``--probe`` prints one JSON line instead, which the extension reads to
tell whether this interpreter can run the bundled server before starting it.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

LIBS_ROOT = Path(__file__).resolve().parent.parent / "libs"


def libs_folder() -> Path:
    return LIBS_ROOT / f"py{sys.version_info[0]}{sys.version_info[1]}"


def bundled_versions() -> list[str]:
    """The Python versions the bundle was built for, e.g. ``["3.11", "3.12"]``."""
    if not LIBS_ROOT.is_dir():
        return []
    versions = []
    for entry in LIBS_ROOT.iterdir():
        name = entry.name
        if entry.is_dir() and name.startswith("py") and name[2:].isdigit() and len(name) >= 4:
            versions.append((int(name[2]), int(name[3:])))
    return [f"{major}.{minor}" for major, minor in sorted(versions)]


def use_bundled_libs() -> str | None:
    """Put the bundled libraries first on ``sys.path``; an error message when there are none for this Python."""
    folder = libs_folder()
    if not folder.is_dir():
        built = ", ".join(bundled_versions()) or "none"
        running = f"{sys.version_info[0]}.{sys.version_info[1]}"
        return f"no bundled server for Python {running} (bundled for: {built}); use Python {built} or baes.importStrategy fromEnvironment"
    sys.path.insert(0, os.fspath(folder))
    return None


def probe() -> int:
    info: dict[str, object] = {"executable": sys.executable, "version": list(sys.version_info[:3])}
    problem = use_bundled_libs()
    if problem is not None:
        info["error"] = problem
    else:
        try:
            import baes
            import baes.lsp  # noqa: F401  (the server package must import, not only the core)

            info["baes"] = getattr(baes, "__version__", "unknown")
            info["location"] = baes.__file__
        except Exception as exc:  # report any import failure to the extension, which shows it
            info["error"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(info))
    return 0


def main(argv: list[str]) -> int:
    if "--probe" in argv:
        return probe()
    problem = use_bundled_libs()
    if problem is not None:
        print(f"baes: {problem}", file=sys.stderr)
        return 2
    from baes.cli.main import main as cli_main

    return cli_main(["lsp", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
