"""BE007 `hard-coded-secret`: Flags passwords, keys and tokens written as string literals."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.addresses import is_config_call
from baes.standards.rules.families import BACKEND
from baes.swea import SWEAType

_SECRET_NAME = re.compile(r"(secret|passw(or)?d|api_?key|private_?key|access_?token|auth_?token)", re.IGNORECASE)
# names that hold something about a secret, not the secret: ``PASSWORD_HASH_ALGORITHM = "bcrypt"``,
# ``API_KEY_HEADER = "X-API-Key"``, ``SECRET_KEY_ENV = "SECRET_KEY"``, ``TOKEN_URL``
_ABOUT_A_SECRET = re.compile(
    r"(?:^|_)(algorithm|alg|scheme|type|kind|url|uri|path|file|dir|name|header|field|param|env|var|"
    r"prefix|suffix|error|errors|message|msg|label|template|pattern|regex|route|endpoint|policy|"
    r"length|len|hint|prompt|placeholder|example|format|location|mode|id)s?$",
    re.IGNORECASE,
)
# a name as the value (an error code, a field or header name): ``INVALID_PASSWORD = "invalid_password"``
_NAME_LIKE = re.compile(r"[A-Za-z]+(?:[-_.:][A-Za-z]+)*")
_PLACEHOLDER_WORDS = (
    "your",
    "example",
    "placeholder",
    "changeme",
    "change_me",
    "change-me",
    "change_this",
    "changethis",
    "replace",
    "dummy",
    "fake",
    "sample",
    "insert",
    "redacted",
    "xxx",
    "...",
    "<",
    "{",
)


def _is_placeholder(value: str) -> bool:
    """A masked value (``"********"``) or a tutorial's stand-in (``"your-secret-key"``, ``"<token>"``)."""
    if len(set(value)) <= 2:
        return True
    lowered = value.lower()
    return any(word in lowered for word in _PLACEHOLDER_WORDS)


def _is_name_not_secret(value: str) -> bool:
    """The value names something (``"invalid_password"``, ``"X-API-Key"``, ``"SECRET_KEY"``): a name
    holding a secret word, made of letters and separators only, is an error code or a field/header/env name."""
    return bool(_NAME_LIKE.fullmatch(value)) and bool(_SECRET_NAME.search(value))


def _secret_literal(node: ast.expr | None) -> bool:
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    value = node.value
    if len(value) < 6 or " " in value:
        return False
    return not (_is_placeholder(value) or _is_name_not_secret(value))


def _secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name)) and not _ABOUT_A_SECRET.search(name)


def _secret_keyword(kw: ast.keyword) -> bool:
    return bool(kw.arg) and _secret_literal(kw.value) and _secret_name(kw.arg or "")


def _hard_coded_secret(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    if ctx.swea_type is SWEAType.TEST:
        return  # fixtures log in with throwaway credentials
    index = ctx.index
    # one pass over the keyword nodes finds the suspicious ones; only calls holding one need the
    # dotted-name work of ``is_config_call``
    secret_keywords = {id(kw) for kw in index.nodes(ast.keyword) if _secret_keyword(kw)}
    if secret_keywords:
        for call in index.calls:
            found = [kw for kw in call.keywords if id(kw) in secret_keywords]
            if found and not is_config_call(call):
                for kw in found:
                    yield Violation.at(kw.value, name=kw.arg)
    assign_kinds: tuple[type[ast.Assign | ast.AnnAssign], ...] = (ast.Assign, ast.AnnAssign)
    for kind in assign_kinds:
        for stmt in index.nodes(kind):
            value = stmt.value
            if value is None or not _secret_literal(value):
                continue
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name) and _secret_name(target.id):
                    yield Violation.at(value, name=target.id)


RULE = BACKEND.rule(
    id="BE007",
    name="hard-coded-secret",
    summary="Flags passwords, keys and tokens written as string literals.",
    severity=Severity.ERROR,
    confidence=0.8,
    critical=True,
    message="`{name}` is a hard-coded secret; read it from the environment",
    why="Secrets in source code end up in version control, logs and every copy of the project.",
    how_to_fix='`SECRET_KEY = os.environ["SECRET_KEY"]` and keep the value out of the repository.',
    check=_hard_coded_secret,
    profiles=frozenset({"strict", "generated"}),
    # a secret is one wherever it is written: settings modules (``pydantic_settings``), scripts and
    # clients are no SWEA kind of their own; test files are skipped in the check
    applies_to=None,
    notes=(
        "Checked in every Python file but tests (whose fixtures use throwaway credentials), so a settings "
        'module is checked too. Not reported: masked values (`"********"`), tutorial stand-ins '
        '(`"your-secret-key"`, `"<token>"`, `"changeme"`), values that are names (error codes such as '
        '`"invalid_password"`, header or field names such as `"X-API-Key"`), and names about a secret '
        "rather than the secret (`PASSWORD_HASH_ALGORITHM`, `API_KEY_HEADER`, `SECRET_KEY_ENV`). "
        "Not in the default profile, where tutorials legitimately show example keys."
    ),
    valid_examples=(
        Example(
            """
            import os

            SECRET_KEY = os.environ['SECRET_KEY']
            """,
        ),
        # masked values and stand-ins are not secrets
        Example(
            """
            def redact(record: dict) -> dict:
                return {**record, 'password': '********'}


            DEMO_API_KEY = '<paste-your-key>'
            db_password = 'change-this-password'
            """,
        ),
        # error codes and names of fields, headers and variables are not secrets
        Example(
            """
            WRONG_PASSWORD = 'wrong_password'
            EXPIRED = {'code': 'token_expired'}
            API_KEY_HEADER = 'X-Service-Api-Key'
            SECRET_KEY_ENV = 'APP_SECRET_KEY'
            PASSWORD_HASH_ALGORITHM = 'argon2id'
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            SECRET_KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7'
            """,
        ),
        # a settings module: no API, no database, still a secret in the repository
        Example(
            """
            from pydantic_settings import BaseSettings


            class AppSettings(BaseSettings):
                jwt_secret: str = 'k3Jd9sLq0Zx7Vb2Nm4'
                smtp_password: str = 'mail-pa55-2024'
            """,
        ),
        Example(
            """
            import smtplib


            def mailer() -> smtplib.SMTP:
                server = smtplib.SMTP('smtp.example.org')
                server.login('robot', password='R0b0t!mail')
                return server
            """,
        ),
    ),
)
