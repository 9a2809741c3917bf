"""The thing a request says is no longer done, named before a pronoun that removes it: "we don't do table numbers
anymore, take that off guests" removes ``table_number``; "we stopped recording cloud cover" removes ``cloud_cover``."""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import MAX_NAME_WORDS, Tok, verb_stems, word_token

#: Verbs whose object a later "that" or "it" refers to ("we don't do table numbers anymore, take that off").
_DOING = frozenset({"do", "use", "need", "track", "store", "have", "keep", "record", "want", "collect", "ask", "fill"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "any", "those", "these", "its"})
_OBJECT_END = frozenset({"anymore", "any", "longer", ",", ".", ";", "now", "either", "so"})
#: Words before the verb that say it no longer happens ("we stopped recording cloud cover").
_STOPPED = frozenset({"longer", "stopped", "stop", "quit", "ceased"})
_QUOTES = frozenset({"'", '"', "`"})


def object_before(toks: Sequence[Tok]) -> list[Tok] | None:
    """The thing a negated verb of the clause before no longer does, in the singular ("table numbers")."""
    removing = verb_stems("delete")
    verb = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].low in _DOING or toks[i].stem in removing), None)
    stopped = next((i for i, t in enumerate(toks) if t.low in _STOPPED - {"longer"}), None)
    if verb is None and stopped is not None and stopped + 1 < len(toks) and toks[stopped + 1].low == "with":
        verb = stopped + 1  # "we stopped recording cloud cover" (read "stopped with …")
    if verb is None:
        return None
    negated = any(t.low in vocab.NEGATION_WORDS | _STOPPED for t in toks[max(0, verb - 3) : verb + 1])
    if not negated and toks[verb].stem not in removing:  # "we no longer use X" reads "remove X" by now
        return None
    words: list[Tok] = []
    for tok in toks[verb + 1 :]:
        if tok.low in _QUOTES:
            continue  # "doesn't need 'number of pets' any more": the name as quoted
        if tok.low in _OBJECT_END or not tok.word:
            break
        if tok.low not in _DETERMINERS:
            words.append(tok)
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    last = words[-1]
    return [*words[:-1], word_token(vocab.singularize(last.low))]
