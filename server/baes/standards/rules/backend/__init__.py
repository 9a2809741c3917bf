"""Backend rules (BE): FastAPI routes, their status codes, errors, models, dependencies and config."""

from __future__ import annotations

from baes.standards.rule import Rule
from baes.standards.rules.backend import (
    connection_not_injected,
    create_route_status_code,
    delete_route_status_code,
    hard_coded_address,
    hard_coded_secret,
    missing_docstring,
    missing_not_found_error,
    missing_response_model,
)

RULES: tuple[Rule, ...] = (
    create_route_status_code.RULE,
    delete_route_status_code.RULE,
    missing_not_found_error.RULE,
    missing_response_model.RULE,
    connection_not_injected.RULE,
    hard_coded_address.RULE,
    hard_coded_secret.RULE,
    missing_docstring.RULE,
)
