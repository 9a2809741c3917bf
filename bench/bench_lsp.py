"""Language-server latency, measured with a real LSP client over stdio.

1. Time from ``didChange`` to the published diagnostics of that version on a 500-line file,
   p50 and p95 over many edits, for ``baes lsp`` (debounce set to 0) and for ``ruff server``
   on the same file with the same client. Target: baes p95 at most 3x ruff's. Two edit
   sequences: one line in the middle replaced each time (the target's measure), and a
   statement typed keystroke by keystroke into successive functions, where many versions do
   not parse.
2. Time from starting the process to the ``initialize`` answer, for ``baes lsp`` and for a
   bare pygls server (bench/bare_pygls_server.py).

Run: .venv/bin/python bench/bench_lsp.py [--edits N] [--starts N]
ruff is a bench-only dependency: installed into this interpreter with pip when missing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.protocol import LanguageServerProtocol

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ``bench.figures`` when run as a script
from bench.figures import Figure, emit  # noqa: E402

HERE = Path(__file__).resolve().parent
BAES = [sys.executable, "-m", "baes", "lsp"]
BARE = [sys.executable, str(HERE / "bare_pygls_server.py")]


def ruff_command() -> list[str]:
    """``ruff server`` from this interpreter's environment (pip-installed on first use)."""
    probe = subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True, text=True)
    if probe.returncode != 0:
        print("installing ruff (bench-only dependency) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "ruff"], check=True)
    return [sys.executable, "-m", "ruff", "server"]


def make_source(lines: int = 500) -> str:
    """A FastAPI router module of about ``lines`` lines, with findings for both linters."""
    head = [
        "import os",
        "import sqlite3",
        "",
        "from fastapi import APIRouter, HTTPException",
        "import uvicorn",
        "",
        "router = APIRouter()",
        "",
        "",
    ]
    body: list[str] = []
    n = 0
    while len(head) + len(body) < lines - 4:
        body += [
            f"@router.get('/items_{n}/{{item_id}}')",
            f"def read_item_{n}(item_id: int) -> dict:",
            "    conn = sqlite3.connect(os.environ.get('DB', 'app.db'))",
            "    row = conn.execute('SELECT * FROM items WHERE id = ?', (item_id,)).fetchone()",
            "    if row is None:",
            "        raise HTTPException(status_code=404, detail='not found')",
            f"    return {{'id': row[0], 'n': {n}}}",
            "",
            "",
        ]
        n += 1
    tail = ["def serve(app):", '    uvicorn.run(app, host="0.0.0.0")', ""]
    return "\n".join(head + body + tail) + "\n"


class _LenientProtocol(LanguageServerProtocol):
    """Takes the ``initialize`` answer as plain JSON: lsprotocol cannot structure every
    server's capabilities (ruff's notebook sync options), and the bench only needs the timing."""

    def get_result_type(self, method: str) -> Any:
        return None if method == types.INITIALIZE else super().get_result_type(method)


class Session:
    """One server under a pygls client that records each published diagnostics' version."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.client = LanguageClient("bench-client", "1", protocol_cls=_LenientProtocol)
        self.waiters: dict[tuple[str, int | None], asyncio.Future[float]] = {}
        self.last: dict[str, float] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            now = time.perf_counter()
            for key in ((params.uri, params.version), (params.uri, None)):
                waiter = self.waiters.pop(key, None)
                if waiter is not None and not waiter.done():
                    waiter.set_result(now)

        for method in (types.WINDOW_LOG_MESSAGE, types.WINDOW_SHOW_MESSAGE, "baes/fileOutcome", types.PROGRESS):
            self.client.feature(method)(lambda *args: None)

        @self.client.feature(types.WORKSPACE_CONFIGURATION)
        def configuration(params: types.ConfigurationParams) -> list[None]:
            return [None for _ in params.items]

        @self.client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
        def progress_create(params: types.WorkDoneProgressCreateParams) -> None:
            return None

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

    async def start(self, root: Path, options: object = None) -> float:
        started = time.perf_counter()
        await self.client.start_io(*self.command, cwd=str(root))
        caps = types.ClientCapabilities(
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
                synchronization=types.TextDocumentSyncClientCapabilities(did_save=True),
            ),
            workspace=types.WorkspaceClientCapabilities(configuration=True),
            window=types.WindowClientCapabilities(work_done_progress=False),
        )
        await self.client.initialize_async(
            types.InitializeParams(
                process_id=os.getpid(),
                capabilities=caps,
                root_uri=root.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="bench")],
                initialization_options=options,
            )
        )
        elapsed = time.perf_counter() - started
        self.client.initialized(types.InitializedParams())
        return elapsed

    def expect(self, uri: str, version: int | None) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters[(uri, version)] = future
        return future

    async def open(self, uri: str, text: str) -> None:
        waiter = self.expect(uri, None)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
            )
        )
        await asyncio.wait_for(waiter, 60)

    async def change(self, uri: str, version: int, text: str) -> float:
        """Seconds from sending the change to the diagnostics of that version."""
        waiter = self.expect(uri, version)
        started = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return await asyncio.wait_for(waiter, 60) - started

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 10)
            self.client.exit(None)
        finally:
            await self.client.stop()


def line_edits(source: str, edits: int) -> list[str]:
    """One line in the middle of the file replaced, a different text each time (nothing cached)."""
    lines = source.split("\n")
    versions = []
    for n in range(edits):
        edited = list(lines)
        edited[len(lines) // 2] = f"# edit {n}"
        versions.append("\n".join(edited))
    return versions


TYPED = "    total = compute(row, limit=10)"


def typing_session(source: str, edits: int) -> list[str]:
    """A statement typed character by character into one function after another: a new line,
    then one version per keystroke. Many versions do not parse (``total =``, ``compute(row``)."""
    lines = source.split("\n")
    anchors = [i for i, line in enumerate(lines) if line.strip().startswith("row = conn.execute")]
    versions: list[str] = []
    for anchor in anchors[len(anchors) // 4 :]:
        for typed in range(4, len(TYPED) + 1):
            edited = lines[: anchor + 1] + [TYPED[:typed]] + lines[anchor + 1 :]
            versions.append("\n".join(edited))
            if len(versions) == edits:
                return versions
        lines = lines[: anchor + 1] + [TYPED] + lines[anchor + 1 :]
        anchors = [i + 1 if i > anchor else i for i in anchors]
    return versions


async def edit_latencies(command: list[str], root: Path, source: str, versions: list[str], options: object) -> list[float]:
    """Seconds from each ``didChange`` (whole text) to the diagnostics of that version."""
    session = Session(command)
    await session.start(root, options)
    path = root / "app" / "routes.py"
    uri = path.as_uri()
    try:
        await session.open(uri, source)
        return [await session.change(uri, version, text) for version, text in enumerate(versions, start=2)]
    finally:
        await session.stop()


async def start_time(command: list[str], root: Path, options: object) -> float:
    session = Session(command)
    try:
        return await session.start(root, options)
    finally:
        await session.stop()


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


async def main_async(edits: int, starts: int) -> None:
    ruff = ruff_command()
    with tempfile.TemporaryDirectory(prefix="baes-bench-lsp-") as tmp:
        root = Path(tmp)
        (root / "app").mkdir()
        source = make_source()
        (root / "app" / "routes.py").write_text(source, encoding="utf-8")
        os.environ.setdefault("BAES_CACHE_DIR", str(root / ".cache"))
        print(f"file: {len(source.splitlines())} lines; {edits} edits each; {starts} starts each")

        scenarios = [
            ("edit one line (the target)", line_edits(source, edits)),
            ("type a statement, keystroke by keystroke", typing_session(source, edits)),
        ]
        for title, versions in scenarios:
            baes = await edit_latencies(BAES, root, source, versions, {"settings": {"debounceMs": 0}})
            reference = await edit_latencies(ruff, root, source, versions, None)
            b50, b95 = percentile(baes, 0.5) * 1000, percentile(baes, 0.95) * 1000
            r50, r95 = percentile(reference, 0.5) * 1000, percentile(reference, 0.95) * 1000
            print(f"{title}: {len(versions)} versions")
            print(f"  didChange -> diagnostics  baes  p50 {b50:7.1f} ms  p95 {b95:7.1f} ms")
            print(f"  didChange -> diagnostics  ruff  p50 {r50:7.1f} ms  p95 {r95:7.1f} ms")
            print(f"  ratio p50 {b50 / r50:5.2f}x   p95 {b95 / r95:5.2f}x   (target: p95 at most 3x)")
            emit(
                Figure(
                    "bench_lsp",
                    f"didChange -> diagnostics, {title}, p95",
                    b95,
                    "ms",
                    "ruff server, same client and file",
                    b95 / r95,
                    "<= 3x",
                    "python bench/bench_lsp.py",
                )
            )

        baes_starts = [await start_time(BAES, root, {"settings": {}}) for _ in range(starts)]
        bare_starts = [await start_time(BARE, root, None) for _ in range(starts)]
        bs, rs = statistics.median(baes_starts) * 1000, statistics.median(bare_starts) * 1000
        print(f"start -> initialize answer  baes {bs:7.1f} ms  bare pygls {rs:7.1f} ms  ratio {bs / rs:5.2f}x")
        emit(
            Figure(
                "bench_lsp",
                "start -> initialize answer",
                bs,
                "ms",
                "a bare pygls server",
                bs / rs,
                "",
                "python bench/bench_lsp.py",
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=100, help="edits per server (default 100)")
    parser.add_argument("--starts", type=int, default=5, help="start-ups per server (default 5)")
    args = parser.parse_args()
    asyncio.run(main_async(max(2, args.edits), max(1, args.starts)))


if __name__ == "__main__":
    main()
