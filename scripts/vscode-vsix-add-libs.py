"""Add the bundled Python libraries to a .vsix that ``vsce package`` built without them.

``vsce`` reads thousands of small files very slowly (over ten minutes for the ~11,000 files of
three Python versions' libraries on a 2-core machine), so scripts/build-vsix.sh lets it package
everything else and this script puts ``vscode-extension/bundled/libs`` into the archive directly:
a .vsix is a zip whose ``extension/`` folder VS Code unpacks. ``[Content_Types].xml`` gets a
content type for each new file extension (and each extension-less file), as vsce would write.

    python scripts/vscode-vsix-add-libs.py EXTENSION.vsix vscode-extension/bundled/libs
"""
from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

NAMESPACE = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
KNOWN = {"py": "text/x-python", "pyi": "text/x-python", "txt": "text/plain", "json": "application/json"}


def _content_types(xml: bytes, archive_names: list[str]) -> bytes:
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.fromstring(xml)
    # vsce writes extensions with their dot (".js"); compare without it.
    defaults = {element.get("Extension", "").lstrip(".").lower() for element in root.findall(f"{{{NAMESPACE}}}Default")}
    for name in archive_names:
        extension = Path(name).suffix.lstrip(".").lower()
        if extension:
            if extension not in defaults:
                element = ElementTree.SubElement(root, f"{{{NAMESPACE}}}Default")
                element.set("Extension", "." + extension)
                element.set("ContentType", KNOWN.get(extension, "application/octet-stream"))
                defaults.add(extension)
        else:
            element = ElementTree.SubElement(root, f"{{{NAMESPACE}}}Override")
            element.set("PartName", "/" + name)
            element.set("ContentType", "application/octet-stream")
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def add_libs(vsix: Path, libs: Path) -> int:
    files = sorted(path for path in libs.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    names = ["extension/bundled/libs/" + path.relative_to(libs).as_posix() for path in files]
    temporary = vsix.with_suffix(".vsix.tmp")
    with zipfile.ZipFile(vsix) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        if any(name.startswith("extension/bundled/libs/") for name in source.namelist()):
            raise SystemExit(f"{vsix} already contains bundled/libs")
        target.writestr(CONTENT_TYPES, _content_types(source.read(CONTENT_TYPES), names))
        for item in source.infolist():
            if item.filename != CONTENT_TYPES:
                target.writestr(item, source.read(item))
        for path, name in zip(files, names):
            target.write(path, name)
    os.replace(temporary, vsix)
    return len(files)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    count = add_libs(Path(argv[0]), Path(argv[1]))
    print(f"vscode-vsix-add-libs: added {count} files to {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
