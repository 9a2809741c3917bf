"""Frontend rules (FE): Streamlit pages that talk to the API."""

from __future__ import annotations

from baes.standards.rule import Rule
from baes.standards.rules.frontend import (
    form_input_not_validated,
    hard_coded_api_url,
    missing_user_feedback,
)

RULES: tuple[Rule, ...] = (
    form_input_not_validated.RULE,
    missing_user_feedback.RULE,
    hard_coded_api_url.RULE,
)
