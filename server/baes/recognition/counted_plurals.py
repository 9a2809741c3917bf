"""A field named by a plural noun counts it ("walks", "honey supers", "exposures"), unless the plural lists things.

A careful reader takes "beds" or "hives" on a record as how many; the vocabulary knows the common ones
(``vocabulary.COUNT_NOUNS``), and this rule reads the rest by their grammar. Plurals that usually hold a list of
words ("allergies", "dietary notes", "toppings") stay text, and so does a plural after a preposition ("notes on
repairs"): the head of that name is before it.
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab

# Word lists: a line per group of words reads better than a word per line.
# fmt: off
#: Plurals that name a list of things written down, not a number of them.
LISTED_PLURALS: frozenset[str] = frozenset("""
    notes species allergies allergens initials names needs comments instructions requirements remarks conditions
    details requests terms observations ingredients languages subjects restrictions contents skills findings digits
    varieties objectives symptoms areas colours colors moves complications tags series urls links medications meds
    authors hops dimensions choices changes markings interests hobbies specialties specialities qualifications
    certifications features amenities toppings extras preferences keywords genres directions credentials permissions
    roles categories topics themes materials tools supplies accessories components dependencies attachments images
    files documents docs references sources citations contacts addresses emails phones specs specifications
    measurements answers questions results outcomes aims milestones deliverables duties responsibilities
    achievements awards honours honors lyrics aliases nicknames titles labels flavours flavors scents fragrances
    fabrics textures patterns styles sizes shapes treatments procedures vaccinations vaccines illnesses diseases
    disabilities triggers hazards risks precautions warnings effects additives preservatives nutrients dislikes
    fears strengths weaknesses issues problems concerns defects repairs services modules guardians parents
    godparents instruments utensils appliances facilities locations venues destinations routes regions countries
    cities places sites platforms channels socials handles accounts usernames passwords hashtags icons logos fonts
    videos recordings clips comments keys codes numbers ids refs details words dues minutes hours
    weekends weekdays mondays tuesdays wednesdays thursdays fridays saturdays sundays mornings evenings nights
    pets nuts kids tenants beginners outdoors afterwards drills exercises shoes boots clothes garments observers
    witnesses shortages tracks songs
""".split())
#: Plurals of money: a sum of them ("takings", "tips", "expenses").
MONEY_PLURALS: frozenset[str] = frozenset("""
    takings proceeds earnings winnings savings wages tips fees charges costs expenses fines prices royalties
    donations contributions subscriptions refunds payouts sales
""".split())
# fmt: on
#: Endings of words that end in "s" without being plural ("glass", "status", "basis", "physics", "famous").
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics", "ous", "ys", "ws")
#: The time a count is of: "matches this season", "eggs this week", "visits last month".
_THIS = frozenset({"this", "last", "each", "every", "a"})
_PERIODS = frozenset({"day", "week", "month", "year", "season", "term", "night", "shift", "session", "quarter", "semester"})
#: Words inside a name that make what follows them a complement, not the head ("notes on repairs").
_JOINERS = frozenset({"of", "on", "for", "about", "with", "from", "in", "to", "by", "at", "per"})


def plural_type(parts: list[str]) -> str | None:
    """The type of a name with no type of its own that ends in a plural noun: a sum of money ("takings") or how many
    ("walks", "honey supers"); None when the plural lists things or is not the head."""
    if len(parts) >= 3 and parts[-2] in _THIS and parts[-1] in _PERIODS:
        return plural_type(parts[:-2])  # "matches this season", "eggs this week": how many in that time
    last = parts[-1]
    if len(last) <= 3 or last.endswith(_NOT_PLURAL_ENDINGS) or last in LISTED_PLURALS:
        return None
    if any(p in _JOINERS or p.endswith("ing") for p in parts[:-1]) or vocab.singularize(last) == last:
        return None  # "notes on repairs", "person doing flowers": the head is before
    if last in MONEY_PLURALS:
        return "float"
    derived = (last.endswith("ings") and len(last) > 6) or last.endswith(("ates", "ies"))  # "readings", "updates"
    return "int" if not derived or last in vocab.COUNT_NOUNS else None
