"""Forms of English as a second language, written as the rules read them.

Students and developers writing in a second language say "each product is having name, barcode …",
"every Room is belonging to one Hostel", "every shipment got tracking code, …", "motorbike have brand,
model …", "the patient information like the name, the age …", "one more column phone number", "I forgot to
put gender in Player", "my lecturer wants the Staff entity called Employee instead" and "the field sqft,
make it area_sqft". Each is the plain request it stands for ("has", "belongs to", "with", "add … to",
"rename … to"); nothing else of the request changes.

Part of ``normalize.clean_text``, so these shape the cache key too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LEARNER_WORDING: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "The assignment sheet is changed, …": why the change comes, no part of it
    (
        re.compile(
            r"^\s*(?:the\s+|my\s+|our\s+)?(?:assignment|requirement|task|spec|brief)s?(?:\s+sheet)?\s+(?:is|was|has|have)\s+"
            r"(?:been\s+)?changed\s*[,.;:]\s*",
            re.I,
        ),
        "",
    ),
    # "…, please add it": the change said again
    (re.compile(r",?[ \t]*(?:please|pls|kindly)[ \t]+add[ \t]+(?:it|them|those|these)[ \t]*[.!]?[ \t]*$", re.I | re.M), ""),
    # "in my project one Department is having many Employees": whose project says nothing
    (
        re.compile(
            r"^\s*(?:in|for)[ \t]+(?:my|our|this|the)[ \t]+(?:college[ \t]+|school[ \t]+|final[ \t]+|mini[ \t]+)?(?:project|app|"
            r"application|assignment|system|database|homework)[ \t]*,?[ \t]+(?=[a-z])",
            re.I,
        ),
        "",
    ),
    (re.compile(r"\b(informations|datas)\b", re.I), lambda m: m[1][:-1]),  # "Informations: name, phone": uncountable
    (re.compile(r"\bpayed\b", re.I), "paid"),
    # "Link Prescription to Doctor. Can be empty for the old prescriptions.": the new field or link is optional
    (
        re.compile(
            r"[ \t]*(?:[.;][ \t]*(?:it[ \t]+)?(?:can|may|could)[ \t]+(?:stay[ \t]+|be[ \t]+)(?:empty|blank|null)"
            r"(?:[ \t]+for[ \t]+(?:the[ \t]+)?(?:old|older|existing|current|some)[ \t]+\w+)?|"
            r",[ \t]*(?:it[ \t]+)?(?:can|may|could)[ \t]+(?:stay[ \t]+|be[ \t]+)(?:empty|blank|null)[ \t]+for[ \t]+(?:the[ \t]+)?"
            r"(?:old|older|existing|current|some)[ \t]+\w+)(?=[ \t]*(?:[.!]|$))",
            re.I,
        ),
        " (optional)",
    ),
    # "… but optional (some people do not have it)": why, in parentheses, no field nor type
    (
        re.compile(
            r"[ \t]+but[ \t]+optional[ \t]*(?:\((?:some|many|most|not[ \t]+all|because|since|they|we|people)\b[^()\n]{4,80}\))?",
            re.I,
        ),
        " (optional)",
    ),
    # "an eventual remark (not obligatory)": optional
    (re.compile(r"\(\s*not\s+(?:obligatory|mandatory|required|compulsory|necessary)\s*\)", re.I), "(optional)"),
    # "For each breakdown: which machine, what problem, date": the item, asked about in a second language's way
    (
        re.compile(
            r"(?<=[:,])[ \t]*(?:which|what)[ \t]+(?=(?:(?!(?:it|its|they|he|she|we|i|you|is|are|was|were)\b)[a-z]+[ \t]+)?"
            r"[a-z]+[ \t]*(?:,|$))",
            re.I | re.M,
        ),
        " ",
    ),  # "fees payed": the past of "pay" as often written
    # "Order need add delivery address and remark": what the entity needs
    (
        re.compile(
            r"\b(?!(?:we|i|you|they|he|she|it|this|that|also|everyone|someone)\b)((?-i:[A-Z])\w*)[ \t]+needs?[ \t]+"
            r"(?:to[ \t]+)?(?:add|have)[ \t]+(?=[a-z])",
            re.I,
        ),
        r"\1 needs ",
    ),
    # "I want create …", "we need remove …": the "to" a verb after "need"/"want" takes
    (
        re.compile(r"\b(needs?|wants?|would[ \t]+like)[ \t]+(?=(?:add|remove|delete|rename|create|make|store|save)\b)", re.I),
        r"\1 to ",
    ),
    # "it must to have …", "please to add …": a "to" no modal takes
    (re.compile(r"\b(must|should|can|could|will|please|kindly)[ \t]+to[ \t]+(?=[a-z])", re.I), r"\1 "),
    # "…, please do the needful", "please do the mapping": a courtesy, or the change said again
    (
        re.compile(
            r"[,.;]?[ \t]*(?:please[ \t]+|pls[ \t]+|kindly[ \t]+)?do[ \t]+the[ \t]+(?:needful|mapping|relation|relationship|"
            r"connection|link|same)\b[ \t]*[.!]*",
            re.I,
        ),
        "",
    ),
    (re.compile(r"\b(?<!with )(?<!is )(?<!are )(?<!as )having[ \t]+(?=(?:many|multiple|several)\b)", re.I), "has "),
    (re.compile(r"\bis[ \t]+having\b", re.I), "has"),
    (re.compile(r"\bare[ \t]+having\b", re.I), "have"),
    (re.compile(r"\b(?:is|are)[ \t]+belonging[ \t]+to\b", re.I), "belongs to"),
    (re.compile(r"\b((?:to|with)[ \t]+(?:one|a|an|exactly[ \t]+one)[ \t]+[A-Za-z]\w*)[ \t]+only\b", re.I), r"\1"),
    # "Pls make po a Desk entity", "Car po has many DamageReports": Filipino "po", a word of respect (not "the po number")
    (
        re.compile(r"(?<!the )(?<!a )(?<!each )\bpo\b[ \t]*(?=[,:!]|(?:a|an|the|on|has|have|into|to|for|[A-Z]\w*)\b)"),
        "",
    ),
    # "tournament got many games", "a band has got several members": what each one has many of
    (re.compile(r"\b(?:has[ \t]+|have[ \t]+)?got[ \t]+(?=(?:many|multiple|several|lots[ \t]+of)[ \t]+[a-z])", re.I), "has "),
    # "every shipment got tracking code, …", ", motorbike have brand, model, …": what each one has
    (re.compile(r"\b((?:each|every|one)[ \t]+[a-z][\w-]*)[ \t]+(?:have|got)[ \t]+(?=[a-z])", re.I), r"\1 has "),
    (re.compile(r"(?<=, )([a-z][\w-]*)[ \t]+have[ \t]+(?=[a-z][\w ]{0,30},)"), r"\1 has "),
    # "and the band have many musicians": one thing (no plural s) that has many
    (re.compile(r"\b((?:the|a|an)[ \t]+[a-z][\w-]*[a-rt-z])[ \t]+have[ \t]+(?=(?:many|multiple|several)\b)", re.I), r"\1 has "),
    # "the patient information like the name, the age, …": the thing, then its list
    (
        re.compile(r"\b([a-z][\w-]*)[ \t]+(?:information|info|details|data)[ \t]+(?:like|such[ \t]+as|including)[ \t]+", re.I),
        r"\1 with ",
    ),
    (re.compile(r"\bone[ \t]+more[ \t]+(column|field|attribute)\b", re.I), r"\1"),
    # "For each hive I want to know its location, …": what is known of each one is stored
    (
        re.compile(
            r"\b(want|need|would[ \t]+like|like|have)[ \t]+to[ \t]+know[ \t]+"
            r"(?!(?:if|whether|how|why|what|when|where|who|which)\b)",
            re.I,
        ),
        r"\1 to store ",
    ),
    # "I am organizing a marathon and I must keep every runner: …": who the writer is, then the request
    (
        re.compile(
            r"^\W*(?:hi|hello|hey)?[ \t,]*i(?:'m|[ \t]+am)[ \t]+(?:organi[sz]ing|running|managing|opening|starting|doing)[ \t]+"
            r"(?:a|an|the|my|our)[ \t]+[\w ]{1,40}?[ \t]+and[ \t]+(?=(?:i|we)\b)",
            re.I,
        ),
        "",
    ),
    # "and if he paid the starting fee", "if the student has paid already": a flag of what was paid
    (
        re.compile(
            r"\b(?:if|whether)[ \t]+(?:he|she|they|it|the[ \t]+\w+)[ \t]+(?:has[ \t]+|have[ \t]+)?paid(?:[ \t]+already)?"
            r"(?:[ \t]+the[ \t]+([a-z][\w ]{0,30}?))?(?=[ \t]*(?:[,.;)]|and\b|$))",
            re.I,
        ),
        lambda m: f"{m[1]} paid" if m[1] else "paid",
    ),
    # "I want to know each barrel's cooperage, toast level, …": what each one has
    (re.compile(r"\b((?:each|every)[ \t]+[a-z][\w-]*)'s[ \t]+(?=[a-z][^.\n]*,)", re.I), r"\1 with "),
    # "keep record of every student, his name, his father name, …": what each one has, said as his
    (re.compile(r"\b((?:every|each)[ \t]+[a-z][\w-]*)[ \t]*,[ \t]*(?:his|her|their|its)[ \t]+(?=[a-z])", re.I), r"\1 with "),
    # "please create Spare Part, have part code, name, …": what it has, after the entity
    (
        re.compile(
            r"^(\W*(?:please[ \t]+|pls[ \t]+|kindly[ \t]+)?(?:create|make|add)[ \t](?:(?!\bwith\b)[^,.:\n]){1,40}),[ \t]*"
            r"(?:have|having)[ \t]+",
            re.I,
        ),
        r"\1 with ",
    ),
    # "a field for the price and other for payment method": another field
    (re.compile(r"\band[ \t]+(?:an)?other(?:[ \t]+one)?[ \t]+(?=for\b)", re.I), "and another "),
    # "add a column at Product for the allergens, and another for the weight": the fields, and where
    (
        re.compile(
            r"\badd[ \t]+(?:a|an|one)[ \t]+(?:new[ \t]+)?(?:column|field|attribute)[ \t]+(?:at|in|on|to)[ \t]+(?:the[ \t]+)?"
            r"((?-i:[A-Z])\w*)[ \t]+for[ \t]+(?:the[ \t]+)?([^,.;\n]+?)(?=[ \t]*(?:,|\.|;|\n|$))",
            re.I,
        ),
        r"add \2 to \1",
    ),
    (
        re.compile(r"(\badd[ \t][^.;\n]{1,60}[ \t]to[ \t]\w+)[ \t]*,?[ \t]*and[ \t]+another[ \t]+for[ \t]+(?:the[ \t]+)?", re.I),
        r"\1 and ",
    ),
    # "i forgot to put gender and nationality in Player": the fields to add
    (
        re.compile(
            r"\b(?:[Ii][ \t]+)?[Ff]orgot[ \t]+to[ \t]+(?:put|include)[ \t]+([^.;\n]+?)[ \t]+(?:in|on|into)[ \t]+(?=[A-Z])"
        ),
        r"add \1 to ",
    ),
    # "my lecturer wants the Staff entity called Employee instead": a new name
    (
        re.compile(
            r"\b(?:(?:my|our|the)[ \t]+[a-z]+[ \t]+)?(?:wants?|would[ \t]+like|prefers?)[ \t]+the[ \t]+([A-Z]\w*)[ \t]+"
            r"(?:entity[ \t]+|table[ \t]+|model[ \t]+)?"
            r"(?:to[ \t]+be[ \t]+)?(?:called|named)[ \t]+([A-Z]\w*)(?:[ \t]+instead)?"
        ),
        r"rename \1 to \2",
    ),
    # "Medicine entity need: name, batch code, …": the entity, then what it needs
    # "Suppliers entity please, company name, …": the entity, then its fields
    (re.compile(r"\b(entity|table|model)[ \t]+(?:please|pls|plz|kindly)[ \t]*[,:;-][ \t]*(?=[^.\n]*,)", re.I), r"\1 with "),
    (
        re.compile(
            r"\b([A-Za-z]\w*(?:[ \t]+[A-Za-z]\w*)?)[ \t]+(?:entity|table|model)[ \t]+(?:needs?|requires?|should[ \t]+have|"
            r"must[ \t]+have)[ \t]*:?[ \t]+(?=[^.\n]*,)",
            re.I,
        ),
        r"\1 needs: ",
    ),
    # "Medicine entity name change to Drug", "salary field name change to monthly wage": a new name
    (
        re.compile(
            r"\b([A-Za-z]\w*(?:[ \t]+[a-z]\w*)?)[ \t]+(?:entity|table|model|field|column|attribute)(?:'s)?[ \t]+name[ \t]+"
            r"(?:change|changed|changes|update|updated)[ \t]+(?:to|into|as)[ \t]+",
            re.I,
        ),
        r"rename \1 to ",
    ),
    # "In Flat the field sqft, make it area_sqft": a new name for the field
    (
        re.compile(r"\bthe[ \t]+(?:field|column|attribute)[ \t]+(\w+)[ \t]*,[ \t]*(?:make|call)[ \t]+it[ \t]+(\w+)", re.I),
        r"rename \1 to \2",
    ),
    # "Guest got name, passport number, …": an entity's fields after "got" (for "has got")
    (re.compile(r"(?:^|(?<=[.!?]\s))([A-Z]\w*)[ \t]+(?:has[ \t]+)?got[ \t]+(?=[^.\n]*,)"), r"\1 has "),
    # "Sale needs a link to the Shop where it happened": the link, not where
    (
        re.compile(
            r"\b(a[ \t]+link[ \t]+to[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?[A-Z]\w*)[ \t]+(?:where|that|which|who)\b[^.,;\n]*"
        ),
        r"\1",
    ),
)


def said_plainly(text: str) -> str:
    """``text`` with each second-language form written as the plain request it stands for."""
    for pattern, replacement in _LEARNER_WORDING:
        text = pattern.sub(replacement, text)
    return text
