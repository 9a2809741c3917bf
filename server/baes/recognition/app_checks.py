"""Checks of a reading against the entities the app has: a change is of an entity it has, a change
of one whose name starts with the app's entity is of that entity ("Kiln tab" is Kiln), and "we don't
need X anymore" of an entity it has deletes it.

Every change of an entity the app lacks read the wrong words as the entity ("DeliveriesNeed",
"LastYear", "Sorry" in the labelled set: 26 of 26 such readings were wrong), so it is refused with the
app's entities named. A create that read none of the fields its request lists is refused the same way,
with the words it did not read (``check_fields_read``).
"""

from __future__ import annotations

from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.evolution_phrases import FIELD_WORDS, no_longer_wanted
from baes.recognition.mentions import short_name_note
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import REFERRING, Known, Tok, command_stems, entity_key, verb_stems


def unwanted(toks: list[Tok], entity: str) -> bool:
    """ "we don't need X anymore", or "… can you delete it?": the app's entity X is to go (not when what is no
    longer needed is named and is something else: "The Tenant thing is great. We don't need the deposit amount
    anymore – can it go?" is about the deposit amount)."""
    said_again = any(
        t.word and t.stem in verb_stems("delete") and nxt.low in REFERRING for t, nxt in zip(toks, toks[1:], strict=False)
    )
    if any(t.low in FIELD_WORDS for t in toks):
        return False  # "… has a shirt size attribute we no longer use. Please remove it.": the field goes
    if _needs_no_other(toks, set(entity_key(entity).split("_"))):
        return False
    return no_longer_wanted(toks) or said_again


#: Words between "don't need" and what is not needed ("we don't need the old X").
_BEFORE_THE_THING = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "my", "any", "old", "to", "store"})


def _needs_no_other(toks: list[Tok], own: set[str]) -> bool:
    """Whether "don't need / no longer need" names a thing that is not the entity (``own``: its name's words)."""
    lows = [t.low for t in toks]
    for i in range(len(lows) - 1):
        if lows[i] in {"not", "n't", "longer"} and lows[i + 1] in {"need", "want", "require", "use"}:
            j = i + 2
            while j < len(toks) and toks[j].low in _BEFORE_THE_THING:
                j += 1
            if j < len(toks) and toks[j].word and toks[j].low not in REFERRING and toks[j].low not in vocab.STRUCTURE_WORDS:
                return toks[j].sing not in own
    return False


#: Changes only an entity the app has can take.
_CHANGES_OF_EXISTING = frozenset({"remove_attributes", "rename_attribute", "rename_entity", "delete_entity"})
_CHANGE_WORDS = {
    "remove_attributes": "removing fields of",
    "rename_attribute": "renaming a field of",
    "rename_entity": "renaming",
    "delete_entity": "deleting",
}


def owner_named_first(draft: Draft, known: Known) -> Draft:
    """A change of an entity the app lacks whose name starts with one it has ("remove the color field
    from boat its useless" read BoatUseless, "Kiln tab needs two more columns" KilnTab): the words after
    the app's entity say something else. One whose name is the last words of one entity the app has is that
    entity, as people shorten it ("the tickets" of LaundryTicket)."""
    if draft.intent == "create" or not known.by_key or known.get(entity_key(draft.entity.name)):
        return draft
    if draft.intent not in _CHANGES_OF_EXISTING and draft.intent not in {"add_attributes", "relationship"}:
        return draft
    key = entity_key(draft.entity.name)
    owners = [name for k, name in known.by_key.items() if key.startswith(k + "_")]
    if len(owners) == 1:
        return replace(draft, entity=replace(draft.entity, name=owners[0]))
    named = known.ending_in(key)  # "Problems should also have a grade" in an app with BoulderingProblem
    if named is None:
        return draft
    note = short_name_note(draft.entity.name, named)
    return replace(draft, entity=replace(draft.entity, name=named), notes=(*draft.notes, note))


def targets_named_short(draft: Draft, known: Known) -> Draft:
    """A reference to an entity the app lacks whose name is the last words of one it has ("each job belongs to one
    bike" in an app with DonatedBike) is a reference to that one."""
    if not known.by_key:
        return draft
    relationships, notes = [], []
    for rel in draft.entity.relationships:
        named = None if known.get(entity_key(rel.target)) else known.ending_in(entity_key(rel.target))
        relationships.append(replace(rel, target=named) if named else rel)
        if named:
            notes.append(short_name_note(rel.target, named))
    if not notes:
        return draft
    return replace(draft, entity=replace(draft.entity, relationships=tuple(relationships)), notes=(*draft.notes, *notes))


def check_app_has_entities(draft: Draft, known: Known) -> None:
    """A removal, rename or deletion in an app known to have no entities read the wrong words ("… I lose track"
    read as deleting Track): it is refused, saying what was read."""
    if draft.intent in _CHANGES_OF_EXISTING and known.listed and not known.by_key:
        raise RecognitionError(
            f"this reads as {_CHANGE_WORDS[draft.intent]} {draft.entity.name}, but this app has no entities yet: "
            f"to start one say e.g. 'create {draft.entity.name} with <field>, <field>'"
        )


def check_changed_entities(draft: Draft, known: Known) -> None:
    """A change (not a create) of an app that has entities must be of an entity it has: a change of one
    it lacks ("DeliveriesNeed", "LastYear", "Sorry") read the wrong words as the entity, and so did a link
    to one it lacks ("an owner -> User" read as a link to Owner). (A new entity's reference to one the app
    lacks is read as said: the scaffold then asks for that entity first.) An entity is never renamed to
    the name of another entity the app has."""
    check_new_name(draft)
    check_app_has_entities(draft, known)
    if any(r.target == draft.entity.name for r in draft.entity.relationships):  # 3 of 3 such readings were wrong
        raise RecognitionError(
            f"this reads as {draft.entity.name} referencing itself, which baes does not build: name the two entities, "
            f"e.g. 'each {draft.entity.name} belongs to a <other entity>'"
        )
    if draft.intent == "create" or not known.by_key:
        return
    taken = draft.renamed_to if draft.intent == "rename_entity" else None
    if taken and taken != draft.entity.name and known.get(entity_key(taken)):
        raise RecognitionError(  # "Lesson -> Teacher" in an app with both: a link, not a new name
            f"{taken} is already an entity of this app, so {draft.entity.name} cannot be renamed to it: to link them say "
            f"e.g. 'each {draft.entity.name} belongs to a {taken}'; to merge them, delete one and add its fields to the other"
        )
    missing = draft.entity.name
    has = sorted(known.by_key.values())
    absent = [r.target for r in draft.entity.relationships if r.target != missing and not known.get(entity_key(r.target))]
    if draft.intent == "relationship" and absent:  # "an owner -> User" read as a link to "Owner": 10 of 10 wrong
        raise RecognitionError(
            f"this reads as linking {missing} to {absent[0]}, which this app does not have (it has {', '.join(has[:8])}): "
            f"name the entity as the app calls it, e.g. 'each {missing} belongs to a {has[0]}', or create {absent[0]} first"
        )
    if known.get(entity_key(missing)):
        return
    raise RecognitionError(
        f"this reads as a change of {missing}, which this app does not have (it has {', '.join(has[:8])}): name "
        f"the entity as the app calls it, e.g. 'add <field> to {has[0]}', or create {missing} first"
    )


#: Commands that never name a thing: "… can you rename the entity?" gives no new name "Rename".
_COMMANDS = frozenset({"rename", "renaming", "delete", "remove", "create", "add", "drop", "change", "update"})


def check_new_name(draft: Draft) -> None:
    """A rename gives a new name: not the old one again ("the complaints table needs renaming to service requests,
    we're not allowed to call them complaints" read Complaint → Complaint) and not a command ("… - can you rename
    the entity?" read the new name Rename)."""
    if draft.intent not in ("rename_entity", "rename_attribute") or not draft.renamed_to or not draft.renamed_from:
        return
    new_words = set(entity_key(draft.renamed_to).split("_"))
    if entity_key(draft.renamed_to) == entity_key(draft.renamed_from) or new_words & _COMMANDS:
        raise RecognitionError(
            f"rename {draft.renamed_from} to what? Say e.g. 'rename {draft.renamed_from} to <new name>'"
            + (" in " + draft.entity.name if draft.intent == "rename_attribute" else "")
        )


#: Words of a bare create that name no field: "please create a new Tag entity for me".
_NO_FIELD_WORDS = frozenset(
    {"please", "pls", "new", "for", "me", "us", "my", "our", "the", "a", "an", "i", "we", "need", "want", "would", "like"}
    | {"can", "could", "you", "just", "one", "simple", "basic", "also", "too", "thanks", "app", "called", "named"}
    | {"to", "of", "in", "on", "at", "into", "and", "or", "it", "them", "they", "that", "this", "some", "thing", "things"}
    | {"system", "application", "database", "tool", "list", "manage", "track", "keep", "store", "log", "record"}
)


def check_fields_read(draft: Draft, toks: list[Tok]) -> None:
    """A create that read no field and no reference while the request says more than the entity's name
    ("make a Bin entity location, material type, fill percentage"): every such reading in the labelled set
    was wrong (20 of 20), so it is refused with the words that were not read."""
    if draft.intent != "create" or draft.entity.attributes or draft.entity.relationships:
        return
    name_words = set(entity_key(draft.entity.name).split("_"))
    said = [
        t
        for t in toks
        if t.word
        and t.low not in _NO_FIELD_WORDS
        and t.low not in vocab.STRUCTURE_WORDS
        and t.sing not in name_words
        and t.low not in name_words
        and t.stem not in command_stems()
        and t.low not in vocab.BEHAVIOURS  # "create a Report entity and export it to PDF": what the app does
    ]
    if len(said) >= 2:
        words = " ".join(t.text for t in said[:8])
        raise RecognitionError(
            f"this reads as creating {draft.entity.name} with no fields, but the request also says '{words}': list the "
            f"fields after the entity, e.g. 'create {draft.entity.name} with name, email and start date'"
        )


#: Words that ask for a new entity outright; without one, "the Event model needs a capacity" adds to Event.
_MAKING = frozenset({"create", "make", "build", "generate", "scaffold", "define", "setup", "new", "design", "spin"})


#: Words that say more is wanted of what exists ("also", "should store"), and words that say something else.
_ASKED_MORE = frozenset({"also", "too", "extra", "additional", "more", "another", "need", "needs", "should", "store"})
_NOT_ADDED = frozenset({"not", "no", "n't", "never", "without", "many", "several", "multiple", "set", "anymore", "be"})


def added_to_existing(draft: Draft, toks: list[Tok], known: Known) -> Draft:
    """A create of an entity the app has, read from words that never asked for a new one ("the Event model
    needs a capacity", "we should store the referee's email"): the fields are added to it. A request that
    says create/make/new is left to the refusal that it already exists."""
    name = known.get(entity_key(draft.entity.name)) if draft.intent == "create" else None
    entity = draft.entity
    lows = {t.low for t in toks}
    asked = lows & _ASKED_MORE and not lows & (_MAKING | _NOT_ADDED)
    if name is None or not (entity.attributes or entity.relationships) or not asked:
        return draft
    spec = replace(entity, name=name)
    note = f"read as adding to {name}, which this app has"
    if not entity.attributes and len(entity.relationships) == 1:
        return replace(
            draft, intent="relationship", entity=spec, related_entity=entity.relationships[0].target, notes=(*draft.notes, note)
        )
    return replace(draft, intent="add_attributes", entity=spec, notes=(*draft.notes, note))


#: Words before a field's word that are no part of its name ("we don't report level").
_NOT_NAMES = frozenset({"we", "i", "you", "they", "the", "a", "an", "do", "does", "not", "no", "report", "use", "need", "track"})


def check_removed_names(draft: Draft) -> None:
    """A removal whose field names hold the verb again ("we stopped tracking tractor hours, remove engine_hours from
    …" read as removing tractor_hours and remove_engine_hours) is refused: two removals were read as one."""
    if any(name.split("_")[0] in {"remove", "delete", "drop"} for name in draft.removed):
        raise RecognitionError(
            f"could not tell which fields go ({', '.join(draft.removed)}): say them in one list, e.g. "
            f"'remove <field> and <field> from {draft.entity.name}'"
        )
    constraint = next((name for name in draft.removed if name in _CONSTRAINT_WORDS), None)
    if constraint is not None:  # "Not every student has a middle name. Remove required field": a rule, not a field
        raise RecognitionError(
            f"'{constraint}' says how a field is, it names none: to make a field optional say e.g. "
            f"'make <field> optional in {draft.entity.name}'; to remove one say 'remove <field> from {draft.entity.name}'"
        )


#: Words for how a field is stored, never the name of one to remove ("remove required field").
_CONSTRAINT_WORDS = frozenset({"required", "optional", "mandatory", "nullable", "not_null", "unique", "constraint"})


def check_deletion_names_no_field(draft: Draft, toks: list[Tok]) -> None:
    """A deletion of the whole entity read from words that name one of its fields ("Sensor: battery level isn't
    reported anymore, remove it", "… has a 'x' field we never use. remove pls") is refused: the words speak of the
    field, and deleting the entity loses every row."""
    if draft.intent != "delete_entity":
        return
    own = set(entity_key(draft.entity.name).split("_"))
    if any(t.low in {"field", "column", "attribute"} and t.sing not in own for t in toks):
        raise RecognitionError(  # "Subscriber has a 'preferred delivery day' field we never use. remove pls"
            f"this speaks of a field of {draft.entity.name}: to remove the field say e.g. 'remove <field> from "
            f"{draft.entity.name}'; to delete the whole entity say 'delete the {draft.entity.name} entity'"
        )
    label = next((i for i, t in enumerate(toks[:-1]) if t.word and t.sing in own and toks[i + 1].low == ":"), None)
    if label is None:  # only "Sensor: …", the entity as a heading of what is said of it
        return
    said = toks[label + 2 :]
    said = said[: next((i for i, t in enumerate(said) if t.low in {",", ".", ";"}), len(said))]
    fields = [t for t in said if t.word and t.sing not in own and t.low in vocab.ATTRIBUTE_TYPES and len(t.low) > 2]
    if fields:
        at = said.index(fields[0])
        before = said[at - 1] if at else None  # "battery level": the word before may be the name's too
        lead = before is not None and before.word and before.low not in _NOT_NAMES and not before.low.endswith("n't")
        said = f"{before.text} {fields[0].text}" if lead and before is not None else fields[0].text
        raise RecognitionError(
            f"this names {said!r}, a field, next to {draft.entity.name}: to remove the field say e.g. "
            f"'remove {said} from {draft.entity.name}'; to delete the whole entity say 'delete the {draft.entity.name} entity'"
        )
