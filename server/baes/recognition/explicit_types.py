"""A type said outright in a field's words: "as float", "(int)", ": date", "of type bool", a leading "integer", "a flag
for stackable", "gpa real". Part of ``attribute_phrases``: the words left name the field."""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_types import name_type
from baes.recognition.request_tokens import Tok

#: Type words that are also ordinary parts of attribute names ("hire date", "contact email").
_NAME_LIKE_TYPES = frozenset({"date", "email", "text", "flag", "timestamp", "datetime", "real", "double"})  # "double sided"
_FLAG_TYPE_WORDS = frozenset({"flag", "boolean", "bool", "checkbox"})
_NAME_END_TYPES = frozenset({"date", "email", "timestamp", "datetime"})
#: Number types, said twice when a unit ("in kg", read as float) is followed by the type said outright ("decimal").
_NUMBER_TYPES = frozenset({"float", "decimal", "double", "real", "int", "integer"})


#: Kinds of number said in words after "as": "as a whole number", "as a decimal number".
_NUMBER_KINDS = {("whole", "number"): "int", ("integer", "number"): "int", ("decimal", "number"): "float"}


def explicit_type(chunk: list[Tok]) -> tuple[list[Tok], str | None]:
    """Strip "as float" / "(int)" / ": date" / "of type bool" / a leading "integer" from a chunk."""
    words = chunk
    for i, tok in enumerate(words):
        if (
            tok.low in (":", "(")
            or (tok.low == "as" and i > 0)
            or (tok.low == "type" and 0 < i < len(words) - 1 and words[i + 1].low != "(")
        ):
            rest = [t for t in words[i + 1 :] if t.word and t.low not in {"a", "an", "type", "of"}]
            said = _NUMBER_KINDS.get(tuple(t.low for t in rest[:2]))
            if said is not None:  # "seats as a whole number"
                return list(words[:i]), said
            if tok.low == "as" and rest[:1] and rest[0].low in {"number", "numeric"} and len(rest) == 1:
                return list(words[:i]), "float" if name_type(words[:i]) == "float" else "int"  # "capacity as a number"
            if tok.low == "as" and [t.low for t in rest] in (["percent"], ["percentage"], ["pct"]):
                return list(words[:i]), "float"  # "interest rate as a percentage": a share, no part of the name
            if rest and rest[0].low in vocab.TYPE_WORDS:
                cut = i - 1 if tok.low == "type" and i > 0 and words[i - 1].low == "of" else i
                return list(words[:cut]), vocab.TYPE_WORDS[rest[0].low]
    meaningful = [t for t in words if t.word and t.low not in vocab.ATTRIBUTE_FILLERS]
    if len(meaningful) >= 3 and meaningful[0].low in _FLAG_TYPE_WORDS and meaningful[1].low in {"for", "of"}:
        return [t for t in words if t is not meaningful[0] and t is not meaningful[1]], "bool"  # "a flag for stackable"
    if len(meaningful) == 1 and meaningful[0].low in vocab.TYPE_WORDS and [t.low for t in words[:1]] == ["value"]:
        return list(words[:1]), vocab.TYPE_WORDS[meaningful[0].low]  # "value float": "value" names the field here
    if len(meaningful) >= 2 and meaningful[0].low in vocab.TYPE_WORDS and meaningful[0].low not in _NAME_LIKE_TYPES:
        return [t for t in words if t is not meaningful[0]], vocab.TYPE_WORDS[meaningful[0].low]
    if len(meaningful) >= 2 and meaningful[-1].low in vocab.TYPE_WORDS and meaningful[-1].low not in _NAME_END_TYPES:
        said = [t for t in words if t is not meaningful[-1]]  # "gpa real"
        if len(meaningful) >= 3 and meaningful[-2].low in _NUMBER_TYPES and meaningful[-1].low in _NUMBER_TYPES:
            said = [t for t in said if t is not meaningful[-2]]  # "weight in kg decimal": the unit's type, then the type
        return said, vocab.TYPE_WORDS[meaningful[-1].low]
    if len(meaningful) >= 2 and meaningful[-1].low in vocab.TYPE_WORDS and meaningful[-1].low != "date":
        name_part = "_".join(t.low for t in meaningful[:-1])
        if vocab.infer_type(name_part) == vocab.TYPE_WORDS[meaningful[-1].low]:  # "delivered at timestamp"; not "hire date"
            return [t for t in words if t is not meaningful[-1]], vocab.TYPE_WORDS[meaningful[-1].low]
    return list(words), None
