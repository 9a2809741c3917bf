"""Singular forms of the nouns people write in requests: "students" → student, "categories" → category,
"movies" → movie, "fishermen" → fisherman, "shelves" → shelf.

Entity names are singular (``Student``), so every plural the recognizer reads goes through ``singularize``;
``vocabulary`` re-exports it as ``vocab.singularize``.
"""

from __future__ import annotations

import re

# fmt: off
_IRREGULAR_SINGULAR: dict[str, str] = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse",
    "geese": "goose", "teeth": "tooth", "feet": "foot", "data": "data", "criteria": "criterion",
    "analyses": "analysis", "hypotheses": "hypothesis", "diagnoses": "diagnosis", "theses": "thesis",
    "crises": "crisis", "syntheses": "synthesis", "prognoses": "prognosis",
    "quizzes": "quiz", "statuses": "status", "buses": "bus", "addresses": "address",
    "classes": "class", "courses": "course", "heroes": "hero", "indices": "index", "matrices": "matrix",
    "series": "series", "species": "species", "news": "news", "lens": "lens", "gas": "gas", "canvas": "canvas",
    "atlas": "atlas", "alias": "alias", "chassis": "chassis", "means": "means", "lenses": "lens", "gases": "gas",
    "canvases": "canvas", "atlases": "atlas", "aliases": "alias", "gpa": "gpa", "status": "status",
    "address": "address", "class": "class", "bus": "bus", "campus": "campus", "analysis": "analysis",
    "ins": "in", "ups": "up", "ons": "on", "offs": "off", "outs": "out",  # walk-ins, sign-ups, add-ons
    "thesis": "thesis", "credits": "credits", "pages": "pages", "seats": "seats",
    # -ves plurals of -f/-fe nouns (most -ves words are -ve nouns: "drives", "archives")
    "knives": "knife", "wives": "wife", "lives": "life", "wolves": "wolf", "shelves": "shelf",
    "halves": "half", "leaves": "leaf", "calves": "calf", "loaves": "loaf", "thieves": "thief",
    "scarves": "scarf", "elves": "elf", "hooves": "hoof", "wharves": "wharf",
    # -ie nouns, whose plural is no -y word's ("movies" is no "movy"), and -u nouns ("menus")
    "movies": "movie", "cookies": "cookie", "zombies": "zombie", "rookies": "rookie", "selfies": "selfie", "pies": "pie",
    "ties": "tie", "hoodies": "hoodie", "smoothies": "smoothie", "brownies": "brownie", "goalies": "goalie",
    "calories": "calorie", "sorties": "sortie", "prairies": "prairie", "menus": "menu", "gurus": "guru", "emus": "emu",
}
_NO_S_STRIP = re.compile(r"(ss|us|is|ous)$")

#: Irregular plurals that end compound nouns ("salespeople", "firemen", "grandchildren").
_COMPOUND_PLURALS = (("people", "person"), ("women", "woman"), ("men", "man"), ("children", "child"))
#: Words before "-men" in compound plurals that do not end in s ("fishermen", "firemen"; "salesmen" ends in s).
_MEN_STEMS = frozenset({"fisher", "fire", "police", "chair", "fore", "gentle", "middle", "post", "garbage", "delivery",
                        "repair", "handy", "camera", "anchor", "cattle", "dairy", "sea", "crew", "noble", "work"})
# fmt: on


def singularize(word: str) -> str:
    """English singular of a lower-case noun ("students" → "student", "categories" → "category")."""
    if not word or not word.isascii():
        return word
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    head, _, last = word.rpartition("_")
    if head:
        return f"{head}_{singularize(last)}"
    if len(word) <= 3:
        return word
    for plural, singular in _COMPOUND_PLURALS:  # "salespeople", "fishermen", "chairwomen"; "specimen" stays
        stem = word[: -len(plural)]
        if word.endswith(plural) and len(stem) > 2 and (plural != "men" or stem.endswith("s") or stem in _MEN_STEMS):
            return stem + singular
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("oes") and word[:-2] in {"potato", "tomato", "hero", "echo"}:
        return word[:-2]
    if word.endswith("s") and not _NO_S_STRIP.search(word):
        return word[:-1]
    return word
