"""Secrets never leave the process in a log line or a message (issue 15 case 7)."""

from __future__ import annotations

import pytest

from baes.settings.redaction import redact


@pytest.mark.parametrize(
    "text, secret",
    [
        ("Received result: [{'apiKey': 'sk-live-123456', 'profile': 'strict'}]", "sk-live-123456"),
        ('{"llmApiKey": "abc123def"}', "abc123def"),
        ("OPENAI_API_KEY=sk-proj-xyz987", "sk-proj-xyz987"),
        ("cannot reach http://alice:hunter2@llm.local/v1: refused", "hunter2"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload", "eyJhbGciOiJIUzI1NiJ9"),
        ("{'password': 'p@ss w0rd'}", "p@ss"),
        ("access_token = tok_9f8e7d6c", "tok_9f8e7d6c"),
    ],
)
def test_secret_values_are_masked(text: str, secret: str) -> None:
    cleaned = redact(text)
    assert secret not in cleaned and "***" in cleaned


def test_ordinary_text_is_unchanged() -> None:
    text = "rule BE007 (hard-coded-secret) found 3 tokens of text in app/main.py:12; see http://localhost:8000/docs"
    assert redact(text) == text
