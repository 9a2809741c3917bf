"""Past participles: "cancelled", "verified", "sold" describe a state; "seed", "speed", "hundred" do not.

Read by the attribute types (a participle makes a flag or a date) and by entity names (a participle
is no word of a name: "reported incidents" are incidents, but "seed orders" are seed orders).
"""

from __future__ import annotations

from functools import lru_cache

from baes.recognition.spelling import english_words  # one copy of the English word list (loaded lazily)

# fmt: off
#: Irregular past participles that describe a state ("sold", "broken"). Left out: those that are
#: mostly other words ("set", "cut", "put", "left", "run") and "spent" (an amount).
IRREGULAR_PARTICIPLES: frozenset[str] = frozenset({
    "sold", "paid", "done", "broken", "hidden", "frozen", "stolen", "forgotten", "written", "spoken", "chosen",
    "taken", "given", "driven", "eaten", "proven", "sworn", "worn", "torn", "shown", "known", "grown", "thrown",
    "drawn", "fallen", "forbidden", "shaken", "held", "kept", "lost", "found", "sent", "bought", "caught",
    "taught", "won", "shut", "built", "met", "lit", "hung", "stuck", "bound", "seen", "gone", "read", "used", "lent",
    "made", "sunk", "withdrawn", "overdone", "undone", "mistaken", "bred", "fed", "led", "sped", "spun", "woven",
    "sewn", "sown", "dug", "swum", "flown", "ridden", "beaten", "laid", "struck",
})
# fmt: on

_PARTICIPLE_MIN = 5  # letters: "bed", "red", "shed", "seed", "need" are never participles here
_STEM_MIN = 3


@lru_cache(maxsize=2048)
def is_participle(word: str) -> bool:
    """Whether ``word`` is a past participle: irregular ("sold"), or -ed on an English verb.

    "cancelled" (cancel), "verified" (verify), "attended" (attend), "agreed" (agree); not the -ed
    nouns "speed", "breed" (the verb would be "spe"/"bree": an -eed word needs a stem of five
    letters), "hundred", "infrared".
    """
    if word in IRREGULAR_PARTICIPLES:
        return True
    if len(word) < _PARTICIPLE_MIN or not word.endswith("ed") or not word.isalpha():
        return False
    if word.endswith("eed"):
        stems = [word[:-1]] if len(word) - 1 >= 5 else []  # agreed, guaranteed; never seed, breed, greed
    else:
        stems = [word[:-2], word[:-1]]  # attended; baked
        if word[-3] == word[-4]:
            stems.append(word[:-3])  # cancelled, stopped
        if word.endswith("ied"):
            stems.append(word[:-3] + "y")  # verified
        if word.endswith(("ised", "ysed")):
            stems.append(word[:-4] + word[-4] + "ze")  # digitised, analysed: the British spelling of a listed verb
    stems = [s for s in stems if len(s) >= _STEM_MIN]
    return bool(stems) and bool(english_words().known(stems))
