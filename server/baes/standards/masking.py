"""A view of Python source with comments and string contents blanked out.

Same length and same line breaks as the original, so regex positions and line numbers hold;
the quotes stay, so ``x = ""`` is still visibly a string. Works on code that does not parse.
"""

from __future__ import annotations


def mask_comments_and_strings(code: str) -> str:
    """``code`` with every comment and every string's contents replaced by spaces."""
    out = list(code)
    n = len(code)
    i = 0

    def blank(start: int, end: int) -> None:
        for k in range(start, min(end, n)):
            if out[k] not in "\r\n":
                out[k] = " "

    while i < n:
        ch = code[i]
        if ch == "#":
            end = i
            while end < n and code[end] not in "\r\n":
                end += 1
            blank(i, end)
            i = end
        elif ch in "'\"":
            quote = ch * 3 if code.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < n:
                if code[j] == "\\":
                    j += 2
                    continue
                if code.startswith(quote, j):
                    break
                if len(quote) == 1 and code[j] in "\r\n":
                    break
                j += 1
            blank(i + len(quote), j)
            i = j + (len(quote) if code.startswith(quote, j) else 0)
        else:
            i += 1
    return "".join(out)
