"""What a generated module does when it is imported: OS calls, processes, string evaluation, network.

An LLM's module is written into the user's application and runs the moment the app imports
it. Code inside functions (request handlers, helpers) runs only when called and is judged by
the standards rules; code that runs at import time (module and class bodies, decorators,
default values) must not call the operating system, start processes, evaluate strings or
open network connections. ``if __name__ == "__main__":`` blocks run only as a script and are
not import-time code. A Streamlit page is a script whose body runs on every interaction: its
body plays the request handler, so HTTP calls to the app's API are allowed there (``page=True``);
the OS, processes and strings-as-code are not. Names are resolved through the module's own imports, so
``from subprocess import run as r; r(...)`` is caught like ``subprocess.run(...)``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from baes.python_ast import parse as parse_python
from baes.standards.index import SourceIndex, dotted_name

# the start of a qualified name (``os.exec`` covers ``os.execv``; ``subprocess.`` the module) -> what it does
_DANGEROUS: tuple[tuple[str, str], ...] = (
    ("os.system", "runs a shell command"),
    ("os.popen", "runs a shell command"),
    ("os.exec", "replaces the process"),
    ("os.spawn", "starts a process"),
    ("os.posix_spawn", "starts a process"),
    ("os.fork", "forks the process"),
    ("os.kill", "signals a process"),
    ("os.remove", "deletes files"),
    ("os.unlink", "deletes files"),
    ("os.rmdir", "deletes folders"),
    ("os.removedirs", "deletes folders"),
    ("os.chmod", "changes file permissions"),
    ("os.chown", "changes file owners"),
    ("shutil.rmtree", "deletes a folder tree"),
    ("shutil.move", "moves files"),
    ("subprocess.", "starts a process"),
    ("pty.spawn", "starts a process"),
    ("multiprocessing.", "starts processes"),
    ("socket.", "opens a network socket"),
    ("urllib.request.", "opens a network connection"),
    ("http.client.", "opens a network connection"),
    ("requests.", "makes an HTTP request"),
    ("httpx.", "makes an HTTP request"),
    ("aiohttp.", "makes an HTTP request"),
    ("ftplib.", "opens a network connection"),
    ("smtplib.", "opens a network connection"),
    ("builtins.eval", "evaluates a string as code"),
    ("builtins.exec", "executes a string as code"),
    ("builtins.compile", "compiles a string as code"),
    ("builtins.__import__", "imports a module named at run time"),
    ("importlib.import_module", "imports a module named at run time"),
)
_NETWORK = frozenset({"opens a network socket", "opens a network connection", "makes an HTTP request"})
# Constructors and helpers of those modules that do nothing by themselves.
_HARMLESS = frozenset(
    {
        "requests.Session",
        "httpx.Client",
        "httpx.AsyncClient",
        "httpx.Timeout",
        "httpx.Limits",
        "multiprocessing.cpu_count",
        "socket.gethostname",
    }
)


@dataclass(frozen=True)
class ImportEffect:
    line: int
    call: str
    what: str

    def __str__(self) -> str:
        return (
            f"line {self.line}: `{self.call}(...)` {self.what} when the module is imported; "
            "move it into a function that a request handler or the app's start-up calls"
        )


def import_time_effects(code: str, page: bool = False) -> tuple[ImportEffect, ...]:
    """The calls of ``code`` that would run at import time and touch the OS, processes, strings-as-code or the network.

    ``page``: the module is a Streamlit page (network calls in its body are its job).
    """
    try:
        tree = parse_python(code)
    except SyntaxError:
        return ()  # not code: the caller's own parse reports it
    index = SourceIndex(code, tree)
    found: list[ImportEffect] = []
    for call in _import_time_calls(index):
        qualified = _qualified(call.func, index)
        if qualified is None or qualified in _HARMLESS:
            continue
        what = next((what for stem, what in _DANGEROUS if qualified.startswith(stem)), None)
        if what is not None and not (page and what in _NETWORK):
            found.append(ImportEffect(call.lineno, qualified, what))
    return tuple(found)


_BUILTINS = {name: f"builtins.{name}" for name in ("eval", "exec", "compile", "__import__")}


def _qualified(func: ast.expr, index: SourceIndex) -> str | None:
    """``subprocess.run`` for ``r`` after ``from subprocess import run as r`` (through the index's imports)."""
    name = dotted_name(func)
    if name is None:
        return None
    head, dot, rest = name.partition(".")
    bound = index.imports.get(head) or _BUILTINS.get(head)
    return None if bound is None else bound + dot + rest


def _import_time_calls(index: SourceIndex) -> Iterator[ast.Call]:
    """Calls evaluated while the module is imported (function bodies and ``__main__`` blocks excluded)."""
    stack: list[ast.AST] = [stmt for stmt in index.tree.body if not index.in_main_block(stmt)]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(node.decorator_list)
            stack.extend(node.args.defaults)
            stack.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.Lambda):
            stack.extend(node.args.defaults)
            continue
        if isinstance(node, ast.Call):
            yield node
        stack.extend(ast.iter_child_nodes(node))
