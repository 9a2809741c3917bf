"""The OpenAI-compatible LLM client: settings (``LLMConfig``) and one small wrapper (``LLMClient``).

Any endpoint that speaks the chat-completions API works (OpenAI, a local server, a proxy).
The LLM is enabled only when both a base URL and a model are configured; otherwise no client
is built and nothing opens a network connection. ``openai`` is imported inside the client on
first use (it costs about half a second), so importing this module is cheap.

Every failure (timeout, connection, HTTP status, unreadable, empty or oversized answer)
reaches the caller as one ``LLMError`` with a ``kind`` saying which, so callers need one
``except``. Answers are bounded before they are parsed: in bytes and wall time by the HTTP
transport (``baes.generation.llm_transport``), in tokens by ``max_tokens`` sent with every
request and checked on the answer. Credentials written into the base URL
(``http://user:key@host/v1``) never appear in a message, a log line or a cache key.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from baes.generation.llm_transport import (
    DEFAULT_MAX_ANSWER_BYTES,
    AnswerTooLarge,
    AnswerTooSlow,
    capped_transport,
)
from baes.metrics.tokens import count_tokens
from baes.settings.redaction import redact

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_TEMPERATURE = 0.0
#: Tokens an answer may hold (sent as ``max_tokens`` unless the caller asks for fewer; checked on the answer).
DEFAULT_MAX_ANSWER_TOKENS = 8192
#: Placeholder sent when no key is configured: local servers need none, the client insists on one.
NO_API_KEY = "not-needed"

ENV_BASE_URL = "BAES_LLM_BASE_URL"
ENV_MODEL = "BAES_LLM_MODEL"
ENV_API_KEY = "BAES_LLM_API_KEY"
ENV_OPENAI_API_KEY = "OPENAI_API_KEY"
ENV_TIMEOUT = "BAES_LLM_TIMEOUT"
ENV_MAX_RETRIES = "BAES_LLM_MAX_RETRIES"
ENV_TEMPERATURE = "BAES_LLM_TEMPERATURE"

# Editor-settings spellings accepted by ``from_mapping`` besides the environment names.
_MAPPING_KEYS: dict[str, tuple[str, ...]] = {
    "base_url": ("base_url", "baseUrl", "llmBaseUrl", ENV_BASE_URL),
    "model": ("model", "llmModel", ENV_MODEL),
    "api_key": ("api_key", "apiKey", "llmApiKey", ENV_API_KEY, ENV_OPENAI_API_KEY),
    "timeout_s": ("timeout_s", "timeout", "timeoutS", "llmTimeout", ENV_TIMEOUT),
    "max_retries": ("max_retries", "maxRetries", "llmMaxRetries", ENV_MAX_RETRIES),
    "temperature": ("temperature", "llmTemperature", ENV_TEMPERATURE),
}


def redact_url(url: str | None) -> str:
    """``url`` without the user name and password a user may have written into it (``http://***@host``)."""
    return redact(url or "")


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, parts.query, parts.fragment))


class LLMError(Exception):
    """Any failure talking to the LLM. ``kind``: timeout | connection | status | empty | invalid | too_large | config."""

    def __init__(self, kind: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status

    def __str__(self) -> str:
        detail = super().__str__()
        return f"{self.kind}: {detail}" if self.status is None else f"{self.kind} ({self.status}): {detail}"


@dataclass(frozen=True)
class LLMConfig:
    """Where and how to call the LLM. Bad values fall back to defaults, noted in ``errors``."""

    base_url: str | None = None
    model: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_retries: int = DEFAULT_MAX_RETRIES
    temperature: float = DEFAULT_TEMPERATURE
    errors: tuple[str, ...] = field(default=(), compare=False)
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES
    max_answer_tokens: int = DEFAULT_MAX_ANSWER_TOKENS

    def __repr__(self) -> str:
        return (
            f"LLMConfig(base_url={redact_url(self.base_url)!r}, model={self.model!r}, "
            f"timeout_s={self.timeout_s}, max_retries={self.max_retries})"
        )

    @property
    def enabled(self) -> bool:
        """True only when both a base URL and a model are set."""
        return bool(self.base_url and self.base_url.strip() and self.model and self.model.strip())

    @property
    def identity(self) -> str:
        """What changes an LLM's answer (endpoint and model), for cache keys; never the key."""
        if not self.enabled:
            return "none"
        return f"{_without_credentials((self.base_url or '').strip()).rstrip('/')}|{(self.model or '').strip()}"

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], source: str = "settings") -> LLMConfig:
        """Read a config from editor settings or any mapping (environment names also accepted)."""
        found: dict[str, Any] = {}
        if not isinstance(values, Mapping):
            return cls(errors=(f"{source}: expected an object, got {values!r}",))
        for attr, names in _MAPPING_KEYS.items():
            for name in names:
                value = values.get(name)
                if value not in (None, ""):
                    found[attr] = value
                    break
        errors: list[str] = []
        timeout = _parse_number(found.get("timeout_s"), DEFAULT_TIMEOUT_S, float, "timeout", source, errors, minimum=0.001)
        retries = _parse_number(
            found.get("max_retries"), DEFAULT_MAX_RETRIES, int, "max_retries", source, errors, minimum=0, maximum=10
        )
        temperature = _parse_number(
            found.get("temperature"), DEFAULT_TEMPERATURE, float, "temperature", source, errors, minimum=0.0, maximum=2.0
        )
        return cls(
            base_url=_text(found.get("base_url")),
            model=_text(found.get("model")),
            api_key=_text(found.get("api_key")),
            timeout_s=float(timeout),
            max_retries=int(retries),
            temperature=float(temperature),
            errors=tuple(errors),
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> LLMConfig:
        """``BAES_LLM_BASE_URL``, ``BAES_LLM_MODEL``, ``BAES_LLM_API_KEY`` (or ``OPENAI_API_KEY``), ...."""
        env = os.environ if environ is None else environ
        values = {name: env.get(name) for name in (ENV_BASE_URL, ENV_MODEL, ENV_TIMEOUT, ENV_MAX_RETRIES, ENV_TEMPERATURE)}
        values[ENV_API_KEY] = env.get(ENV_API_KEY) or env.get(ENV_OPENAI_API_KEY)
        return cls.from_mapping(values, source="environment")

    def merged(self, overrides: Mapping[str, Any], source: str = "settings") -> LLMConfig:
        """This config with the values present in ``overrides`` (e.g. editor settings) on top."""
        if not isinstance(overrides, Mapping):
            return replace(self, errors=self.errors + (f"{source}: expected an object, got {overrides!r}",))
        other = LLMConfig.from_mapping(overrides, source)
        changes: dict[str, Any] = {}
        for attr, names in _MAPPING_KEYS.items():
            if any(overrides.get(name) not in (None, "") for name in names):
                changes[attr] = getattr(other, attr)
        return replace(self, **changes, errors=self.errors + other.errors)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _parse_number(
    value: Any,
    default: float,
    kind: type,
    name: str,
    source: str,
    errors: list[str],
    minimum: float | None = None,
    maximum: float | None = None,
) -> float:
    if value is None:
        return default
    try:
        number = kind(float(value)) if kind is int and not isinstance(value, bool) else kind(value)
        if isinstance(value, bool) or (isinstance(number, float) and not math.isfinite(number)):
            raise ValueError
        if kind is int and float(value) != int(float(value)):
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        errors.append(f"{source}: {name}: {value!r} is not a valid number; using {default}")
        return default
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        errors.append(f"{source}: {name}: {value!r} is out of range; using {default}")
        return default
    return number


@dataclass(frozen=True)
class LLMReply:
    """One answer: its text, the endpoint's token counts and the wall time the call took."""

    content: str
    prompt_tokens: int
    completion_tokens: int
    latency_s: float
    model: str = ""

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class LLMClient:
    """A thin wrapper over ``openai.OpenAI`` built on first use with the config's timeout and retries."""

    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        self._client: Any = None
        self._lock = threading.Lock()

    def _openai(self) -> Any:
        if not self.config.enabled:
            raise LLMError("config", "no LLM configured (set BAES_LLM_BASE_URL and BAES_LLM_MODEL)")
        with self._lock:
            if self._client is None:
                import openai  # lazy: ~0.45 s (python -X importtime), only needed when an LLM is configured

                self._client = openai.OpenAI(
                    base_url=self.config.base_url,
                    api_key=self.config.api_key or NO_API_KEY,
                    timeout=self.config.timeout_s,
                    max_retries=self.config.max_retries,
                    http_client=_bounded_http_client(openai, self.config),
                )
            return self._client

    def complete(
        self, messages: Sequence[Mapping[str, str]], response_format_json: bool = False, max_tokens: int | None = None
    ) -> LLMReply:
        """Send one chat completion; return its reply or raise ``LLMError``."""
        client = self._openai()
        import openai

        kwargs: dict[str, Any] = {
            "model": self.config.model,
            "messages": [dict(m) for m in messages],
            "temperature": self.config.temperature,
        }
        if response_format_json:
            kwargs["response_format"] = {"type": "json_object"}
        token_cap = min(max_tokens or self.config.max_answer_tokens, self.config.max_answer_tokens)
        kwargs["max_tokens"] = token_cap
        started = time.perf_counter()
        try:
            completion = client.chat.completions.create(**kwargs)
        except (AnswerTooLarge, AnswerTooSlow) as exc:
            raise _bounded_error(exc) from exc
        except openai.APITimeoutError as exc:
            raise LLMError(
                "timeout", f"no answer within {self.config.timeout_s:g} s ({self.config.max_retries} retries)"
            ) from exc
        except openai.APIConnectionError as exc:
            cause = exc.__cause__
            if isinstance(cause, (AnswerTooLarge, AnswerTooSlow)):
                raise _bounded_error(cause) from exc
            raise LLMError("connection", f"cannot reach {redact_url(self.config.base_url)}: {redact(str(exc))}") from exc
        except openai.APIStatusError as exc:
            raise LLMError("status", _status_message(exc), status=exc.status_code) from exc
        except (openai.OpenAIError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise LLMError("invalid", f"unreadable answer: {exc}") from exc
        latency = time.perf_counter() - started
        reply = _to_reply(completion, latency)
        if reply.completion_tokens > token_cap or count_tokens(reply.content) > token_cap:
            raise LLMError("too_large", f"answer holds more than {token_cap} tokens; not used")
        return reply


def _bounded_http_client(openai_module: Any, config: LLMConfig) -> Any:
    """The client's HTTP client, over a transport that bounds answers (see ``llm_transport``)."""
    factory = getattr(openai_module, "DefaultHttpx2Client", None)
    if factory is not None:
        import httpx2 as http  # the library openai 3 is built on; loaded with openai
    else:
        import httpx as http  # openai 1.x/2.x

        factory = openai_module.DefaultHttpxClient
    transport = capped_transport(http, config.max_answer_bytes, config.timeout_s)
    return factory(transport=transport, timeout=config.timeout_s)


def _bounded_error(exc: Exception) -> LLMError:
    kind = "too_large" if isinstance(exc, AnswerTooLarge) else "timeout"
    return LLMError(kind, str(exc))


def _status_message(exc: Any) -> str:
    return redact(_status_text(exc))


def _status_text(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if body.get("message"):
            return str(body["message"])
    return str(getattr(exc, "message", exc))


def _to_reply(completion: Any, latency: float) -> LLMReply:
    """Check the answer's shape (a body that parsed but is not a completion is ``invalid``)."""
    choices = getattr(completion, "choices", None)
    if not isinstance(choices, list) or not choices:
        raise LLMError("invalid", "answer has no choices")
    message = getattr(choices[0], "message", None)
    content = getattr(message, "content", None)
    if not isinstance(content, str) or not content.strip():
        raise LLMError("empty", "answer has no content")
    usage = getattr(completion, "usage", None)
    prompt_tokens = _count(getattr(usage, "prompt_tokens", 0))
    completion_tokens = _count(getattr(usage, "completion_tokens", 0))
    return LLMReply(
        content=content,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        latency_s=latency,
        model=str(getattr(completion, "model", "") or ""),
    )


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0
