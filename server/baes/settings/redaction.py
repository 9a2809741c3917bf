"""Removing secrets from text that leaves the process (log lines, error messages).

Users put API keys in editor settings and credentials in URLs; a debug log that echoes a
settings object or a connection error that quotes its URL must show neither. Redaction is by
shape: a value under a key that names a secret, a ``user:password@`` in a URL, a bearer
token. One function, used wherever such text is written.
"""

from __future__ import annotations

import re

_SECRET_KEY = r"(?:[a-z_]*api[_-]?key|apikey|[a-z_]*token|secret[a-z_]*|password|passwd|authorization)"
_KEY_VALUE = re.compile(rf"""(?i)(["']?\b{_SECRET_KEY}["']?\s*[:=]\s*)(["']?)([^"'\s,}}\]]+)""")
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@'\"]+@")
_BEARER = re.compile(r"(?i)\b(bearer\s+)[a-z0-9._~+/=-]{8,}")
MASK = "***"


def redact(text: str) -> str:
    """``text`` with secret values, URL credentials and bearer tokens replaced by ``***``."""
    text = _URL_CREDENTIALS.sub(rf"\1{MASK}@", text)
    text = _BEARER.sub(rf"\1{MASK}", text)
    return _KEY_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
