"""Words that say whether something is so: state adjectives ("vegan", "fragile"), participles ("attended"),
"-able", "-less" and "-ous" adjectives, and the words around them that keep a state a state ("gluten free",
"sold out", "willing to relocate", "sells tickets"). ``attribute_types`` reads them to make a name a flag;
the field-name rules read them to keep a state's own "for" or "to" ("ready for pickup")."""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.participles import is_participle

# fmt: off
#: Participles that name a moment, not a state: "created" is when, not whether.
TIME_PARTICIPLES: frozenset[str] = frozenset({
    "created", "updated", "modified", "joined", "born", "started", "ended", "began", "begun", "occurred",
    "happened", "changed", "edited", "generated", "recorded", "logged", "dated", "scheduled",
})
#: Common adjectives that describe a state and so make a flag ("urgent", "fragile", "vegan").
STATE_ADJECTIVES: frozenset[str] = frozenset({
    "urgent", "fragile", "organic", "vegan", "vegetarian", "kosher", "halal", "remote", "anonymous",
    "pregnant", "electric", "hybrid", "public", "private", "confidential", "internal", "external",
    "international", "domestic", "digital", "virtual", "temporary", "permanent", "seasonal", "outdoor",
    "indoor", "waterproof", "wireless", "alcoholic", "spicy", "hazardous", "toxic", "valid", "invalid",
    "overdue", "obsolete", "alive", "dead", "deceased", "critical", "pending", "favorite", "favourite",
    "recurring", "handmade", "homemade", "vintage", "open", "online", "offline", "secure", "exclusive",
    "sterile", "healthy", "sick", "busy", "free", "empty", "present", "absent", "resident", "attending", "late",
    "complete", "incomplete", "vip", "intact", "vacant", "rare", "legendary", "explicit", "automatic",
    "abnormal", "successful", "unsuccessful", "winning", "primary", "junior", "exempt", "functional", "operational",
    "commercial", "medical", "magical", "diabetic", "final", "executive", "residential", "faulty", "defective",
    "dirty", "ready", "missing", "lame", "wet", "dry", "clean",
    # tenure, kind and condition ("freehold", "feral", "second hand")
    "freehold", "leasehold", "feral", "stray", "tame", "wild", "dormant", "extinct", "native", "evergreen",
    "perennial", "hardy", "edible", "raw", "ripe", "fresh", "sparkling", "bespoke", "secondhand", "refurbished",
    "wholesale", "retail", "bilingual", "deaf", "blind", "elderly", "fertile", "rural", "urban", "solo", "mint",
})
#: Nouns ending in -able/-ible: the suffix makes an adjective (a flag) except in these.
ABLE_NOUNS: frozenset[str] = frozenset({
    "table", "cable", "fable", "gable", "sable", "stable", "bible", "vegetable", "variable", "constable",
    "timetable", "turntable", "syllable", "parable", "receivable", "payable", "deliverable", "collectible",
    "consumable", "mandible", "crucible", "worktable",
    "responsible",  # "person responsible" names a person
})
#: Nouns ending in -ive (the suffix otherwise makes an adjective, a flag: "aggressive", "invasive").
IVE_NOUNS: frozenset[str] = frozenset("""
    narrative detective representative relative objective initiative incentive motive alternative perspective
    directive sedative laxative preservative additive adhesive explosive locomotive archive operative collective
    cooperative derivative adjective prerogative missive expletive fixative abrasive contraceptive
    forgive arrive deprive survive strive thrive revive contrive receive deceive perceive conceive
""".split())
#: Nouns ending in -ful: measures, not states ("handful", "spoonful").
FUL_NOUNS: frozenset[str] = frozenset("handful mouthful spoonful cupful armful bucketful pocketful lungful".split())
#: Last words that make a state of what they follow: "gluten free", "pet friendly", "dishwasher safe".
STATE_SUFFIXES: frozenset[str] = frozenset({"free", "friendly", "proof", "safe", "ready", "only", "ok", "okay"})
#: Particles after a participle that keep it a state: "sold out", "checked in", "signed up".
PARTICLES: frozenset[str] = frozenset({"out", "in", "up", "off", "over", "down", "back", "away"})
#: First words of a two-word state: "in stock", "on sale", "off duty", "under warranty", "out of print".
STATE_PREPOSITIONS: frozenset[str] = frozenset({"in", "on", "off", "under", "over", "at", "within"})
#: Nouns after "for" that make a state ("for sale", "up for adoption", "for hire"): whether it is offered so.
FOR_STATES: frozenset[str] = frozenset({"sale", "rent", "hire", "adoption", "lease", "auction", "loan"})
#: Verbs whose third-person form starts a flag: "sells tickets", "accepts cash", "offers delivery".
FLAG_VERBS: frozenset[str] = frozenset({
    "sell", "accept", "offer", "support", "require", "include", "provide", "serve", "ship", "deliver",
    "contain", "speak", "smoke", "wear", "host", "carry", "permit", "welcome", "cater", "allow", "use", "take",
    "own", "rent", "lease", "do", "want", "need", "play", "teach", "open", "close", "charge", "export", "import",
    "subscribe", "attend", "volunteer", "drive",
})
#: Words before "from" that make it the start of a period: "valid from", "available from".
PERIOD_STATES: frozenset[str] = frozenset({"valid", "available", "unavailable", "effective", "active", "open",
                                           "closed", "blocked", "free", "booked", "reserved", "employed"})
# fmt: on


def is_state_word(word: str) -> bool:
    """A word saying whether something is so: a participle, a state adjective, an -able adjective."""
    if word in TIME_PARTICIPLES:
        return False
    if word in STATE_ADJECTIVES or is_participle(word):
        return True
    lacking = word.endswith("less") and len(word) >= 7 and word not in {"regardless", "nevertheless"}  # "queenless"
    described = word.endswith("ous") and len(word) >= 6  # "hazardous", "contagious", "venomous": no noun ends so
    tending = word.endswith("ive") and len(word) >= 7 and word not in IVE_NOUNS  # "aggressive", "reactive"
    full = word.endswith("ful") and len(word) >= 7 and word not in FUL_NOUNS  # "successful", "playful"
    return (
        lacking or described or tending or full or (word.endswith(("able", "ible")) and len(word) >= 6 and word not in ABLE_NOUNS)
    )


def third_person(word: str) -> bool:
    """ "sells", "accepts": the third-person form of a verb that starts a flag ("sells tickets")."""
    return word.endswith("s") and any(word in vocab.verb_forms(verb) - {verb} for verb in FLAG_VERBS)  # not "shipping"


#: Adjectives before "to": "willing to relocate", "eligible to vote" are yes/no answers.
# fmt: off
WILLING_WORDS = frozenset({
    "willing", "able", "eligible", "ready", "allowed", "permitted", "happy", "agreed", "consented", "opted", "subscribed",
    "likely", "required", "prepared", "authorized", "authorised",
})
# fmt: on


#: Other adjectives that take "for"/"to" in a field's name: "suitable for kids", "due for service".
_STATE_ADJECTIVES = frozenset({"suitable", "available", "fit", "open", "due", "subject", "liable"})


def takes_preposition(word: str) -> bool:
    """Whether ``word`` is a state whose "for"/"to" belongs to the field's name: "willing to relocate",
    "ready for pickup", "treated for mites" (a participle), "subscribes to newsletter" (a flag's verb)."""
    return word in WILLING_WORDS or word in _STATE_ADJECTIVES or is_participle(word) or third_person(word)
