"""The QWERTY keyboard: which keys are neighbours (typos, ``spelling``) and keys typed in a row ("asdf", "jkl")."""

from __future__ import annotations

#: The letter rows of a QWERTY keyboard, left to right.
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_PLACES = {ch: (row, col) for row, keys in enumerate(KEYBOARD_ROWS) for col, ch in enumerate(keys)}


def keyboard_run(word: str) -> bool:
    """Whether ``word`` is three or more keys of one row typed in order ("asdf", "jkl", "poiu"): noise, no word."""
    if len(word) < 3 or any(ch not in _PLACES for ch in word):
        return False
    rows = {_PLACES[ch][0] for ch in word}
    steps = {_PLACES[b][1] - _PLACES[a][1] for a, b in zip(word, word[1:], strict=False)}
    return len(rows) == 1 and (steps == {1} or steps == {-1})
