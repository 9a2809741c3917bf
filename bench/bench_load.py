"""Load on the language server: typing bursts across many open documents, p95 latency and memory.

    .venv/bin/python bench/bench_load.py [--documents N] [--bursts N] [--burst-edits N] [--soak SECONDS]

Opens N documents (500-line FastAPI modules), then sends bursts of ``didChange`` across random
documents without waiting (a user typing fast while switching files), and after each burst
waits for the diagnostics of every touched document's last version. Reports the p95 time
from a burst's last edit to its last diagnostics, next to the p95 of single edits on a
quiet server measured in the same run (the ratio is the figure), and the server's resident
memory after opening and its peak (Linux ``/proc``). ``--soak SECONDS`` repeats bursts for
that long and reports memory growth (for manual runs; the test suite runs a short burst).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench_lsp import BAES, Session, make_source, percentile  # noqa: E402

from bench.figures import Figure, emit  # noqa: E402

OPTIONS = {"settings": {"debounceMs": 0}}


def memory_kib(pid: int) -> tuple[int, int]:
    """(resident, peak resident) KiB of ``pid`` from /proc; (0, 0) where unavailable."""
    values = {"VmRSS": 0, "VmHWM": 0}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in values:
                values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values["VmRSS"], values["VmHWM"]


@dataclass
class LoadResult:
    quiet_p95_ms: float
    burst_p95_ms: float
    bursts: int
    edits: int
    rss_open_kib: int
    rss_end_kib: int
    peak_kib: int

    burst_edits: int = 1

    @property
    def ratio(self) -> float:
        """Time per edit inside a burst (p95 of a burst / its edits) against one edit on a quiet server."""
        per_edit = self.burst_p95_ms / max(self.burst_edits, 1)
        return per_edit / self.quiet_p95_ms if self.quiet_p95_ms else float("inf")


async def run_load(documents: int, bursts: int, burst_edits: int, soak_s: float = 0.0, seed: int = 7) -> LoadResult:
    rng = random.Random(seed)
    source = make_source()
    lines = source.split("\n")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "app").mkdir()
        session = Session(BAES)
        await session.start(root, OPTIONS)
        pid = session.client._server.pid  # the server process pygls started
        try:
            uris = [(root / "app" / f"module_{n}.py").as_uri() for n in range(documents)]
            for uri in uris:
                await session.open(uri, source)
            versions = {uri: 1 for uri in uris}
            rss_open, _ = memory_kib(pid)
            quiet = []
            for n in range(20):
                uri = uris[n % len(uris)]
                versions[uri] += 1
                edited = list(lines)
                edited[len(lines) // 2] = f"# quiet edit {n}"
                quiet.append(await session.change(uri, versions[uri], "\n".join(edited)))
            burst_times: list[float] = []
            deadline = time.monotonic() + soak_s
            done = 0
            while done < bursts or time.monotonic() < deadline:
                touched: dict[str, asyncio.Future[float]] = {}
                for _ in range(burst_edits):
                    uri = rng.choice(uris)
                    versions[uri] += 1
                    edited = list(lines)
                    edited[rng.randrange(10, len(lines) - 5)] = f"    value = compute({rng.randrange(10**6)})"
                    touched[uri] = session.expect(uri, versions[uri])
                    session.client.text_document_did_change(_change(uri, versions[uri], "\n".join(edited)))
                sent = time.perf_counter()
                finished = await asyncio.wait_for(asyncio.gather(*touched.values()), 120)
                burst_times.append(max(finished) - sent)
                done += 1
            rss_end, peak = memory_kib(pid)
        finally:
            await session.stop()
    return LoadResult(
        percentile(quiet, 0.95) * 1000,
        percentile(burst_times, 0.95) * 1000,
        done,
        done * burst_edits,
        rss_open,
        rss_end,
        peak,
        burst_edits,
    )


def _change(uri: str, version: int, text: str):  # type: ignore[no-untyped-def]
    from lsprotocol import types

    return types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--bursts", type=int, default=20)
    parser.add_argument("--burst-edits", type=int, default=50)
    parser.add_argument("--soak", type=float, default=0.0, help="keep sending bursts for this many seconds")
    args = parser.parse_args()
    result = asyncio.run(run_load(args.documents, args.bursts, args.burst_edits, args.soak))
    print(f"{args.documents} documents, {result.bursts} bursts of {args.burst_edits} edits ({result.edits} edits)")
    print(f"quiet single edit p95 {result.quiet_p95_ms:7.1f} ms (reference, same run)")
    print(
        f"burst -> last diagnostics p95 {result.burst_p95_ms:7.1f} ms "
        f"({result.burst_p95_ms / args.burst_edits:.1f} ms per edit)   ratio per edit {result.ratio:5.2f}x"
    )
    print(
        f"server RSS after opening {result.rss_open_kib / 1024:6.1f} MiB, at the end {result.rss_end_kib / 1024:6.1f} MiB,"
        f" peak {result.peak_kib / 1024:6.1f} MiB"
    )
    command = "python bench/bench_load.py"
    emit(
        Figure(
            "bench_load",
            f"burst of {args.burst_edits} edits over {args.documents} documents -> all diagnostics, p95 per edit",
            result.burst_p95_ms / args.burst_edits,
            "ms",
            "one edit on a quiet server, p95",
            result.ratio,
            "",
            command,
        ),
        Figure(
            "bench_load",
            "server peak RSS under load",
            result.peak_kib / 1024,
            "MiB",
            "RSS after opening the documents",
            result.peak_kib / max(result.rss_open_kib, 1),
            "",
            command,
        ),
    )


if __name__ == "__main__":
    main()
