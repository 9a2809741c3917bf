"""References stated as facts: "X belongs to Y", "X references Y", "each X has a Y", "X is linked
to Y and Z", "Xs are taught by a Y", "X is referenced by Y", and the drafts every rule builds for new
references and fields.

Part of the offline recognizer (``baes.recognition.offline`` runs ``try_ownership`` among its rules);
``subject_before`` and ``subject_tok`` read a sentence's (possibly multi-word) subject for the
other rules too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_phrases import Fields, build_spec
from baes.recognition.many import MANY_WORDS, relationship_draft
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.normalize import verb_base
from baes.recognition.request_tokens import (
    LINKED_PARTICIPLES,
    MANY,
    MAYBE_MODALS,
    MODALS,
    PRONOUNS,
    RELATION_WORDS,
    SEPARATORS,
    SKIP_IN_NOUNS,
    SUBJECT_SKIP,
    Known,
    Tok,
    clause_end,
    compound,
    entity_key,
    entity_name,
    is_entityish,
    noun_after,
)
from baes.recognition.verb_folding import WANTING
from baes.scaffold.spec import EntitySpec, RelationshipSpec


def changed_draft(name: str, fields: Fields, intent: str) -> Draft:
    """A draft for new fields on ``name``: a lone reference is a relationship, anything else ``intent``."""
    spec = build_spec(name, fields)
    if intent != "create" and not spec.attributes and len(spec.relationships) == 1:
        return Draft("relationship", spec, related_entity=spec.relationships[0].target, notes=tuple(fields.notes))
    return Draft(intent, spec, notes=tuple(fields.notes))


#: Phrases anywhere in a request that make its one new reference or field optional ("…, if any", "(optional)").
_OPTIONAL_PHRASES = (
    ("if", "any"),
    ("if", "there", "is", "one"),
    ("not", "always"),
    ("can", "be", "empty"),
    ("can", "be", "blank"),
    ("be", "none"),
    ("stay", "blank"),  # "… stays blank until they ring"
    ("stays", "blank"),
    ("stay", "empty"),
    ("stays", "empty"),
    # "… where we know it", "(if known)": a value only some rows have
    ("if", "known"),
    ("where", "known"),
    ("when", "known"),
    ("if", "we", "know"),
    ("where", "we", "know"),
    ("if", "available"),
    ("where", "available"),
    # "it should not be compulsory"
    ("not", "compulsory"),
    ("not", "be", "compulsory"),
    ("not", "mandatory"),
    ("not", "be", "mandatory"),
    ("not", "be", "required"),
)
#: Phrases that make every new field optional ("(both optional)").
_ALL_OPTIONAL_PHRASES = (("both", "optional"), ("all", "optional"))


def _says(lows: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(tuple(lows[i : i + len(p)]) == p for p in phrases for i in range(len(lows)))


def optional_if_said(draft: Draft, toks: Sequence[Tok]) -> Draft:
    """A draft of new fields or one new reference whose request says they may be missing, with them optional."""
    lows = [t.low for t in toks]
    entity = draft.entity
    if draft.intent == "relationship" and len(entity.relationships) == 1 and _some_without(lows, entity.relationships[0].target):
        return replace(draft, entity=replace(entity, relationships=(replace(entity.relationships[0], required=False),)))
    if draft.intent in ("add_attributes", "create") and entity.attributes and _says(lows, _ALL_OPTIONAL_PHRASES):
        return replace(draft, entity=replace(entity, attributes=tuple(replace(a, required=False) for a in entity.attributes)))
    if not (any(w in vocab.OPTIONAL_WORDS for w in lows) or _says(lows, _OPTIONAL_PHRASES)):
        return draft
    named = {a.name for a in entity.attributes if _said_optional(lows, a.name.split("_"))}
    if draft.intent in ("add_attributes", "create") and named and len(entity.attributes) > 1:
        # "add medical notes and emergency phone to Player, medical notes optional": that one only
        attributes = tuple(replace(a, required=False) if a.name in named else a for a in entity.attributes)
        return replace(draft, entity=replace(entity, attributes=attributes))
    if draft.intent == "add_attributes" and len(entity.attributes) == 1 and not entity.relationships:
        return replace(draft, entity=replace(entity, attributes=(replace(entity.attributes[0], required=False),)))
    if draft.intent == "relationship" and len(entity.relationships) == 1 and entity.relationships[0].kind == "many_to_one":
        return replace(draft, entity=replace(entity, relationships=(replace(entity.relationships[0], required=False),)))
    return draft


#: Words that open what is said against the link ("… but some tools just stay in the lock up").
_CONCEDING = frozenset({"but", "though", "although", "except"})


def _some_without(lows: Sequence[str], target: str) -> bool:
    """ "a van has lots of tools but some tools just stay in the lock up", "…, though not every book is shelved": some
    of the many have none of the one, so the reference may be empty (not "… but some customers have many orders",
    said of the one)."""
    at = next((i for i, low in enumerate(lows) if low in _CONCEDING), None)
    if at is None:
        return False
    tail = lows[at + 1 :]
    said_of = next((i for i, low in enumerate(tail) if low in {"some", "not"}), None)
    if said_of is None or entity_key(target) in (vocab.singularize(low) for low in tail[said_of : said_of + 3]):
        return False
    return tail[said_of] == "some" or bool({"every", "all", "any", "always"} & set(tail))


def _said_optional(lows: Sequence[str], words: Sequence[str]) -> bool:
    """Whether the field's words are followed by "optional" ("…, medical notes optional", "notes is optional")."""
    n = len(words)
    for i in range(len(lows) - n):
        if list(lows[i : i + n]) != list(words):
            continue
        after = [low for low in lows[i + n : i + n + 3] if low not in {"is", "are", "should", "can", "be", "stays"}]
        if after and after[0] in vocab.OPTIONAL_WORDS:
            return True
    return False


def link_draft(holder: Tok, target: Tok, known: Known, required: bool, notes: Sequence[str] = ()) -> Draft:
    holder_name = entity_name(holder, known)
    target_name = entity_name(target, known)
    if holder_name == target_name:
        raise RecognitionError(f"an entity cannot reference itself here ({holder_name})")
    spec = EntitySpec(holder_name, relationships=(RelationshipSpec(target_name, required=required),))
    return Draft("relationship", spec, related_entity=target_name, notes=tuple(notes))


def links_draft(holder: Tok, targets: Sequence[Tok], known: Known, required: bool) -> Draft:
    """References from ``holder`` to every target: one is a ``relationship``, several are one change
    of the holder (``add_attributes`` holding only references), as for any other list of new fields."""
    if len(targets) == 1:
        return link_draft(holder, targets[0], known, required=required)
    holder_name = entity_name(holder, known)
    fields = Fields([], [], [])
    for target in targets:
        target_name = entity_name(target, known)
        if target_name == holder_name:
            raise RecognitionError(f"an entity cannot reference itself here ({holder_name})")
        if all(r.target != target_name for r in fields.relationships):
            fields.relationships.append(RelationshipSpec(target_name, required=required))
    return changed_draft(holder_name, fields, "add_attributes")


#: Words joining the targets of one reference phrase ("belongs to a customer and a store").
_TARGET_JOINERS = frozenset({",", "and", "plus", "/"})


def listed_targets(toks: Sequence[Tok], first: int, end: int, known: Known) -> list[int]:
    """``first`` and every further entity listed after it: "linked to authors, publishers" names two.

    A further item must be a lone noun (followed by a joiner or the clause end) that could name an
    entity, i.e. no common attribute word or verb: "belongs to a customer and has a total" stops
    at "has".
    """
    found = [first]
    i = first + 1
    while i < end and toks[i].low in _TARGET_JOINERS:
        j = i
        while j < end and (toks[j].low in _TARGET_JOINERS or toks[j].low in SUBJECT_SKIP):
            j += 1
        if j >= end or not _could_be_target(toks[j], known):
            break
        if j + 1 < end and toks[j + 1].low not in _TARGET_JOINERS:
            break
        found.append(j)
        i = j + 1
    return found


def _could_be_target(tok: Tok, known: Known) -> bool:
    """A word that may name a referenced entity: an entity, or a noun that is no attribute or verb."""
    if tok.word and is_entityish(tok, known):
        return True
    if not tok.word or tok.low in SKIP_IN_NOUNS or tok.low in PRONOUNS:
        return False
    return (
        tok.sing not in vocab.ATTRIBUTE_TYPES
        and tok.sing not in vocab.TEXT_OVERRIDES
        and verb_base(tok.low) is None
        and tok.low not in RELATION_WORDS
    )


#: "stored in", "kept at", "housed in": where one thing is kept is another thing of the app.
_PLACED = frozenset({"stored", "kept", "located", "housed", "held", "placed", "parked", "filed", "shelved", "based"})
_PLACES = frozenset({"in", "at", "inside", "under"})


def _placed_in(toks: Sequence[Tok], i: int, end: int, known: Known) -> bool:
    """Whether ``toks[i]`` says its subject is kept in an existing entity ("a sample is stored in one
    freezer"); only between two entities of the app: "stored in grams" is no reference."""
    if toks[i].low not in _PLACED or i + 1 >= end or toks[i + 1].low not in _PLACES:
        return False
    target = next((t for t in toks[i + 2 : end] if t.word and t.low not in SUBJECT_SKIP), None)
    subject = subject_before(toks, i - 1 if i > 0 and toks[i - 1].low in {"is", "are", "be"} else i)
    return (
        target is not None
        and known.get(target.sing) is not None
        and subject is not None
        and known.get(toks[subject].sing) is not None
    )


#: Words after which an -ing form describes the noun that follows ("with the referring doctor").
_BEFORE_ADJECTIVE = frozenset({"with", "having", ",", ":", ";", "and", "a", "an", "the", "its", "their"})


def _app_entity_after(toks: list[Tok], start: int, end: int, known: Known) -> int | None:
    """The entity of the app named right after ``start`` ("one Company"), even when its word is one that
    qualifies other nouns elsewhere ("company car")."""
    at = start
    while at < end and toks[at].low in SUBJECT_SKIP | {"exactly", "single"}:
        at += 1
    return at if at < end and toks[at].word and known.get(toks[at].sing) else None


def try_ownership(toks: list[Tok], known: Known) -> Draft | None:
    """ "X belongs to Y", "X references Y", "each X has a Y", "X has many Ys"."""
    end = clause_end(toks, 0)
    for i in range(end):
        tok = toks[i]
        owning = tok.stem in {"belong", "refer", "referenc"} or tok.low in LINKED_PARTICIPLES
        if owning and tok.low.endswith("ing") and i > 0 and toks[i - 1].low in _BEFORE_ADJECTIVE:
            owning = False  # "with the referring doctor": an adjective, not the verb
        if _placed_in(toks, i, end, known):  # "every sample is stored in one freezer"
            owning = True
        passive = (
            tok.low in {"by", "with", "using"}
            and i >= 2
            and toks[i - 2].low == "is"
            and toks[i - 1].low.endswith(("ed", "ght", "en", "wn", "ade"))
            and (tok.low == "by" or _app_entity_after(toks, i + 1, end, known) is not None)
        )  # "courses are taught by a teacher", "every Observation is made with a Telescope" (one of the app's)
        if passive:
            subject = subject_before(toks, i - 2)
            target = noun_after(toks[:end], i + 1)
            target = _app_entity_after(toks, i + 1, end, known) if target is None else target  # "by one company"
            if subject is not None and target is not None and is_entityish(toks[target], known):
                if toks[i - 1].stem in {"refer", "referenc"}:  # "orders are referenced by invoices": invoice.order_id
                    return link_draft(toks[target], subject_tok(toks, subject), known, required=True)
                return link_draft(subject_tok(toks, subject), toks[target], known, required=True)
            continue
        if not tok.word or not (owning or tok.low == "have") or (owning and i + 1 < end and toks[i + 1].low == "by"):
            continue  # "X is referenced by Y" is read at "by", as a passive
        noun_of_link = owning and tok.low in {"reference", "references"} and i > 0 and toks[i - 1].low in WANTING
        subject = subject_before(toks, i - 1 if noun_of_link else i)  # "subscriber needs a reference to meter"
        if subject is None:
            continue
        after = i + 1
        while (
            owning
            and after < end
            and (toks[after].low in {"to", "with"} | _PLACES | vocab.OPTIONAL_WORDS or toks[after].low in SUBJECT_SKIP)
        ):  # "associated with an optional customer"
            after += 1
        nxt = noun_after(toks[:end], after)
        if owning and nxt is not None and toks[nxt].low not in SEPARATORS:
            maybe = any(t.low in MAYBE_MODALS | vocab.OPTIONAL_WORDS for t in toks[subject:nxt])
            targets = [toks[t] for t in listed_targets(toks, nxt, end, known)]
            if len(targets) == 1 and _many_said_back(toks[nxt + 1 :], toks[subject]):
                return relationship_draft(
                    subject_tok(toks, subject), targets[0], known, "many_to_many"
                )  # "… show up in many exhibitions"
            one_for_each = subject > 0 and toks[subject - 1].low in {"one", "a", "an"} and toks[nxt - 1].low in {"each", "every"}
            if len(targets) == 1 and one_for_each:  # "one technician attached to each job": each job has its technician
                return link_draft(targets[0], subject_tok(toks, subject), known, required=not maybe)
            return links_draft(subject_tok(toks, subject), targets, known, required=not maybe)  # "may belong to"
        if tok.low == "have":
            rest = toks[i + 1 : end]
            if any(t.low in {",", "and"} for t in rest):
                return None
            many = any(t.low in MANY for t in rest[:3])
            optional = any(t.low in MAYBE_MODALS for t in toks[subject:i]) or any(t.low in vocab.OPTIONAL_WORDS for t in rest)
            if nxt is None:
                return None
            owned = toks[nxt]
            if nxt + 1 < end and toks[nxt + 1].word and vocab.is_field_noun(toks[nxt + 1].sing):
                return None  # "should also have a ticket price": a field named after a thing, no reference
            if owned.low in MANY:
                nxt2 = noun_after(toks[:end], nxt + 1)
                owned = toks[nxt2] if nxt2 is not None else owned
            if not is_entityish(owned, known):
                return None
            if many:
                return link_draft(owned, subject_tok(toks, subject), known, required=True)
            return link_draft(subject_tok(toks, subject), owned, known, required=not optional)
    return None


def _many_said_back(rest: Sequence[Tok], subject: Tok) -> bool:
    """Whether the words after "X is linked to Y" give a Y many Xs ("…, and an object can show up in many
    exhibitions"): the link goes both ways."""
    lows = [t.low for t in rest]
    return any(low in MANY_WORDS and any(t.sing == subject.sing for t in rest[i + 1 : i + 3]) for i, low in enumerate(lows))


def subject_before(toks: Sequence[Tok], verb: int) -> int | None:
    """The sentence's subject if the words before ``verb`` are [each/the/...] noun(s) [modals].

    Several nouns in a row are one multi-word subject ("each time entry has", "line items belong
    to"): the index of its head is returned and ``_subject`` gives the whole name.
    """
    candidates = [
        i
        for i in range(verb)
        if toks[i].word
        and toks[i].low not in SUBJECT_SKIP
        and toks[i].low not in MODALS
        and toks[i].low not in MAYBE_MODALS
        and toks[i].low not in vocab.STRUCTURE_WORDS
    ]
    if not candidates or toks[candidates[0]].low in PRONOUNS or any(not t.word for t in toks[:verb]):
        return None
    head = candidates[-1]
    if len(candidates) == 1 or subject_tok(toks, head).low.count("_") + 1 == len(candidates) == head - candidates[0] + 1:
        return head
    return None


def subject_tok(toks: Sequence[Tok], head: int) -> Tok:
    """The subject ending at ``head``, with the nouns before it ("time entry")."""
    return compound(toks, head)


#: Words that join two entities without relating them ("Client and Customer").
_JOINING = frozenset({"and", ",", "or", "/", "&", "plus", "with"})


def between_existing(toks: list[Tok], known: Known) -> Draft | None:
    """A sentence no rule read that relates two entities the app has ("a vaccination record should
    point to the patient", "each harvest comes from one field"): the first gets a reference to the
    second. Only for existing entities and only with words other than "and" between them."""
    mentions = [i for i, t in enumerate(toks) if t.word and known.get(t.sing)]
    names = list(dict.fromkeys(toks[i].sing for i in mentions))
    if len(names) != 2 or any(t.low in {"anymore", "before", "after"} for t in toks):
        return None  # "we don't ask it to the customer anymore, …", "… one day before the appointment"
    first = mentions[0]
    second = next(i for i in mentions if toks[i].sing != toks[first].sing)
    between = [t for t in toks[first + 1 : second] if t.word]
    if not between or all(t.low in _JOINING for t in between) or any(t.low in MANY for t in toks[first : second + 2]):
        return None
    asking = toks[0].low in MAYBE_MODALS or any(t.low in {"if", "whether"} for t in toks[:first])
    optional = any(
        t.low in vocab.OPTIONAL_WORDS
        or (t.low in MAYBE_MODALS and not asking and [n.low for n in toks[i + 1 : i + 2]] not in (["not"], ["never"]))
        for i, t in enumerate(toks)
    )  # "… can be blank"; not "… cant be blank"
    holder, target = toks[first], toks[second]
    if target.low.lower() != target.sing and holder.low.lower() == holder.sing:  # "open a booking and see all its containers"
        holder, target = target, holder  # the many side holds the key
    return link_draft(holder, target, known, required=not optional)  # "could each X point to Y?" asks
