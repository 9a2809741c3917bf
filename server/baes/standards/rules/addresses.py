"""Hard-coded addresses: what BE006 (backend) and FE003 (frontend) both look for, and BE007's config calls."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from baes.fixes.patches import ReplaceLiteralWithEnv
from baes.standards.index import dotted_name
from baes.standards.options import RuleOptions
from baes.standards.patterns import CLIENT_ATTRS, is_http_client_call, literal_url
from baes.standards.rule import RuleContext, Violation
from baes.standards.rules.address_roles import is_record_call, url_base, variable_for


@dataclass(frozen=True)
class AddressOptions(RuleOptions):
    """Options of the rules reporting hard-coded addresses."""

    # code under ``if __name__ == "__main__":`` is a developer's launcher, not deployed configuration
    allow_in_main_block: bool = True


AddressOptionsT = TypeVar("AddressOptionsT", bound=AddressOptions)


_CONFIG_OWNERS = frozenset({"environ", "os", "config", "settings", "cfg", "conf", "secrets", "env"})


def is_config_call(call: ast.Call) -> bool:
    """``os.environ.get(...)``, ``os.getenv(...)``, ``settings.get(...)``, ``Field(...)``: where defaults live."""
    name = dotted_name(call.func) or ""
    parts = name.split(".")
    if parts[-1] in ("getenv", "Field"):
        return True
    return parts[-1] in ("get", "setdefault", "pop") and len(parts) > 1 and parts[-2].lower() in _CONFIG_OWNERS


_ADDRESS_KEYWORDS = frozenset({"host", "port", "base_url", "api_url"})


_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_SERVE_CALLS = frozenset({"run", "serve", "run_simple", "run_server", "start_server"})


def _loopback_server(call: ast.Call) -> bool:
    """A server started on the loopback address (``uvicorn.run(app, host="127.0.0.1", ...)``).

    It listens only to this machine on every machine it runs on: a development entry point,
    not a deployment address, so neither its host nor its port is reported.
    """
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name not in _SERVE_CALLS:
        return False
    return any(kw.arg == "host" and isinstance(kw.value, ast.Constant) and kw.value.value in _LOOPBACK for kw in call.keywords)


def _address_literal(node: ast.expr) -> bool:
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        return False
    return (isinstance(node.value, str) and bool(node.value)) or isinstance(node.value, int)


def hard_coded_addresses(ctx: RuleContext[AddressOptionsT], env_var: str | None = None) -> Iterator[Violation]:
    """Literal hosts, ports and URLs passed straight into calls (shared by BE006 and FE003)."""
    index = ctx.index
    skip_main = ctx.options.allow_in_main_block
    for call in index.calls:
        # only an address keyword or a possible client call can give a candidate: test that first,
        # the cheapest way; the dotted-name work of the config check only for calls with candidates
        func = call.func
        maybe_client = isinstance(func, ast.Attribute) and func.attr in CLIENT_ATTRS
        if not maybe_client and not (call.keywords and any(kw.arg in _ADDRESS_KEYWORDS for kw in call.keywords)):
            continue
        candidates: list[tuple[ast.expr, str | None, bool]] = []
        client = maybe_client and is_http_client_call(call, index)
        for kw in call.keywords:
            name = kw.arg or ""
            if name in _ADDRESS_KEYWORDS:
                candidates.append((kw.value, name, True))
            elif client and name == "url":
                candidates.append((kw.value, None, False))
        if client:
            candidates += [(arg, None, False) for arg in call.args]
        if not candidates or is_config_call(call) or _loopback_server(call):
            continue
        # a host and port held by a record (seed data, a model instance) are data, not deployment
        if not client and is_record_call(call, index):
            continue
        for value, keyword_name, any_literal in candidates:
            if not (literal_url(value) or (any_literal and _address_literal(value))):
                continue
            var = env_var or variable_for(call, keyword_name, value, index)
            if skip_main and index.in_main_block(call):
                continue
            fix = None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                arguments: dict[str, object] = {**ctx.position(value), "env_var": var, "keep_default": True}
                if var == "API_BASE_URL" and env_var is None:
                    # the deployment part comes from the variable, the path stays in the code
                    suffix = value.value[len(url_base(value.value)) :]
                    if suffix and "\\" not in value.value:
                        arguments["keep_suffix"] = suffix
                fix = ReplaceLiteralWithEnv.spec(arguments, f"read it from the environment variable {var}")
            yield Violation.at(value, fix=fix, value=ast.unparse(value), env_var=var)
