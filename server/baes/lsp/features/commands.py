"""``workspace/executeCommand``: how every command is run (docs/architecture.md lists ids and arguments).

Each command takes one optional JSON object and returns a JSON object. Failures answer
with an error naming the problem (bad arguments, a stale document); they never stop the
server. The commands themselves live in their feature modules; ``baes.lsp.server`` maps
each id to its handler.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from pygls.exceptions import JsonRpcInternalError, JsonRpcInvalidParams

from baes.lsp.session import Session

logger = logging.getLogger(__name__)

Handler = Callable[[Session, Mapping[str, Any]], Awaitable[Any]]


class CommandError(Exception):
    """A command could not do its work for a reason the user can act on."""


def jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and paths as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return value


def _argument(arguments: Sequence[Any]) -> Mapping[str, Any]:
    if not arguments or arguments[0] is None:
        return {}
    if len(arguments) > 1 or not isinstance(arguments[0], Mapping):
        raise JsonRpcInvalidParams("expected one JSON object as the command's argument")
    return arguments[0]


async def invoke(session: Session, handler: Handler, arguments: Sequence[Any]) -> Any:
    """Run a command; its errors become JSON-RPC errors with a readable message."""
    argument = _argument(arguments)
    try:
        return jsonable(await handler(session, argument))
    except CommandError as exc:
        logger.warning("%s", exc)
        raise JsonRpcInternalError(str(exc)) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise JsonRpcInvalidParams(f"invalid arguments: {exc}") from exc
