"""Attribute lists in a request: "name, an optional office and a hire date" → typed attributes.

Splits the list (each comma/"and" item is one attribute: "tax rate" → ``tax_rate``), drops
articles and negated items, reads optionality and explicit types ("price as float", "salary
(float)", "gpa real"), infers the others from the name (``baes.recognition.attribute_types.attribute_type``), and
turns mentions of existing entities (or explicit references) into ``RelationshipSpec``s.
"""

from __future__ import annotations

import keyword
from collections.abc import Sequence
from dataclasses import dataclass, replace

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_types import attribute_type, mark_types
from baes.recognition.context_types import type_for
from baes.recognition.explicit_types import explicit_type
from baes.recognition.field_words import BE_FORMS, field_name_words, numbered, relationship_target, said_to_relate, whether_name
from baes.recognition.item_asides import (
    SAID_EMPTY,
    asked_whether,
    last_made_optional,
    said_of_last,
    said_of_some_rows,
    shared_type,
    without_aside,
)
from baes.recognition.list_items import known_attribute, list_items
from baes.recognition.model import RecognitionError
from baes.recognition.reason_clauses import reason_in_list
from baes.recognition.request_tokens import (
    HAVE,
    LINKED_PARTICIPLES,
    MANY,
    MAYBE_MODALS,
    MODALS,
    NOUN_LIKE_HAVE,
    REFERENCE_VERBS,
    RELATION_WORDS,
    Known,
    Tok,
    entity_key,
    is_entityish,
    word_token,
)
from baes.recognition.unsure_lists import UNPLACED_NOTE_END
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec, SpecError


@dataclass
class Fields:
    attributes: list[AttributeSpec]
    relationships: list[RelationshipSpec]
    notes: list[str]

    def names(self) -> set[str]:
        return {a.name for a in self.attributes} | {r.field_name for r in self.relationships}


def _unflagged(words: list[Tok]) -> list[Tok]:
    """``words`` without "required"/"mandatory", except after a plural it counts ("doses required") and
    at the end of a name that is no attribute of its own ("signature required" is a flag)."""
    return [
        t
        for i, t in enumerate(words)
        if t.low not in vocab.REQUIRED_WORDS
        or (
            i > 0
            and words[i - 1].word
            and vocab.singularize(words[i - 1].low) != words[i - 1].low
            and t.low in vocab.COUNT_QUALIFIERS
        )
        or _required_flag(words, i)
    ]


#: Words naming a common attribute: "email required" says email is required, "signature required" is a flag.
_ATTRIBUTE_WORDS = vocab.NAME_WORDS | vocab.ENTITY_NOUNS | set(vocab.SUFFIX_TYPES) | vocab.COUNT_NOUNS


def _required_flag(words: list[Tok], i: int) -> bool:
    """Whether "required"/"needed" at ``i`` ends a flag's name ("permission slip required")."""
    rest = [t.low for t in words[i + 1 :] if t.word and t.low not in {"(", ")"}]
    if words[i].low not in {"required", "needed"} or rest[1:] or (rest and rest[0] not in vocab.TYPE_WORDS):
        return False  # ends the name, or only its type follows ("courier required (bool)")
    before = [t for t in words[:i] if t.word and t.low not in vocab.ATTRIBUTE_FILLERS and t.low not in BE_FORMS]
    if not before or not all(t.word for t in words[i - 1 : i]):
        return False
    last = before[-1]
    if last.low in vocab.TYPE_WORDS or "_" in last.low:
        return False  # "donor_name string required", "vin_number required": the marker of a typed or named field
    if rest and vocab.TYPE_WORDS[rest[0]] == "bool":
        return True  # "prescription required (yes/no)": a flag said to be one
    return not (known_attribute(last.low) or last.low in _ATTRIBUTE_WORDS or last.sing in _ATTRIBUTE_WORDS)


#: Words before a reference phrase inside a list ("which is linked to", "that may belong to").
_REFERENCE_LEAD_SKIP = frozenset({"that", "which", "who", "is", "be", "are", "each", "every", "also", "all"}) | MODALS
#: Verbs (base form) that say the entity references what follows: "belongs to a customer".


def _reference_lead(plain: list[Tok], own: frozenset[str] = frozenset()) -> int | None:
    """How many leading words of an item say "references the following" ("associated with",
    "linked to", "belongs to", "references"), or None when the item does not start so. ``own``: the words
    of the entity's name, which may open it ("…, every check belongs to a member")."""
    i = 0
    while i < len(plain) and (plain[i].low in _REFERENCE_LEAD_SKIP | own or plain[i].low in vocab.OPTIONAL_WORDS):
        i += 1
    if i and plain[i - 1].sing in own and not (i > 1 and plain[0].low in {"each", "every"}):
        return None  # "check belongs to …" without "each"/"every" says no more than "belongs to …" would
    if plain[0].low in {"each", "every"} and i < len(plain) and plain[i].low not in REFERENCE_VERBS | LINKED_PARTICIPLES:
        i = next((j for j in range(i, min(i + 3, len(plain))) if plain[j].low in REFERENCE_VERBS), i)  # "every weigh in …"
    if i >= len(plain) - 1:
        return None
    word, nxt = plain[i].low, plain[i + 1].low
    if word in LINKED_PARTICIPLES and nxt in {"to", "with"}:
        return i + 2
    if word in REFERENCE_VERBS and nxt == "to":  # "belongs to", "refers to", "a reference to"
        return i + 2
    if word in REFERENCE_VERBS and i > 0:  # "that references customers"; "reference number" is a name
        return i + 1
    return None


def _lone_noun(plain: list[Tok]) -> Tok | None:
    nouns = [t for t in plain if t.low not in vocab.ATTRIBUTE_FILLERS and t.low not in vocab.OPTIONAL_WORDS]
    return nouns[0] if len(nouns) == 1 and nouns[0].word else None


def _listed_target(plain: list[Tok], first: Tok | None, known: Known) -> bool:
    """Whether an item after "associated with customers" is one more target ("and products").

    A lone noun that names an entity (existing or a common entity noun), or one that is no
    attribute word and has the first target's number: "associated with customers and genres"
    lists two targets, "linked to customers, and a note" ends the list at "a note".
    """
    noun = _lone_noun(plain)
    if noun is None:
        return False
    if is_entityish(noun, known):
        return True
    if noun.low in HAVE or noun.sing in vocab.ATTRIBUTE_TYPES or noun.sing in vocab.TEXT_OVERRIDES:
        return False
    return first is not None and (noun.sing != noun.low) == (first.sing != first.low)


#: Words that stand for fields without naming one ("add some stuff for tracking").
_VAGUE = frozenset(
    {"stuff", "things", "thing", "something", "anything", "whatever", "etc", "misc", "more", "info", "both", "these", "those"}
)

#: Vague words that stand for fields not named ("and stuff"); "both" stands for a clause ("assumes both exist").
_PLACEHOLDERS = _VAGUE - {"both"}
#: Type words that name no field, so alone after a comma they type the field before ("…, int").
_BARE_TYPES = frozenset({"int", "integer", "float", "decimal", "double", "str", "string", "varchar", "bool", "boolean"})
#: Words for the people asking, which no field name holds ("…, the hygienists ask me every day").
_ASKING_PEOPLE = frozenset({"me", "us"})
#: Words that make a list item a clause about what to do ("notify them when …"), not a name ("download count").
_CLAUSE_WORDS = frozenset({"them", "it", "him", "her", "us", "me", "everyone", "when", "if", "whenever"})


def _has_flag(name_words: list[Tok], known: Known) -> bool:
    """ "has projector", "has parking" in a list: a flag named ``has_projector``.

    Not "has many courses" or "has a teacher" when Teacher exists: those are references.
    """
    return (
        len(name_words) >= 2
        and name_words[0].low == "have"
        and name_words[1].low not in MANY
        and not (len(name_words) == 2 and known.get(name_words[1].sing))
    )


#: A clause after a field's name that says more about it ("the cone it was fired at", "the date they joined").
_CLAUSE_SUBJECTS = frozenset({"it", "they", "he", "she", "we", "you", "i"})
_CLAUSE_VERBS = frozenset({"was", "were", "is", "are", "has", "had", "have", "will", "would", "joined", "left", "got"})


def _clause_verb(core: list[Tok], at: int) -> bool:
    """A verb after "it"/"they" in a clause about a field ("the date they joined"); any verb when it
    ends the item ("the liturgical season it fits", "the cone it fires at")."""
    word = core[at].low
    last = at == len(core) - 1 or (at == len(core) - 2 and core[-1].low in {"at", "on", "in", "to", "for", "with", "from", "by"})
    ends = last and len(word) > 3 and word.endswith(("s", "ed")) and not word.endswith("ss")
    to_us = at == len(core) - 2 and core[-1].low in {"us", "me", "them", "him", "her"}  # "the fee they pay us"
    return word in _CLAUSE_VERBS or ends or to_us


def parse_fields(
    toks: Sequence[Tok], known: Known, all_optional: bool = False, entity_name: str | None = None, implicit: bool = False
) -> Fields:
    """Attributes (and references to existing entities) in a list like "name, an optional office and a hire date".

    ``implicit`` marks a list with no "with"/":" before it ("create student name email"): there
    even two attribute words are two attributes, since nothing else says where the list starts.
    An item such as "associated with customers" starts a run of references: it and each lone noun
    after it ("and products") name an entity the new one references.
    """
    result = Fields([], [], [])
    own = frozenset(entity_key(entity_name).split("_")) if entity_name else frozenset()
    referencing: bool | None = None  # in a run of references: whether they are optional
    first_target: Tok | None = None  # the run's first target
    items = list_items(mark_types(toks), implicit)
    typed = (
        sum(1 for item in items if {t.low for t in item[-2:]} & vocab.TRAILING_TYPE_WORDS and not _said_flag(item)) >= 2
    )  # "jars int, water content float"; not "weight in kg, …, neutered (yes/no)"
    for chunk in items:
        named = "_".join(t.low for t in chunk[:-1] if t.word)  # "extracted on date": the name says when already
        if typed and len(chunk) >= 3 and chunk[-1].low == "date" and attribute_type(named) == "date":
            chunk = [*chunk[:-1], word_token("("), word_token("date"), word_token(")")]
        words = [t for t in chunk if t.word or t.low in (":", "(") or numbered(chunk, t)]
        plain = [t for t in words if t.word or numbered(words, t)]
        if not plain:
            continue
        asked = asked_whether(plain)
        if asked is not None:  # "…, and if it is gas", "if it includes food", "a flag for if they're still active"
            words = [word_token("whether"), *words[words.index(plain[asked]) + 1 :]]
            plain = [t for t in words if t.word]
        lead = _reference_lead(plain, own)
        if lead is not None or (referencing is not None and _listed_target(plain, first_target, known)):
            optional_ref = (
                all_optional
                or any(t.low in vocab.OPTIONAL_WORDS | MAYBE_MODALS for t in plain)
                or (lead is None and bool(referencing))
            )
            referencing = optional_ref
            if lead is not None:
                first_target = _lone_noun(plain[lead:])
            _add_reference(result, plain, plain[lead or 0 :], known, optional_ref, entity_name)
            continue
        referencing = None
        if plain[0].low in {"both", "all"} and result.attributes and len(plain) > 1:  # "…, both can be empty"
            if any(t.low in SAID_EMPTY or t.low in vocab.OPTIONAL_WORDS for t in plain[1:]):
                result.attributes[:] = [replace(a, required=False) for a in result.attributes]
            said = {t.low for t in plain[1:]}  # "…, both are numbers without decimals": whole numbers
            if said & {"whole", "integer", "integers", "without"} and said & {"number", "numbers", "integer", "integers"}:
                result.attributes[:] = [replace(a, type="int") for a in result.attributes]
            result.notes.append(f"read {' '.join(t.text for t in plain)!r} as said of the fields before it")
            continue
        if result.attributes and said_of_last(plain):  # "'last medical' which is a date, can be empty"
            result.attributes[-1] = replace(result.attributes[-1], required=False)
            continue
        if said_of_some_rows(plain) and (result.attributes or result.relationships):  # "(optional, some have none)"
            last_made_optional(result.attributes, result.relationships, plain, result.notes)
            continue
        if len(plain) == 1 and plain[0].low in _BARE_TYPES and result.attributes:  # "max hours per booking, int"
            result.attributes[-1] = replace(result.attributes[-1], type=vocab.TYPE_WORDS[plain[0].low])
            continue
        asks_me = (  # "the potters ask me every day"; not "fee they pay us", a field and a clause about it
            len(plain) >= 3 and any(t.low in _ASKING_PEOPLE for t in plain[1:]) and plain[1].low not in _CLAUSE_SUBJECTS
        )
        purpose = next((k for k in range(1, len(plain) - 2) if plain[k].low == "so" and _modal_soon(plain[k + 1 : k + 4])), None)
        if purpose is not None:  # "a member_renewable flag so members can renew loans": the field, then why
            result.notes.append(f"left out {' '.join(t.text for t in plain[purpose:])!r} (why, not what to store)")
            plain = plain[:purpose]
        if plain[0].low == "so" or [t.low for t in plain[:2]] == ["in", "order"] or asks_me or reason_in_list(plain):
            result.notes.append(f"left out {' '.join(t.text for t in plain)!r} (why, not what to store)")
            break  # "…, so that nothing gets lost": the purpose ends the list
        if plain[0].low in vocab.BEHAVIOURS and any(t.low in _CLAUSE_WORDS for t in plain[1:]):
            result.notes.append(f"left out {' '.join(t.text for t in plain)!r} (what the app does, not what it stores)")
            break  # "name and email and notify them by email when …": behaviour ends the list
        if plain[0].low in vocab.NEGATION_WORDS or any(t.low in {"without", "no", "not"} for t in plain[:2]):
            result.notes.append(f"left out {' '.join(t.text for t in plain if t.low not in vocab.NEGATION_WORDS)!r} (negated)")
            continue
        optional = all_optional or any(t.low in vocab.OPTIONAL_WORDS for t in plain)
        if any(t.low == "if" for t in plain) and any(t.low in {"known", "know", "available", "any"} for t in plain):
            optional = True
        words, explicit = explicit_type([t for t in _unflagged(words) if t.low not in vocab.OPTIONAL_WORDS])
        words, shared, of_all = shared_type(words)
        if shared is not None:  # "nitrates, phosphates (all decimals)": this field and the ones before it
            explicit, kept = shared, 0 if of_all else max(len(result.attributes) - 1, 0)
            result.attributes[kept:] = [replace(a, type=shared) for a in result.attributes[kept:]]
        words, may_be_empty = without_aside(words, known, result.notes)
        optional = optional or may_be_empty
        colons = [i for i, t in enumerate(words) if t.low == ":"]
        if colons:  # "the following fields: name" → name
            words = words[colons[-1] + 1 :]
        cut = next((i for i, t in enumerate(words) if t.low in {"if", "when", "which", "that", "who"}), len(words))
        name_words = field_name_words(
            words[:cut], later_item=bool(result.attributes or result.relationships), listed=len(items) > 1
        )
        if _has_flag(name_words, known):  # "has projector" → has_projector: bool
            name_words = [word_token("has"), *name_words[1:]]
            explicit = explicit or "bool"
        while name_words and name_words[0].low in HAVE - NOUN_LIKE_HAVE:  # "having a name"; "store name" stays
            name_words = name_words[1:]
        if not name_words:
            said = [t for t in words[:cut] if t.word and t.low not in vocab.ATTRIBUTE_FILLERS]
            if explicit and said:  # "must have (yes/no)": the words are the name
                name_words = said
            else:
                if said or cut < len(words):  # "…, and if it rains": a condition with no field before it
                    result.notes.append(f"left out {' '.join(t.text for t in plain)!r} (no field name in it)")
                continue
        if (
            name_words[0].low in MANY
            and len(name_words) > 1
            and not (len(name_words) > 2 and all(t.sing == t.low for t in name_words[1:]))  # "multiple choice score"
        ):  # "many players" is another entity, no column
            result.notes.append(
                f"left out {' '.join(t.text for t in name_words)!r}: a one-to-many relationship "
                f"is its own request ('each {entity_name or 'X'} has many "
                f"{name_words[-1].text}')"
            )
            continue
        first_word = next((t for t in words[:cut] if t.word and t.low not in vocab.ATTRIBUTE_FILLERS), None)
        if first_word is not None and first_word.low == "is":
            explicit = explicit or "bool"  # "is active", "is premium": a flag, named without the "is"
        if name_words[0].low == "whether":  # "whether it is done" → done: bool
            name_words, explicit = whether_name(words[:cut], entity_name), explicit or "bool"
            if not name_words:
                continue
        relation = said_to_relate(words[:cut], name_words, known)
        # a "to" left is a name's ("lent to"); a relation word that says no relation is one ("github link")
        core = [t for t in name_words if t.low not in RELATION_WORDS] if relation else name_words
        target = relationship_target(core, known, relation)
        if target is not None and explicit == "str" and not relation and core[-1].low.endswith("_id"):
            target = None  # "user_id (str)", "device_id string": an identifier from elsewhere, kept as text
        if target is not None:
            spec = RelationshipSpec(target, required=not optional)
            if target != entity_name and spec.field_name not in result.names():
                result.relationships.append(spec)
            continue
        clause = next((k for k in range(1, len(core) - 1) if core[k].low in _CLAUSE_SUBJECTS and _clause_verb(core, k + 1)), None)
        if clause is not None:  # "the patch version it was played on": a clause about the field, no part of it
            result.notes.append(
                f"left out {' '.join(t.text for t in core[clause:])!r} (says more about {core[clause - 1].text!r})"
            )
            core = core[:clause]
        if vocab.name_length([t.low for t in core]) > 4 or all(t.low in _VAGUE for t in core):
            placeholder = all(t.low in _PLACEHOLDERS for t in core)  # "and stuff", "with these attributes"
            why = "(names no field)" if placeholder else UNPLACED_NOTE_END
            result.notes.append(f"ignored {' '.join(t.text for t in core)!r} {why}")
            continue
        name = "_".join(t.low for t in core)
        if keyword.iskeyword(name):
            result.notes.append(f"named the field {name}_: {name!r} is a Python keyword")
            name += "_"
        if name == "id":
            result.notes.append("'id' is implicit: every entity has an integer id")
            continue
        type_name = explicit or type_for(name, entity_name)
        if name.startswith("is_") and len(name) > 3 and type_name == "bool":
            name = name[3:]  # "is_archived", "isInternational": the flag is `archived`, as "is archived" reads
        try:
            attribute = AttributeSpec(name=name, type=type_name, required=not optional)
        except SpecError as exc:
            result.notes.append(f"ignored {name!r}: {exc}")
            continue
        if attribute.name in result.names():
            continue
        result.attributes.append(attribute)
    return result


def _add_reference(
    result: Fields, item: list[Tok], words: list[Tok], known: Known, optional: bool, entity_name: str | None
) -> None:
    """One target of "associated with customers and products" (``words`` of the list ``item``) as a reference."""
    core = [
        t
        for t in words
        if t.low not in vocab.ATTRIBUTE_FILLERS
        and t.low not in vocab.OPTIONAL_WORDS
        and t.low not in MAYBE_MODALS
        and t.low not in RELATION_WORDS
        and t.low not in {"to", "with"}
    ]
    target = relationship_target(core, known, True) if core else None
    plain = [t.low for t in item if t.word and t.low not in {"a", "an", "the"}]
    if (
        target is None
        and not core
        and len(plain) == 2
        and plain[0].endswith("ed")
        and plain[1] == "to"
        and plain[0] not in LINKED_PARTICIPLES - {"assigned"}  # "linked to" alone names no field
    ):
        if f"{plain[0]}_to" not in result.names():  # "…, assigned to, …": who it is assigned to, as text
            result.attributes.append(AttributeSpec(name=f"{plain[0]}_to", type="str", required=not optional))
        return
    if target is None:
        said = " ".join(t.text for t in item)
        example = f"each {entity_name or 'Order'} belongs to a Customer"
        reason = "not an entity name" if core else f"no entity named: say e.g. {example!r}"
        result.notes.append(f"ignored {said!r} ({reason})")
        return
    try:
        spec = RelationshipSpec(target, required=not optional)
    except SpecError as exc:
        result.notes.append(f"ignored {target!r}: {exc}")
        return
    if target != entity_name and spec.field_name not in result.names():
        result.relationships.append(spec)


def build_spec(name: str, fields: Fields) -> EntitySpec:
    relationships = [r for r in fields.relationships if r.target != name]
    try:
        return EntitySpec(name=name, attributes=tuple(fields.attributes), relationships=tuple(relationships))
    except SpecError as exc:
        raise RecognitionError(str(exc)) from exc


def _said_flag(item: Sequence[Tok]) -> bool:
    """ "neutered (yes/no)": a flag said in everyday words, no sign of a list of typed names."""
    return [t.low for t in item[-3:]] == ["(", "boolean", ")"]


def _modal_soon(words: Sequence[Tok]) -> bool:
    """Whether a clause's subject and modal follow ("so members can …", "so we know …"): a purpose."""
    return any(t.low in vocab.MODAL_VERBS or t.low in {"know", "see"} for t in words)
