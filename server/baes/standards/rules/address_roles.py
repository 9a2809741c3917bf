"""What a literal address is for: deployment (a server or client the program opens) or data (a record
that merely holds a host and a port), and the environment variable that would configure it.

Used by ``addresses.hard_coded_addresses`` (BE006, FE003). Everything here reads one call and the
module's imports only, so BE006 keeps its promise of a statement-scoped rule.
"""

from __future__ import annotations

import ast
import re
from urllib.parse import urlsplit

from baes.standards.index import SourceIndex, call_name, dotted_name

# calls that store or collect a record: ``session.add(Connection(...))``, ``rows.append(...)``
_COLLECTING = frozenset({"add", "add_all", "append", "extend", "insert", "merge", "bulk_save_objects", "put"})
# where the records of a project live: ``from app.models import Connection``
_DATA_MODULE_PARTS = frozenset({"models", "model", "schemas", "schema", "entities", "domain", "records", "fixtures"})
# functions that build data on purpose
_DATA_FUNCTION = re.compile(r"(^|_)(seed|seeds|sample|samples|demo|fixture|fixtures|example|examples|fake)(_|$)")
_IDENTIFIER_PART = re.compile(r"[^A-Za-z0-9]+")

# URL scheme -> the variable such a URL is usually read from
_SCHEME_VARIABLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(postgres|postgresql|mysql|mariadb|sqlite|mssql|oracle|cockroachdb)(\+\w+)?$"), "DATABASE_URL"),
    (re.compile(r"^mongodb(\+srv)?$"), "MONGODB_URI"),
    (re.compile(r"^rediss?$"), "REDIS_URL"),
    (re.compile(r"^amqps?$"), "AMQP_URL"),
    (re.compile(r"^wss?$"), "WEBSOCKET_URL"),
    (re.compile(r"^https?$"), "API_BASE_URL"),
)
# top-level module of a callee -> what it connects to
_MODULE_PREFIXES = {
    "uvicorn": "UVICORN",
    "hypercorn": "HYPERCORN",
    "gunicorn": "GUNICORN",
    "redis": "REDIS",
    "aioredis": "REDIS",
    "pymongo": "MONGODB",
    "motor": "MONGODB",
    "psycopg": "DATABASE",
    "psycopg2": "DATABASE",
    "pymysql": "DATABASE",
    "mysql": "DATABASE",
    "asyncpg": "DATABASE",
    "aiomysql": "DATABASE",
    "sqlalchemy": "DATABASE",
    "elasticsearch": "ELASTICSEARCH",
    "smtplib": "SMTP",
    "aiosmtplib": "SMTP",
    "pika": "RABBITMQ",
    "aio_pika": "RABBITMQ",
    "kafka": "KAFKA",
    "aiokafka": "KAFKA",
    "streamlit": "STREAMLIT",
}
# callee names that say nothing about what is reached: use the module or the owner instead
_GENERIC_CALLEES = frozenset(
    {
        "run",
        "serve",
        "connect",
        "create_engine",
        "create_async_engine",
        "create_pool",
        "start",
        "start_server",
        "listen",
        "bind",
        "client",
        "session",
        "open",
        "open_connection",
        "from_url",
        "Client",
        "AsyncClient",
    }
)


def _collected_calls(index: SourceIndex) -> frozenset[int]:
    """Ids of the calls that are elements of a list, tuple, set or dict display, or arguments of a
    collecting call (``rows.append(...)``, ``session.add(...)``): records, not connections."""
    found: set[int] = set()
    displays: list[ast.List | ast.Tuple | ast.Set] = [*index.nodes(ast.List), *index.nodes(ast.Tuple), *index.nodes(ast.Set)]
    for display in displays:
        found.update(id(e) for e in display.elts if isinstance(e, ast.Call))
    for mapping in index.nodes(ast.Dict):
        found.update(id(v) for v in mapping.values if isinstance(v, ast.Call))
    for call in index.calls_to(*_COLLECTING):
        found.update(id(a) for a in call.args if isinstance(a, ast.Call))
    return frozenset(found)


def is_record_call(call: ast.Call, index: SourceIndex) -> bool:
    """``call`` builds a data record (seed data, a model instance) rather than opening something."""
    if id(call) in index.memo("address_record_calls", _collected_calls):
        return True
    name = dotted_name(call.func)
    if isinstance(call.func, ast.Name) and name and name[:1].isupper():
        bound = index.imports.get(name)
        if bound is None:
            return True  # a class of this file: the project's own record type
        module_parts = bound.lstrip(".").split(".")[:-1]
        if bound.startswith(".") or _DATA_MODULE_PARTS.intersection(module_parts):
            return True
    function = index.enclosing_function(call)
    return function is not None and bool(_DATA_FUNCTION.search(function.name.lower()))


def scheme_variable(value: str) -> str | None:
    """``"mongodb://..."`` -> ``MONGODB_URI``; None when the text is no URL of a known kind."""
    scheme = urlsplit(value).scheme.lower() if "://" in value else ""
    for pattern, variable in _SCHEME_VARIABLES:
        if scheme and pattern.match(scheme):
            return variable
    return None


def url_base(value: str) -> str:
    """``"http://localhost:8000/items?x=1"`` -> ``"http://localhost:8000"``: the deployment part."""
    parts = urlsplit(value)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else value


def callee_prefix(call: ast.Call, index: SourceIndex) -> str:
    """What the call reaches, as a variable prefix: ``uvicorn.run`` -> ``UVICORN``,
    ``redis.Redis`` -> ``REDIS``, ``smtplib.SMTP`` -> ``SMTP``, ``MyBroker(...)`` -> ``MY_BROKER``."""
    name = dotted_name(call.func) or call_name(call) or ""
    parts = name.split(".")
    root = index.imports.get(parts[0], parts[0]).split(".")[0] if parts[0] else ""
    if root in _MODULE_PREFIXES:
        return _MODULE_PREFIXES[root]
    last = parts[-1]
    if last and last not in _GENERIC_CALLEES:
        return _upper_snake(re.sub(r"(Client|Connection|Pool)$", "", last) or last)
    owner = parts[-2] if len(parts) > 1 else ""
    return _upper_snake(owner) if owner and owner not in ("self", "cls") else "SERVER"


def _upper_snake(name: str) -> str:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return _IDENTIFIER_PART.sub("_", spaced).strip("_").upper() or "SERVER"


_KEYWORD_SUFFIX = {"host": "HOST", "port": "PORT"}


def variable_for(call: ast.Call, keyword: str | None, value: ast.expr, index: SourceIndex) -> str:
    """The environment variable named after what the value is: a URL by its scheme
    (``DATABASE_URL``, ``MONGODB_URI``, ``API_BASE_URL``), a host or port by what the call reaches
    (``UVICORN_PORT``, ``REDIS_HOST``); never a bare ``HOST`` that any program might set."""
    text = value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None
    if text is None and isinstance(value, ast.JoinedStr) and value.values:
        head = value.values[0]
        text = head.value if isinstance(head, ast.Constant) and isinstance(head.value, str) else None
    by_scheme = scheme_variable(text) if text else None
    if by_scheme:
        return by_scheme
    if keyword == "api_url":
        return "API_URL"
    if keyword in _KEYWORD_SUFFIX:
        return f"{callee_prefix(call, index)}_{_KEYWORD_SUFFIX[keyword]}"
    return "API_BASE_URL"
