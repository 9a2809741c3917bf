"""The offline recognizer: a request in plain English → a ``Draft`` (intent, entity, attributes).

No network and no downloaded data: it reads the request's canonical tokens
(``baes.recognition.normalize.canonical_tokens``, built on NLTK's ``RegexpTokenizer``), which are also
the recognition cache's key, so requests sharing a key get the same answer. Verbs are matched on
Snowball stems, nouns are singularized and typed with ``baes.recognition.vocabulary``; attribute lists
are read by ``baes.recognition.attribute_phrases``. The grammar is small and explicit (docs/recognition.md):

* delete:        "delete the course entity", "remove Students"
* relationship:  "add/assign X to Y" (Y gets a reference to X: ``y.x_id``),
                 "link/connect X to Y", "X belongs to Y", "X references Y", "each X has a Y",
                 "Xs are attached to a Y", "Xs are taught by a Y" (X gets ``y_id``),
                 "X has many Ys", "X is referenced by Ys" (each Y gets ``x_id``);
                 every listed target counts: "X belongs to a Y and a Z" gives ``y_id`` and ``z_id``
* add_attributes: "add email to student", "students also need a phone number",
                 "give teachers an office", "extend Course with credits"
* create:        "create a Book entity with ...", "add a Book with ...", "a system to manage students with ...",
                 "Teachers have a name, an optional office and a hire date" (``create_phrases``)
* remove/rename: "remove fax from Supplier", "rename cost to price in Product" (``evolution_phrases``)
* many:          "each farm has many barns", "readers can borrow many books" (``many``)

A request that is not English is refused first (``language``); a "default …" phrase is taken out
before the rules and given to the one new attribute; "(optional)" or "if any" makes a new reference optional."""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.app_checks import (
    added_to_existing,
    check_app_has_entities,
    check_changed_entities,
    check_deletion_names_no_field,
    check_fields_read,
    check_removed_names,
    owner_named_first,
    targets_named_short,
    unwanted,
)
from baes.recognition.app_context import without_app_context
from baes.recognition.app_scope import without_app_scope
from baes.recognition.attribute_phrases import parse_fields
from baes.recognition.both_ways import many_both_ways
from baes.recognition.capitalised_names import as_capitalised, create_of_capitalised
from baes.recognition.create_phrases import object_of_verb, try_create
from baes.recognition.defaults import default_follows, take_defaults, with_default
from baes.recognition.describe import not_understood
from baes.recognition.entity_deletion import try_delete
from baes.recognition.entity_first import entity_first, without_label
from baes.recognition.entity_renames import entity_renamed
from baes.recognition.evolution_phrases import no_longer_wanted, try_remove
from baes.recognition.field_named_entities import entity_of_field_name
from baes.recognition.heading_owner import owner_in_heading
from baes.recognition.item_defaults import take_item_defaults, with_item_defaults
from baes.recognition.kept_fields import kept_on_existing
from baes.recognition.language import foreign_language_reason
from baes.recognition.later_types import typed_in_last_clause
from baes.recognition.listed_below import with_fields_listed_below
from baes.recognition.many import try_many
from baes.recognition.mentions import merge_known, short_name_note, unplaced_mention, with_full_names
from baes.recognition.model import Draft, OutOfScope, RecognitionError
from baes.recognition.named_entity import as_named, read_with_name_said
from baes.recognition.out_of_scope import FEATURES, interface_reason, out_of_scope_reason
from baes.recognition.ownership import (
    between_existing,
    changed_draft,
    optional_if_said,
    subject_before,
    subject_tok,
    try_ownership,
)
from baes.recognition.paragraph import Reader, read_paragraph
from baes.recognition.place_phrases import without_places
from baes.recognition.plausible_names import check_names, check_one_new_name
from baes.recognition.pointed_removals import removal_pointed_back
from baes.recognition.quoted_fields import quoted_change, quoted_entity_rename
from baes.recognition.record_names import join_record_names
from baes.recognition.rename_phrases import try_rename
from baes.recognition.request_spelling import correct_tokens
from baes.recognition.request_tokens import (
    ATTRIBUTE_MARKERS,
    HAVE,
    MAYBE_MODALS,
    RELATION_WORDS,
    SKIP_IN_NOUNS,
    Known,
    Tok,
    clause_end,
    entity_key,
    entity_name,
    index_of,
    noun_after,
    read_tokens,
    verb_stems,
)
from baes.recognition.screen_names import entity_of_screen
from baes.recognition.segments import read_a_part
from baes.recognition.unsure_lists import check_list_complete
from baes.recognition.verb_to import try_verb_to
from baes.scaffold.spec import EntitySpec


def _refuse_undirected(toks: list[Tok], known: Known) -> Draft | None:
    """ "a relationship between course and student" says nothing about which one holds the reference."""
    between = index_of(toks, {"between"})
    if between is None or not any(t.low in RELATION_WORDS or t.stem in verb_stems("link") for t in toks[:between]):
        return None
    nouns = [t for t in toks[between + 1 :] if t.word and t.low not in SKIP_IN_NOUNS and t.low != "and"]
    if len(nouns) >= 2:
        one, other = entity_name(nouns[0], known), entity_name(nouns[1], known)
        raise RecognitionError(
            f"which entity holds the reference? Say 'add {one} to {other}' (each {other} references a {one}) "
            f"or 'add {other} to {one}' (each {one} references a {other})"
        )
    return None


def _try_subject_has(toks: list[Tok], known: Known) -> Draft | None:
    """ "Students also need a phone number", "Teachers have a name, ..." (create unless known/also)."""
    end = clause_end(toks, 0)
    have = next((i for i in range(end) if toks[i].low in HAVE and not object_of_verb(toks, i)), None)
    if have is not None and have + 1 < end and toks[have + 1].low == "to":
        return None  # "the clinic needs to record vaccinations with ...": the object of the next verb
    if have is None:
        return None
    subject = subject_before(toks, have)
    if subject is None:
        return None
    obj = toks[have + 1 : end]
    structure = next((j for j, t in enumerate(obj[:4]) if j and t.low in _NAMING_STRUCTURES), None)
    if structure is not None and structure + 1 < len(obj) and obj[structure + 1].low in ATTRIBUTE_MARKERS | {"("}:
        return try_create(obj, known)  # "my landlord business needs a tenants table with …": the table is new
    before = toks[:have]
    also = any(t.low in vocab.ALSO_WORDS for t in toks[:end]) or toks[have].stem in {"need", "requir", "want"}
    maybe = any(t.low in MAYBE_MODALS for t in before[1:])  # "can Ticket also get …?" asks; "Ticket can have …" may
    name = entity_name(subject_tok(toks, subject), known)
    fields = parse_fields(toks[have + 1 : end], known, all_optional=maybe, entity_name=name)
    if not fields.attributes and not fields.relationships:
        return None
    intent = "add_attributes" if (also or known.get(subject_tok(toks, subject).sing)) else "create"
    return changed_draft(name, fields, intent)


#: Structure words that name what comes before them as a new entity ("a tenants table with …").
_NAMING_STRUCTURES = frozenset({"table", "entity", "model", "resource", "tracker", "list", "register", "record", "thing"})


def _try_give_or_extend(toks: list[Tok], known: Known) -> Draft | None:
    """ "give students a GPA", "extend Course with credits"."""
    first = next((i for i, t in enumerate(toks) if t.word and t.low not in {"please", "now", "also", "then"}), None)
    if first is None or toks[first].low not in {"give", "extend", "update", "change", "modify", "enhance"}:
        return None
    end = clause_end(toks, first + 1)
    holder = noun_after(toks[:end], first + 1)
    if holder is None:
        return None
    start = holder + 1
    while start < end and toks[start].low in vocab.STRUCTURE_WORDS:  # "give the Driver entity a ..."
        start += 1
    marker = index_of(toks[:end], {"with", "to", "by", ":"}, start)
    if marker is not None and marker <= start + 1:
        start = marker + 1
    name = entity_name(toks[holder], known)
    fields = parse_fields(toks[start:end], known, entity_name=name)
    if not fields.attributes and not fields.relationships:
        raise RecognitionError(f"which attributes should be added to {name}?")
    return changed_draft(name, fields, "add_attributes")


def recognize_offline(request: str, existing_entities: Sequence[str] | None = None) -> Draft:
    """Understand ``request`` with the rules above; raise ``RecognitionError`` when it names no entity.

    In an app that has entities, a request not understood as a whole is read a part at a time
    (``segments``): a ticket's one sentence that asks for a change of the app's entity is the request."""
    if not isinstance(request, str) or not request.strip():
        raise RecognitionError("the request is empty")
    if len(request) > 4000:
        raise OutOfScope("the request is too long (at most 4000 characters)")
    try:
        draft = _recognize_whole(request, existing_entities)
    except OutOfScope:
        raise
    except RecognitionError as exc:
        known = Known(existing_entities)  # "we'd prefer 'Child' rather than 'Kid'": no rule reads the sentence around
        found = quoted_entity_rename(request, known) or read_a_part(
            request, known, lambda p: _recognize_whole(p, existing_entities)
        )
        if found is None:
            raise exc from None
        draft = found
    check_one_new_name(draft)
    return draft


def _recognize_whole(request: str, existing_entities: Sequence[str] | None) -> Draft:
    return read_with_name_said(request, Known(existing_entities), lambda text, said: _read_whole(text, said, existing_entities))


def _read_whole(request: str, said: str, existing_entities: Sequence[str] | None) -> Draft:
    """``request`` read as a whole; ``said`` is the user's request, which may name the entity outright."""
    known = Known(existing_entities)

    def reread(text: str) -> Draft:  # another wording of the request, read the same way (a list under a name)
        return _recognize_whole(text, existing_entities)

    request = without_places(request, known)  # "… on Customer for the florist"
    toks = read_tokens(request)
    if not any(t.word for t in toks):
        raise RecognitionError("the request has no words")
    foreign = foreign_language_reason(request)
    if foreign:
        raise OutOfScope(foreign)
    toks = owner_in_heading(join_record_names(merge_known(toks, known), known), known)
    mentioned = [name for t in toks if t.word and (name := known.get(t.sing))]
    renamed = entity_renamed(request, known, mentioned) or quoted_change(request, known) or removal_pointed_back(request, known)
    if renamed is not None:  # "Part should be Component": as written, the one reading of the words
        return renamed
    both = many_both_ways(toks, known, request)  # "a coach can coach two or three teams and a team can have multiple coaches"
    if both is not None:
        return both
    toks, item_defaults = take_item_defaults(toks)  # "checked_in (bool, default false), late (bool, default false)"
    follows = default_follows(toks)
    toks, default, every, both = take_defaults(toks)
    toks, typos = correct_tokens(toks, known, request)  # after the defaults: a literal is the user's value
    refusal = out_of_scope_reason(toks, known)
    if refusal:
        raise OutOfScope(refusal)
    reader = _read_in_new_app if known.listed and not known.by_key else _read_sentence
    draft = _read_with_short_names(toks, known, reader, links=len(set(mentioned)) >= 2)
    if draft is None:
        named = create_of_capitalised(said, known, reread)
        if named is not None:
            return named
        raise RecognitionError(not_understood(request))
    draft = as_named(optional_if_said(_described_new(draft, toks, known), toks), said, known)
    draft = typed_in_last_clause(draft, toks)  # "…, magnification is an int"
    draft = as_capitalised(draft, said, known, reread)
    draft = entity_of_field_name(entity_of_screen(draft, known), said, known)
    names = [entity_key(draft.entity.name)] if draft.intent == "create" else []
    if draft.intent == "add_attributes":  # "add a button to export Ballots": a screen part, not a field
        names = [a.name for a in draft.entity.attributes]
    features = [a.name for a in draft.entity.attributes if a.name in FEATURES]
    if draft.intent == "create" and len(features) >= 2:  # "with login and push notifications", not "with login"
        names += features
    interface = next((reason for name in names if (reason := interface_reason(name, toks))), None)
    if interface:
        raise OutOfScope(interface)
    if draft.intent == "create" and known.get(entity_key(draft.entity.name)) and unwanted(toks, draft.entity.name):
        name = known.get(entity_key(draft.entity.name)) or draft.entity.name  # "we don't need the Detention thing anymore"
        deleted = Draft("delete_entity", EntitySpec(name), notes=draft.notes)
        check_deletion_names_no_field(deleted, toks)
        return deleted
    if draft.intent == "create" and no_longer_wanted(toks):
        raise RecognitionError(
            f"this says something of {draft.entity.name} is no longer needed, not to create it: to remove a field say "
            f"'remove <field> from {draft.entity.name}'; to remove the entity 'delete the {draft.entity.name} entity'"
        )
    draft = added_to_existing(targets_named_short(owner_named_first(draft, known), known), toks, known)
    if draft.intent == "create" and known.get(entity_key(draft.entity.name)):
        name = draft.entity.name  # the app has it: creating it again would replace what it holds
        raise RecognitionError(
            f"{name} already exists in this app, so it is not created again: say what changes, e.g. "
            f"'add <field> to {name}', 'rename <field> to <new name> in {name}' or 'remove <field> from {name}'"
        )
    unplaced = unplaced_mention(draft, without_app_context(request), known) if draft.intent == "create" else None
    if unplaced is not None:
        name = draft.entity.name
        raise RecognitionError(
            f"this reads as creating {name}, but it talks about {unplaced}, which this app has, and creates "
            f"nothing that uses it: to change {unplaced} say e.g. 'add <field> to {unplaced}'; to link a new "
            f"{name} to it say 'create {name} with …, each {name} belongs to {unplaced}'"
        )
    check_deletion_names_no_field(draft, toks)
    check_removed_names(draft)
    check_names(draft, known, request)
    check_fields_read(draft := with_fields_listed_below(draft, request, reread), toks)
    check_list_complete(draft, toks, request)
    final = with_default(replace(draft, notes=(*typos, *draft.notes)), default, known, every=every, follows=follows, both=both)
    final = with_item_defaults(final, item_defaults)
    check_changed_entities(final, known)
    return final


def _described_new(draft: Draft, toks: list[Tok], known: Known) -> Draft:
    """ "Tours need a name, a duration and a start time" in an app with no Tour: a description of a
    new entity, not fields for one the app lacks. "add X to Y" and "Ys also need X" stay additions."""
    if draft.intent != "add_attributes" or known.get(entity_key(draft.entity.name)) or draft.entity.relationships:
        return draft
    if not draft.entity.attributes or any(t.stem in verb_stems("add") or t.low in vocab.ALSO_WORDS for t in toks if t.word):
        return draft
    return replace(draft, intent="create")


def _read_with_short_names(toks: list[Tok], known: Known, reader: Reader, *, links: bool) -> Draft | None:
    """The request's reading; when it reads nothing, the reading with the app's entities named by their last word
    ("tickets should link to the customer" in an app with LaundryTicket), which carries a note. The first refusal
    stands when that reads nothing either."""
    try:
        draft = _read_linking_last(toks, known, reader, links=links)
        refusal: RecognitionError | None = None
    except OutOfScope:
        raise
    except RecognitionError as exc:
        draft, refusal = None, exc
    full = with_full_names(toks, known) if draft is None else None
    if full is not None:
        try:
            second = _read_linking_last(full, known, reader, links=links)
        except RecognitionError:
            second = None
        if second is not None:
            shortened = {t.text: known.get(f.sing) or f.sing for t, f in zip(toks, full, strict=True) if t is not f}
            notes = [short_name_note(repr(said), name) for said, name in sorted(shortened.items())]
            return replace(second, notes=(*second.notes, *notes))
    if refusal is not None:
        raise refusal
    return draft


#: Whether a sentence that only mentions two of the app's entities may read as a link between them
#: (``between_existing``); a paragraph is first read without it ("In our program women are organised in groups for
#: the loans. One Group has many Members." is about Group and Member).
_LINKS_BY_MENTION: ContextVar[bool] = ContextVar("links_by_mention", default=True)


def _read_linking_last(toks: list[Tok], known: Known, reader: Reader, *, links: bool) -> Draft | None:
    """The paragraph read first without links between entities merely mentioned, then, when that reads nothing and
    ``links`` (the request mentions two of the app's entities), with them; the first reading's refusal stands when
    the second reads nothing either."""
    if not links:
        return read_paragraph(toks, known, reader)  # no sentence can be such a link: one reading
    token = _LINKS_BY_MENTION.set(False)
    refusal: RecognitionError | None = None
    try:
        draft = read_paragraph(toks, known, reader)
    except OutOfScope:
        raise
    except RecognitionError as exc:
        draft, refusal = None, exc
    finally:
        _LINKS_BY_MENTION.reset(token)
    if draft is not None:
        return draft
    try:
        draft = read_paragraph(toks, known, reader)
    except RecognitionError:
        if refusal is None:
            raise
        draft = None
    if draft is None and refusal is not None:
        raise refusal
    return draft


def _read_sentence(toks: list[Tok], known: Known) -> Draft | None:
    """The first rule's reading of one sentence, or None when no rule reads it."""
    toks = kept_on_existing(entity_first(without_label(without_app_scope(toks, known), known), known), known)
    for attempt in (
        try_rename,
        try_remove,
        try_delete,
        try_many,
        _refuse_undirected,
        try_verb_to,
        _try_give_or_extend,
        try_ownership,
        _try_subject_has,
        try_create,
    ):
        draft = attempt(toks, known)
        if draft is not None:
            return draft
    return between_existing(toks, known) if _LINKS_BY_MENTION.get() else None


def _read_in_new_app(toks: list[Tok], known: Known) -> Draft | None:
    """A sentence to an app with no entities, whose removal, rename or deletion is refused ("… I lose track. …")."""
    draft = _read_sentence(toks, known)
    if draft is not None:
        check_app_has_entities(draft, known)
    return draft
