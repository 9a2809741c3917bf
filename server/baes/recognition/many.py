"""One-to-many and many-to-many sentences: "each farm has many barns", "readers can borrow many books".

* "X has/contains/holds/consists of many Ys", or "X can place/write/file many Ys" (making): each Y
  belongs to one X, so Y gets ``x_id`` (a ``relationship`` of Y, ``many_to_one``);
* "X VERBs many Ys" said as a fact of one side alone ("a host presents many shows"): the same;
* "X can VERB many Ys" with any other verb ("attend", "join", "appear in", "borrow"), or both sides
  saying "many" ("posts have many tags and tags have many posts"), or "a many-to-many relationship
  between X and Y": a ``many_to_many`` relationship of X to Y (a join entity ``XY`` is generated).
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import (
    ATTRIBUTE_MARKERS,
    HAVE,
    MANY_WORDS,
    MAYBE_MODALS,
    MODALS,
    SEPARATORS,
    SKIP_IN_NOUNS,
    SUBJECT_SKIP,
    Known,
    Tok,
    clause_end,
    command_stems,
    entity_name,
)
from baes.scaffold.spec import EntitySpec, RelationshipSpec

#: Words saying "more than one" before a plural noun ("some" and "more" are too vague here).
#: Verbs of owning: "X has many Ys" puts the key on Y.
_OWNING = frozenset({"have", "contain", "hold", "own", "comprise", "consist", "include", "get", "receive"})
#: Verbs of making: what X places, writes or files belongs to that one X ("a customer can place many
#: orders": order.customer_id), unlike "readers can borrow many books" (many-to-many).
_MAKING = frozenset(
    {"make", "place", "write", "post", "publish", "submit", "file", "issue", "send", "upload", "raise", "author", "report"}
    | {"lodge", "request"}
)
#: Verbs of being in charge: "an agent handles many listings" (each listing has one agent), unlike
#: "volunteers can staff many events".
_IN_CHARGE = frozenset({"manage", "handle", "run", "supervise", "oversee", "lead", "operate", "employ"})
#: Participles of "X is made up of / composed of / divided into many Ys": each Y is part of one X.
_MADE_OF = frozenset({"made", "composed", "comprised", "divided", "split", "organized", "organised", "grouped"})
#: Words that open an attribute list: a "many" after them is inside the list, not a relationship.
_LIST_MARKERS = frozenset({"with", ":", "having", "where", "whose", "("})

#: Verbs whose object comes after "with": "vendors work with many couples".
_WITH_VERB_FORMS = frozenset(
    form
    for verb in ("work", "partner", "deal", "collaborate", "cooperate", "trade", "play", "train", "volunteer", "interact")
    for form in vocab.verb_forms(verb)
)
#: Every written form of those verbs ("consists", "places"): not every verb is folded to its base.
_ONE_SIDE_FORMS = frozenset(form for verb in _OWNING | _MAKING | _IN_CHARGE for form in vocab.verb_forms(verb))


def _app_name(tok: Tok, known: Known) -> str:
    """The entity ``tok`` names; in an app with no entity of that name, the one whose name ends with it
    ("a wine goes with many pairings" in an app with FoodPairing)."""
    name = entity_name(tok, known)
    return name if known.get(tok.sing) else known.ending_in(tok.sing) or name


def relationship_draft(holder: Tok, target: Tok, known: Known, kind: str) -> Draft:
    """A link of ``kind`` from ``holder`` to ``target``, each named as the app names it."""
    holder_name, target_name = _app_name(holder, known), _app_name(target, known)
    if holder_name == target_name:
        raise RecognitionError(f"an entity cannot reference itself here ({holder_name})")
    spec = EntitySpec(holder_name, relationships=(RelationshipSpec(target_name, kind=kind),))
    return Draft("relationship", spec, related_entity=target_name)


def _nouns(toks: Sequence[Tok], known: Known) -> list[Tok]:
    """The nouns of a "many to many" sentence: an entity of the app even when its word is a qualifier
    elsewhere ("Doctor and Clinic are many-to-many"); never one letter ("Doctor x Clinic")."""
    skip = (
        SKIP_IN_NOUNS
        | SUBJECT_SKIP
        | MANY_WORDS
        | {"relationship", "relation", "between", "as", "to", "and", "link", "connect", "relate", "many", "make", "with"}
    )
    return [
        t
        for t in toks
        if t.word and len(t.low) > 1 and (known.get(t.sing) or (t.low not in skip and t.stem not in command_stems()))
    ]


def _same_thing(said: str, subject: str) -> bool:
    """Whether ``said`` names the subject again, in full or by its last word ("boxes" of "veg boxes")."""
    return said == subject or subject.endswith("_" + said)


#: Words that count what follows "of" ("pieces of equipment", "items of clothing").
_MEASURES_OF = frozenset({"pieces", "items", "units", "bits", "kinds", "sorts", "types", "sets", "pairs"})


def _plural_target(toks: Sequence[Tok], at: int, end: int, known: Known | None = None) -> int | None:
    """Index of the noun after a "many" word ("lots of"): the last word before a separator; a word that names
    fields ("properties") only when it is an entity of the app."""
    i = at + 1
    if i < end and toks[i].low == "of":
        i += 1
    if i + 1 < end and toks[i].low in {"different", "other", "separate", "distinct"}:
        i += 1  # "lots of different boxes"
    if i + 2 < end and toks[i].low in _MEASURES_OF and toks[i + 1].low == "of" and toks[i + 2].word:
        i += 2  # "multiple pieces of equipment": the equipment
    last = None
    while (
        i < end
        and toks[i].word
        and toks[i].low not in SEPARATORS
        and (toks[i].low not in ATTRIBUTE_MARKERS or (known is not None and known.get(toks[i].sing)))
    ):
        last = i
        i += 1
        break  # one word: "many tools", a compound target is named as an entity first
    return last


def _owning_after_subject(toks: Sequence[Tok], i: int) -> bool:
    """ "workouts can include many exercises": an owning verb after its subject is no command ("include" adds)."""
    before = i - 1
    while before >= 0 and (toks[before].low in MODALS or toks[before].low in MAYBE_MODALS):
        before -= 1
    return toks[i].low in _ONE_SIDE_FORMS and before >= 0 and toks[before].word and toks[before].low not in SKIP_IN_NOUNS


def _verb_with(toks: Sequence[Tok], i: int, at: int) -> bool:
    """ "vendors work with many couples": "with" right after the subject's verb and before "many" opens no list."""
    return toks[i].low == "with" and i + 1 == at and i >= 2 and toks[i - 1].low in _WITH_VERB_FORMS and toks[i - 2].word


def _said_of_subject(toks: Sequence[Tok], i: int) -> bool:
    """ "a lab develops many film rolls": a command's verb said of the noun right before it, no command."""
    j = i - 1
    while j >= 0 and toks[j].low in MODALS | MAYBE_MODALS:
        j -= 1  # "users can create many posts"
    before = toks[j] if j >= 0 else None
    if toks[i].low in HAVE:
        return False  # "Letting store many dues with amount": what to store, said as a command
    return (
        before is not None
        and before.word
        and before.low not in _NO_SUBJECT
        and i + 1 < len(toks)
        and toks[i + 1].low in MANY_WORDS
    )


#: Words before a verb that make no subject of it ("please develop many …", "we can create many …").
_NO_SUBJECT = MODALS | MAYBE_MODALS | SUBJECT_SKIP | SKIP_IN_NOUNS | frozenset({"i", "we", "you", "please", "pls", "then", "and"})


def try_many(toks: list[Tok], known: Known) -> Draft | None:
    end = clause_end(toks, 0)
    lows = [t.low for t in toks[:end]]
    in_clause = any(lows[i : i + 3] == ["many", "to", "many"] for i in range(len(lows)))
    everywhere = [t.low for t in toks]
    explicit = in_clause or any(everywhere[i : i + 3] == ["many", "to", "many"] for i in range(len(everywhere)))
    if explicit:  # said after the clause ("… ; a glaze goes in many kilns, please model this many to many"): the sentence
        nouns = _nouns(toks[:end] if in_clause else toks, known)
        ours = [t for t in nouns if known.get(t.sing)]
        ours = [t for i, t in enumerate(ours) if all(t.sing != o.sing for o in ours[:i])]
        if len(ours) >= 2:  # the app's entities first: "one Kiln can fire many Glazes …" names no entity "Fire"
            nouns = ours
        if len(nouns) < 2:
            raise RecognitionError("a many-to-many relationship between which entities? Say e.g. 'students can join many clubs'")
        return relationship_draft(nouns[0], nouns[1], known, "many_to_many")
    at = next((i for i, low in enumerate(lows) if low in MANY_WORDS and i > 1), None)
    if at is None or any(
        (t.low in _LIST_MARKERS and not _verb_with(toks, i, at))
        or (t.word and t.stem in command_stems() and not _owning_after_subject(toks, i) and not _said_of_subject(toks, i))
        for i, t in enumerate(toks[:at])
    ):
        return None
    first = 0
    while first < at and (lows[first] in SUBJECT_SKIP or (lows[first] == "of" and first and lows[first - 1] in SUBJECT_SKIP)):
        first += 1  # "each of our shops receives many deliveries"
    if first + 1 < at and not known.get(toks[first].sing) and known.get(toks[first + 1].sing):
        first += 1  # "each dental practice sends many orders": the app's Practice, "dental" qualifies it
    subject = toks[first]
    if not subject.word or subject.low in SKIP_IN_NOUNS:
        return None
    between = toks[first + 1 : at]
    verbs = [t for t in between if t.low not in MODALS and t.low not in MAYBE_MODALS]
    target_index = _plural_target(toks, at, end, known)
    if target_index is None:
        return None
    one_to_many = first > 0 and toks[first - 1].low == "one" and [t.low for t in between] == ["to"]
    if not verbs and one_to_many:
        return relationship_draft(toks[target_index], subject, known, "many_to_one")  # "one project to many milestones"
    if not verbs:
        return None
    target = toks[target_index]
    if first > 0 and lows[first - 1] in MANY_WORDS:
        return relationship_draft(subject, target, known, "many_to_many")  # "many tournaments have many sponsors"
    if vocab.ATTRIBUTE_TYPES.get(target.low, "str") != "str":
        return None  # "has many points" is a count; "each team has many players" names an entity
    stop = next((i for i in range(end, len(toks)) if toks[i].low == "."), len(toks))  # "…, and products go in many boxes"
    back = any(
        toks[j].low in MANY_WORDS
        and _plural_target(toks, j, stop, known) is not None
        and _same_thing(toks[_plural_target(toks, j, stop, known) or j].sing, subject.sing)
        for j in range(target_index + 1, stop)
    )
    if _only_one_back(toks[target_index + 1 :], subject, toks[target_index]):
        return relationship_draft(target, subject, known, "many_to_one")  # "… (but a plot only ever has one gardener)"
    making = verbs[0].stem in command_stems()  # "a lab develops many film rolls", "a user creates many posts"
    if (verbs[0].low in _ONE_SIDE_FORMS or making or any(v.low in _MADE_OF for v in verbs)) and not back:
        return relationship_draft(target, subject, known, "many_to_one")  # "a playlist has many tracks": track.playlist_id
    if first > 0 and lows[first - 1] == "one" and len(verbs) == 1 and not back:
        return relationship_draft(target, subject, known, "many_to_one")  # "one foster home can take several animals"
    fact = len(between) == 1 and between[0].low.endswith("s") and between[0].low not in {"is", "was", "has"}
    if fact and not _said_back(toks[target_index + 1 :], subject, target):  # "a host presents many shows": one side's fact
        return relationship_draft(target, subject, known, "many_to_one")
    return relationship_draft(subject, target, known, "many_to_many")


def _said_back(rest: Sequence[Tok], subject: Tok, target: Tok) -> bool:
    """Whether the words after "X VERBs many Ys" speak of X or Y again ("… and an animal may see more than
    one vet"): then each side has many of the other. A fact said of one side alone ("one teacher teaches
    many classes") is one-to-many, while a possibility ("members can borrow many tools") stays many-to-many."""
    return any(t.word and t.sing in {subject.sing, target.sing} for t in rest)


def _only_one_back(rest: Sequence[Tok], subject: Tok, target: Tok) -> bool:
    """Whether the words after "X VERBs many Ys" give each Y only one X ("but a plot only ever has one gardener",
    "…, each plot has just one gardener"): one-to-many, however the first half sounded."""
    lows = [t.low for t in rest]
    return any(
        rest[i + 1].sing == subject.sing
        and (
            bool({"only", "just", "exactly"} & set(lows[max(0, i - 3) : i]))
            or (i >= 2 and lows[i - 1] in {"have", "has"} and rest[i - 2].sing == target.sing)
        )
        for i in range(len(rest) - 1)
        if lows[i] in {"one", "single"}
    )
