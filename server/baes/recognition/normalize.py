"""Tokenizing requests and turning them into cache keys, with no NLTK data needed.

Both the offline recognizer and the recognition cache read requests through
``canonical_tokens``, so they split and fold words the same way. Only NLTK's data-free pieces
are used (``RegexpTokenizer``, ``SnowballStemmer``); nothing here may depend on optional
downloads, since a cache key must be the same on every machine.

The cache key is the request in *canonical form*, and the offline recognizer reads that same
form, so two requests with one key always get the same offline answer. It keeps word order and
negations ("add course to student" is not "add student to course", "with no email" is not "with
email") and folds what does not change the meaning: case, punctuation other than list and clause
marks, articles and polite fillers, and the inflections of the vocabulary's verbs where they are
verbs, so "Create a Student entity", "create student entity" and "Please create the Student
entity!" share a key, as do "the system manages students" and "system managing students".
Nouns are not stemmed: a Snowball stem makes "rating"/"rate", "active"/"activity" and
"title"/"titl" collide, and the cache would then answer one request with the other's attribute.
A verb form used as a noun keeps its spelling too ("with tracking number", "a building entity",
"create records"): the user's words name attributes and entities, never their stems.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from baes.recognition import vocabulary as vocab
from baes.recognition.asked_flags import LAST_ITEM_ASKED, as_flag
from baes.recognition.change_wording import CHANGE_PHRASES
from baes.recognition.dictated_marks import typed_marks
from baes.recognition.everyday_phrases import EVERYDAY_PHRASES
from baes.recognition.learner_wording import said_plainly
from baes.recognition.naming_phrases import NAMING_PHRASES
from baes.recognition.owner_first import OWNER_FIRST
from baes.recognition.pasted_code import as_definition
from baes.recognition.quoted_names import quoted_names
from baes.recognition.request_framing import unframed
from baes.recognition.slips import SLIPS
from baes.recognition.spoken_fields import SPOKEN_FIELDS
from baes.recognition.spoken_forms import command_verbs, everyday_commands, thing_as_entity
from baes.recognition.text_layout import BULLET_MARK, plain_layout
from baes.recognition.title_names import join_title_names
from baes.recognition.verb_folding import ARTICLES, fold_verbs, verb_base, verb_bases

#: Bump when the key function changes: the cache re-keys its rows on migration.
#: 2: verb forms used as nouns keep their spelling ("tracking number", "a building entity").
#: 3: a line break (with its bullet: "-", "*", "•", "1.") separates list items like a comma.
#: 4: "trash", "discard" and "purge" are delete verbs, "save" creates (their -s/-ing forms fold).
#: 5: layout is read as list marks: Markdown tables, pipes, a spaced dash, arrows (``text_layout``).
#: 6: "w/", two-way arrows, "m2m", emphasis, ticket keys, an assistant's preamble, a line above bullets,
#:    "take it out".
#: 7: "log"/"keep" as commands, "a volunteer thing", "take X off", "has a few", "its", "be able to",
#:    framework shorthands (``code_shorthand``).
#: 8: a Title Case name of several words is one token ("Building Permit Application", ``title_names``).
#: 9: an app label before a line's own entity, a slip on the command verb ("crate a"), "is a percent" as a type.
#: 10: the request inside its frame (``request_framing``), hesitations, "each one has", everyday renames.
#: 11: "with: a, b" is "with a, b"; "…, tracking number" and "… and contains nuts" keep their form; a list
#:     after "add" is a list ("add a, b and needs repair to X"); "Gadget with a; b; c" names no entity "Gadget with a".
#: 12: one-line blocks ("X {a, b}") and middle dots as list marks, a task's label and "modify X so that it"
#:     before the request, "one X, many Ys" and "one-to-many X to Ys" as the sentence they stand for.
#: 13: a commit's type or a review's label before the request, shell-style and phrasal commands ("mk", "rm",
#:     "throw away"), a count before "fields", "add fields to X: a, b", "we should not store X on E", a dotted
#:     rename with a label before it or a sentence after it.
#: 14: sentence adverbs ("basically", "ideally") are fillers, "additionally" is "also", "nd" is "and"; "tick box" is
#:     "checkbox"; slips in "entity" ("entitiy", "enity") are corrected before any phrase is read (``slips``);
#:     changes said owner first ("remove from E the field X") in the rules' order (``owner_first``).
#: 15: framework code (Rails generators, Django fields, Prisma models, crow's-foot lines, ``framework_code``) and
#:     prompts to an assistant (``assistant_prompts``) as the requests they carry; asides, "For the X:",
#:     "X has Ys, each with", "For each one:", ", like a, b", "can u", "make me a", number words after
#:     "default"/"out of", changelog heads, "put X on E", "no more X on E", "E no need X".
#: 16: steps of a conversation, keepers, spreadsheet words, dev labels, sharing, link, rename and field wording,
#:     list openers and new things (``conversation_steps`` … ``list_openers``) rewrite the request's text;
#:     "I think", "maybe" and "probably" open a request; a pasted definition is "create E with …" (``pasted_code``).
#: 17: a pasted definition is read before blanks are tidied (YAML indentation, aligned tables); relayed
#:     requests lose who asked (``relayed``), "want X stored" and "each X of a Y" keep X (``keepers``); slips
#:     corrected in passing (``self_corrections``), lists said aloud (``spoken_lists``), office column types
#:     (``office_types``), the story role dropped before the framing rules.
#: 18: what the app already has and where it is used said as context (``app_context``), units said as ratios.
#: 19: units a name cannot hold (``unit_marks``), the thing a list describes named around it (``list_openers``),
#:     naming phrases and removals said in passing (``naming_phrases``), "pH" one word.
#: 20: openings "oh", "um", "btw", the Filipino "po" and "got many" (``learner_wording``), "make it so that".
#: 21: "payed" read as "paid" (``learner_wording``).
#: 22: task-list boxes ("- [x] name") and the "o" bullets of a word processor are list marks (``text_layout``);
#:     code fences lose their language word, an unnamed TypeScript object type is read (``pasted_code``); "call it X,
#:     with …" creates X, "instead" before "with" goes (``naming_phrases``); thousands separators; ALTER TABLE columns
#:     typed; "- can you rename the entity?" asks again (``closing_words``).
#: 23: a command verb hyphened to a particle is one word ("drop-in", "add-on"); "for each cake order I need …".
#: 24: "can we get rid of" keeps its verb; chat openings and closings ("fyi", "heads up", "lmk", "tia").
#: 25: second-language forms ("Order need add …", "must to have", "change the name of X for Y", "remove of E the
#:     F"), spaced dashes that separate a list's items, yes/no in other languages, "date and time" one item.
KEY_VERSION = 25

_COMMANDS = vocab.CREATE_VERBS | vocab.ADD_VERBS | vocab.LINK_VERBS | vocab.DELETE_VERBS | vocab.NEED_VERBS | vocab.KEEPING_VERBS
_PARTICLES = "in|off|up|out|on|over|down|back|away"
_CONTRACTIONS = (
    (re.compile(r"\blet's\b", re.I), "let us"),
    (re.compile(r"\b(?:cant|can't)\b", re.I), "can not"),
    (re.compile(r"\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must)nt\b", re.I), r"\1 not"),
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"n't\b", re.I), " not"),
    (re.compile(r"'re\b", re.I), " are"),
    (re.compile(r"'ll\b", re.I), " will"),
    (re.compile(r"'d\b", re.I), " would"),
    (re.compile(r"'ve\b", re.I), " have"),
    (re.compile(r"'m\b", re.I), " am"),
    (re.compile(r"(?<![?!.,;:])'s\b", re.I), ""),  # possessive or "is": neither changes what is asked (not after a mark)
    # "felt good? (yes/no)", "insured?, notes": a field asked as a question is a yes/no field, not a sentence's end
    (re.compile(r"(?<=[A-Za-z])\?(?=[ \t]*\()"), ""),
    (re.compile(r"(?<=[A-Za-z])\?(?=[ \t]*,)"), " (yes/no)"),
    (LAST_ITEM_ASKED, as_flag),  # "…, grade, flash?": the same at the end of a list
    # "a drop-in price", "add-on", "log-in time": one noun, not the command "drop", "add" or "log" of the request
    (re.compile(rf"(?<![\w'-])({'|'.join(sorted(_COMMANDS))})-({_PARTICLES})(?![\w'-])", re.I), r"\1_\2"),
    # "…, drop in price", "| walk in fee": the same noun unhyphenated, as an item of a list
    (re.compile(r"(?<=[,|;\n])([ \t]*)(drop|walk)[ \t]+in[ \t]+(?=[a-z])", re.I), r"\1\2_in "),
)
#: A typed smile or frown after a blank ("thanks :)", "hello there :-D", "sorry ;("): no list mark, a sentence's end.
_EMOTICON = re.compile(r"(?:(?<=\s)|^)[:;=][-']?[()DPp\]\[]+(?=\s|$|[.,!?])|(?:(?<=\s)|^)(?:<3|[xX][dD])(?=\s|$|[.,!?])")
_CAMEL_1 = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CAMEL_2 = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])(?![A-Z]s\b)")  # "HTTPServer"; not the plural "EMIs"
_WORD = r"[^\W\d_]\w*|\d+(?:\.\d+)?|[^\w\s]"  # words (any script), numbers, marks
#: A line break and the bullet after it: one list separator ("with:\n- name\n- size").
_LINE_BREAK = re.compile(rf"\s*[\r\n]+\s*(?:{BULLET_MARK}\s+)?")

_BLANKS_AT_LINE_END = re.compile(r"[ \t]+(?=\r?\n)")
_BLANK_LINES = re.compile(r"(?:\r?\n){3,}")
_TAB_RUN = re.compile(r" *\t[ \t]*")
_SPACE_RUN = re.compile(r" {2,}")
#: Blanks kept of a run before a pasted definition is read: enough for its indentation and column marks.
_LONG_BLANKS = re.compile(r"[ \t]{17,}")
_KEPT_BLANKS = 16


def tidy_blanks(text: str) -> str:
    """No blanks at a line's end, at most one blank line in a row, a run of blanks with a tab one tab
    (a spreadsheet's column mark), any other run of spaces one space."""
    text = _BLANK_LINES.sub("\n\n", _BLANKS_AT_LINE_END.sub("", text))
    return _SPACE_RUN.sub(" ", _TAB_RUN.sub("\t", text))


#: A blank line ends a sentence, except after a colon ("Fields:" then the list).
_PARAGRAPH_BREAK = re.compile(r"(?<![:\s])[ \t]*\r?\n[ \t]*\r?\n\s*")

#: Words dropped anywhere: they never change what a request asks for.
FILLERS: frozenset[str] = frozenset(
    "a an the please pls plz kindly just new its completely entirely permanently altogether totally".split()
    + "uh um umm uhm erm hmm".split()  # dictation: hesitations are no words of the request
    # sentence adverbs: how sure or frank the writer is, never a name ("Basically a Freelancer record")
    + "basically actually honestly ideally literally obviously essentially definitely hopefully preferably".split()
)
#: Openings dropped at the start of a request (repeatedly): "can you please create ..." = "create ...".
_OPENINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "can you",
        "could you",
        "would you",
        "will you",
        "i want to have",
        "i would like to have",
        "we would like to have",
        "we want to have",
        "i want to",
        "i would like to",
        "i would love to",
        "we want to",
        "we would like to",
        "i need to",
        "we need to",
        "can we get",
        "could we get",
        "can i get",
        "could i get",
        "can we have",
        "could we have",
        "can i have",
        "could i have",
        "is it possible to have",
        "is it possible to",
        "would it be possible to",
        "please help",
        "help",
        "is possible to have",
        "is possible to",
        "is it possible to get",
        "be able to",
        "let us",
        "let me",
        "help me",
        "please",
        "kindly",
        "hey",
        "hi",
        "hello",
        "hiya",
        "heya",
        "howdy",
        "helo",
        "ok",
        "okay",
        "now",
        "then",
        "next",
        "so",
        "oh and",  # a thought added on: "oh and the plant should also have …"
        "oh wait",
        "oh",
        "ah",
        "um",
        "uh",
        "btw",
        "fyi",  # chat shorthand: "fyi Court needs an indoor flag", "heads up, …"
        "fwiw",
        "heads up",
        "by the way",
        "quick one",
        "quick question",
        "small thing",
        "one more thing",
        "i think",  # how sure the writer is: "I think we need Book with …"
        "i guess",
        "i suppose",
        "i believe",
        "maybe",
        "probably",
    )
)
#: Closings dropped at the end: "..., thanks" / "please".
_CLOSINGS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in ("thanks", "thank you", "please", "thx", "for me", "po", "lmk", "tia", "ty", "cheers", "fyi", "btw")
)
#: Single-word spellings with one meaning for the recognizer.
_SAME: dict[str, str] = {"has": "have", "does": "do", "are": "is", "&": "and", "!": ".", "?": "."}
_SAME |= {"additionally": "also", "furthermore": "also", "nd": "and"}  # "we need additionally the entity X", "phone nd email"
#: Punctuation the recognizer reads (lists, clauses, explicit types); any other mark is dropped.
_KEPT_MARKS = frozenset({",", ";", ":", "(", ")", "/", ".", "and"})


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from nltk.tokenize import RegexpTokenizer  # data-free

    return RegexpTokenizer(_WORD)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer  # data-free

    return SnowballStemmer("english", ignore_stopwords=False)


def clean_text(text: str) -> str:
    """NFKC, straight quotes, expanded contractions, camelCase split into snake_case words.

    Runs of blanks are tidied first (``tidy_blanks``): they mean nothing more than one, and a run of
    thousands made the layout patterns try every split of it (4,000 characters of padding took 15 s). Only a
    pasted definition (``pasted_code``) is read before, with runs cut to a few blanks: its indentation
    nests a YAML schema and its spaces align a table's columns.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = tidy_blanks(as_definition(_LONG_BLANKS.sub(lambda run: run[0][:_KEPT_BLANKS], text)))
    text = _EMOTICON.sub(".", text)  # "hello there :) Our Runner records need …": a smile ends what it follows
    text = unframed(said_plainly(quoted_names(typed_marks(text))))  # second-language forms first: the framing rules read "has"
    for pattern, replacement in (
        *_CONTRACTIONS,
        *SLIPS,
        *SPOKEN_FIELDS,
        *OWNER_FIRST,
        *EVERYDAY_PHRASES,
        *CHANGE_PHRASES,
        *NAMING_PHRASES,
    ):
        text = pattern.sub(replacement, text)
    text = _PARAGRAPH_BREAK.sub(" . ", join_title_names(plain_layout(text)).strip())
    return _LINE_BREAK.sub(" , ", text)


#: Units whose symbol mixes cases ("kWh", "mAh", "MHz"): one word, not two.
_MIXED_CASE_UNITS = frozenset(
    {"pH", "kWh", "MWh", "GWh", "Wh", "kW", "MW", "GW", "mAh", "mL", "dB", "dBm", "Hz", "kHz", "MHz", "GHz", "kB", "MB"}
    | {"GB", "TB", "kPa", "MPa", "hPa", "mmHg", "mV", "kV", "kVA", "mA", "kN", "Nm", "kJ", "kCal", "kcal", "mSv", "uSv"}
)


def split_camel(word: str) -> str:
    """``OrderItem`` → ``Order_Item`` (case kept); other words unchanged."""
    if not word[:1].isalpha() or "_" in word or word.isupper() or word.islower():
        return word
    if word in _MIXED_CASE_UNITS:
        return word.lower()  # "kWh produced", "pH": a unit written as its symbol, no camel-case name
    return _CAMEL_2.sub("_", _CAMEL_1.sub("_", word))


def tokenize(text: str) -> list[str]:
    """Words (case kept, camelCase split into snake_case), numbers and punctuation marks."""
    if not isinstance(text, str):
        return []
    return [split_camel(token) for token in _tokenizer().tokenize(clean_text(text))]


def stem(word: str) -> str:
    """Snowball stem of a lower-case word (snake_case parts one by one); the recognizer matches verbs on it."""
    if "_" in word:
        return "_".join(_stemmer().stem(part) for part in word.split("_") if part)
    return _stemmer().stem(word)


def canonical_tokens(text: str) -> list[str]:
    """The request as the recognizer reads it and the cache keys it (see the module docstring)."""
    if not isinstance(text, str):
        return []
    return list(_canonical(text))


#: Readings of a canonical form needed at most before it reads as itself (see ``_canonical``).
_MAX_REREADS = 4


@lru_cache(maxsize=2048)
def _canonical(text: str) -> tuple[str, ...]:
    """Canonical tokens, memoized: the recognizer, the cache key and the context all ask for them.

    The form is read again until it reads as itself: a rewrite of the text (a spaced dash as a colon,
    an arrow as words) can make words another rewrite reads ("example - 'Ana'" → "example : 'Ana'"),
    and one key must stand for one reading.
    """
    tokens = _canonical_once(text)
    for _ in range(_MAX_REREADS):
        again = _canonical_once(" ".join(tokens))
        if again == tokens:
            break
        tokens = again
    return tokens


def _canonical_once(text: str) -> tuple[str, ...]:
    """One reading of ``text`` into canonical tokens.

    Lower-case, camelCase split, fillers and polite openings dropped (an article stays before a
    verb form, where it says the form is a noun), only meaningful punctuation
    kept (sentence ends inside the request become "."), and the inflections of the vocabulary's
    verbs folded to the base verb where they are verbs ("manages", "managing" → "manage"; see
    ``verb_folding``). Nouns keep their form: "tags" and "tag" are different attribute names, and
    "tracking number" is not "track number".
    """
    words: list[str] = []
    article: str | None = None  # the article just dropped, kept only before a verb form (a noun there)
    for token in tokenize(text):
        low = _SAME.get(token.lower(), token.lower())
        if low[:1].isalnum() or low[:1] == "_":
            if low in FILLERS:
                article = low if low in ARTICLES else article
                continue
            if article is not None and verb_base(low) not in (None, low):
                words.append(article)  # "give orders a tracking number": no verb follows an article
            words.append(low)
        elif low in _KEPT_MARKS:
            words.append(low)
        article = None
    words = [w for i, w in enumerate(words) if not (w == ":" and i and words[i - 1] in {"with", "having", ":"})]
    words = thing_as_entity(_strip_edges(_join_phrasal_verbs(words)), verb_bases())
    return tuple(fold_verbs(command_verbs(everyday_commands(words))))


def _join_phrasal_verbs(words: list[str]) -> list[str]:
    """ "set up" → "setup", "keep track of" → "track": one token per verb the recognizer knows."""
    result: list[str] = []
    i = 0
    while i < len(words):
        pair = tuple(words[i : i + 2])
        if pair in (("set", "up"), ("sets", "up"), ("setting", "up")):
            result.append("setup")
            i += 2
        elif tuple(words[i : i + 3]) in (("keep", "track", "of"), ("keeps", "track", "of"), ("keeping", "track", "of")):
            result.append("track")
            i += 3
        else:
            result.append(words[i])
            i += 1
    return result


def _strip_edges(words: list[str]) -> list[str]:
    """Drop leading/trailing marks and polite openings/closings (matched on base verb forms)."""
    bases = verb_bases()
    changed = True
    while changed and words:
        changed = False
        while words and words[0] in {",", ";", ":", ".", ")", "/", "and"}:
            words.pop(0)
            changed = True
        while words and words[-1] in {",", ";", ":", ".", "(", "/", "and"}:
            words.pop()
            changed = True
        for opening in _OPENINGS:
            if (
                tuple(bases.get(w, w) for w in words[: len(opening)]) == opening
                and len(words) > len(opening)
                and not (opening[-1] == "get" and words[len(opening)] == "rid")  # "can we get rid of …" removes
            ):
                del words[: len(opening)]
                changed = True
                break
        for closing in _CLOSINGS:
            if tuple(words[-len(closing) :]) == closing and len(words) > len(closing):
                del words[-len(closing) :]
                changed = True
                break
    return words


def normalize_request(text: str) -> str:
    """The cache key of a request: its canonical tokens joined by spaces."""
    if not isinstance(text, str):
        return ""
    return " ".join(canonical_tokens(text))
