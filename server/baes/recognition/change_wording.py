"""Changes said around the words the rules read: "add these to Member please: rating, date joined", "From Guest you
can delete passport number", "Parcel -> rename to 'Food Box'", "… to your animals table", "Could the app hold
Donations as well?".

Each rule says the change the usual way ("add to Member: …", "remove passport number from Guest", "rename Parcel to
…") or drops words that are no part of a name. Part of the canonical text (``normalize``), so it shapes the cache key.
"""

from __future__ import annotations

import re

CHANGE_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "From Guest you can delete passport number": the field and where it goes, said the usual way round
    (
        re.compile(
            r"^(\s*)(?i:from)\s+(?:(?i:the)\s+)?([A-Z]\w*)\s*,?\s+(?i:you\s+can|can\s+you|please|pls|we\s+can)\s+"
            r"(?i:delete|remove|drop)\s+(?:(?i:the)\s+)?([a-z][\w ]{0,40}?)(?=\s*(?:[,.;!?]|$))",
            re.M,
        ),
        r"\1remove \3 from \2",
    ),
    # "Parcel -> rename to 'Food Box'", "Tool: rename it to Machine": the entity said first
    (re.compile(r"^(\s*)([A-Z]\w*)\s*(?:->|=>|:|\u2192)\s*rename(?:\s+it)?\s+(?=(?:to|as)\s)", re.M), r"\1rename \2 "),
    # "For each prop: name, which Show it belongs to, cost": the item names the Show it refers to
    (
        re.compile(
            r"\b(which|what)\s+([A-Za-z]\w*)\s+(?:it|they)\s+(?:belongs?|is|are|was|were)\s+(?:to|for|in|from)(?=\s*(?:[,.;)]|and\b|$))",
            re.I,
        ),
        r"\1 \2",
    ),
    # "Would be lovely to have Guests in here too": the wish without its "it"
    (
        re.compile(
            r"^(\s*)(would\s+be\s+(?:lovely|nice|great|good|handy|helpful|useful|cool|awesome)\s+to\s+have)\b", re.I | re.M
        ),
        r"\1it \2",
    ),
    # "we no longer keep the date of birth or the fax number, remove both": the fields said before "both"
    (
        re.compile(
            r"\b(?:(?:we|i)\s+)?(?:no\s+longer|don't|do\s+not|never|stopped)\s+(?:keep|need|use|track|record|store|collect)(?:ing)?\s+"
            r"(?:the\s+)?([a-z][\w ]{0,30}?)\s+(?:or|and)\s+(?:the\s+)?([a-z][\w ]{0,30}?)\s*[,.;]?\s*"
            r"(?:so\s+)?(?:please\s+|pls\s+)?(?:remove|drop|delete)\s+(?:both|them|those|these)(?:\s+of\s+them)?\b",
            re.I,
        ),
        r"remove \1 and \2",
    ),
    # "Each Shop receives many Deliveries, so please could you link the two?", "… Can those be linked, please?": a
    # request to link what the sentence before already relates says nothing more
    (
        re.compile(
            r"(?:[ \t]*[,;.][ \t]*|[ \t]+)(?:so[ \t]+)?(?:please[ \t]+)?(?:"
            r"(?:(?:could|can|would)[ \t]+(?:you|we)[ \t]+(?:please[ \t]+)?)?"
            r"(?:link|connect|relate|tie|set[ \t]+(?:that|this|it)[ \t]+up)(?:[ \t]+(?:the[ \t]+two|them|those|these|both))?"
            r"|(?:could|can|would)[ \t]+(?:those|these|they|the[ \t]+two|both)[ \t]+(?:please[ \t]+)?be[ \t]+"
            r"(?:linked|connected|related|tied))(?<!link)(?<!connect)(?<!relate)(?<!tie)"
            r"(?:[ \t]+(?:up|together|(?:for|with)[ \t]+(?:us|me)))*"
            r"(?:[ \t]+(?:before|by|when|once)[ \t]+[^.!?\n]*)?(?:[ \t]*,?[ \t]*please)?[ \t]*[?.!]*[ \t]*$",
            re.I,
        ),
        ".",
    ),
    # "Sorry to be a nuisance, but …", "Apologies for the trouble -", "Sorry if this is obvious, but": an apology
    # before the request asks nothing
    (
        re.compile(
            r"^(\s*)(?:(?:sorry|apologies)[ \t]+if[ \t]+(?:this|it)[ \t]+is[ \t]+"
            r"(?:obvious|(?:a[ \t]+)?(?:silly|dumb|stupid|basic)(?:[ \t]+question)?)[ \t]*,?[ \t]*(?:but[ \t]+)?"
            r"|(?:sorry|apologies)[ \t]+(?:to|for)[ \t]+(?:be(?:ing)?[ \t]+(?:a[ \t]+)?(?:nuisance|pain|bother)"
            r"|bother(?:ing)?[ \t]+(?:you|again)|(?:the[ \t]+)?(?:trouble|hassle))(?:[ \t]+again)?"
            r"[ \t]*[,.!\-\u2013\u2014]*[ \t]*(?:but[ \t]+)?)",
            re.I | re.M,
        ),
        r"\1",
    ),
    # "Please could each Shift belong to a Ward?", "Please let each Incident record the Nurse who reported it": the
    # request said as what each record should do
    (
        re.compile(
            r"\b(?:(?:could|can|would|might)|let)[ \t]+(each|every|all)[ \t]+((?-i:[A-Z])\w*)[ \t]+"
            r"(?=(?:belong|be[ \t]+(?:linked|tied|assigned|connected)|link|point|refer|record|store|have|hold|keep|note|show)\b)",
            re.I,
        ),
        r"\1 \2 should ",
    ),
    # "the Donation it came in with": where the record came from, after the entity it names, is no part of its name
    (
        re.compile(
            r"(?<=[A-Z])(\w*)[ \t]+(?:that[ \t]+|which[ \t]+)?(?:it|they)[ \t]+(?:came|come|arrived|was[ \t]+brought)[ \t]+"
            r"(?:in[ \t]+)?(?:with|from|on|in|under)\b"
        ),
        r"\1",
    ),
    # "At the moment we type the ward into the notes and …": how it is done now, after the request, asks for nothing
    # (a sentence with a list in it may be the request: "right now I have a sheet: part name, supplier, …")
    (
        re.compile(
            r"(?<=[.!?])[ \t]+(?:at[ \t]+the[ \t]+moment|currently|right[ \t]+now|at[ \t]+present|these[ \t]+days|for[ \t]+now)"
            r"[ \t]*,?[ \t]+(?:we|i|they|people|staff|everyone|volunteers)[ \t]+[^.!?\n,:;\u2013\u2014-]*[.!?]?(?=[ \t]|$)",
            re.I,
        ),
        "",
    ),
    # "We've started selling some things online, so every Item needs a listing URL …", "Tenants sometimes give us a
    # second way to reach them, so could the Tenant entity get …": why, before the request that follows "so"
    (
        re.compile(
            r"^(\s*)(?![^,.!?\n:;]*\b(?:add|create|remove|delete|drop|rename|new|field|column|track|store|record)\b)"
            r"[^,.!?\n:;()]{10,120}?,[ \t]+so[ \t]+"
            r"(?=(?:could|can|would|please|every|each|all|the)\b|(?:we|i)[ \t]+(?:need|want))",
            re.I,
        ),
        r"\1",
    ),
    # "each Trip now needs to record the number of staff, …": what it needs to record is what it needs
    (
        re.compile(
            r"\b((?-i:[A-Z])\w*[ \t]+(?:now[ \t]+|also[ \t]+)?needs)[ \t]+to[ \t]+"
            r"(?:record|store|track|keep|hold|capture|log|save)[ \t]+(?=(?:the|an?|their|its)[ \t])",
            re.I,
        ),
        r"\1 ",
    ),
    # "For insurance reasons each Trip …": why, before the request
    (re.compile(r"^(\s*)for[ \t]+(?:[\w-]+[ \t]+){1,2}?reasons?[ \t]*,?[ \t]*(?=\S)", re.I | re.M), r"\1"),
    # "a new entity for Absence on the ward: staff name, …": where the records are kept, between the name said after
    # "entity for" and its list, is no part of it
    (
        re.compile(
            r"\b((?:entity|table|model)[ \t]+(?:for|called|named)[ \t]+[A-Za-z]\w*)[ \t]+(?:on|at|in|for)[ \t]+(?:the|our)[ \t]+"
            r"[a-z]\w*(?=[ \t]*:)",
            re.I,
        ),
        r"\1",
    ),
    # "add a new entity, Ward: name, …": the entity's name said after a comma or a dash
    (re.compile(r"\b(entity|table|model)[ \t]*[,\u2013\u2014-][ \t]*((?-i:[A-Z])\w*)[ \t]*:", re.I), r"\1 \2:"),
    # "wheather it's a full cast call": the slip for "whether" before what it asks
    (re.compile(r"\bwh?eather(?=[ \t]+(?:it|it's|they|or[ \t]+not|she|he|we|the)\b)", re.I), "whether"),
    # "Each one would need the object number, …", "Each needs the date, …": what each new record holds
    (
        re.compile(
            r"(?:^|(?<=[.!?:][ \t])|(?<=\n))(each|every)(?:[ \t]+one)?[ \t]+"
            r"(?:(?:would|will|should|must)[ \t]+(?:need|have|require)|needs)\b",
            re.I,
        ),
        r"\1 one needs",
    ),
    # "… callouts as well each one wants the customer name …": a new sentence said without its full stop
    (
        re.compile(
            r"(?<=[a-z])[ \t]+(?=(?:each|every)[ \t]+one[ \t]+(?:has|have|needs?|wants?|got|gets|should|must|would|will)\b)",
            re.I,
        ),
        ". ",
    ),
    # "each one wants the customer name …": what each record needs
    (re.compile(r"\b(each|every)[ \t]+one[ \t]+wants\b", re.I), r"\1 one needs"),
    # "…, each one with a machine code, type, …", "each w/ a code": what each new record holds, after the wish for them
    (
        re.compile(
            r"(?:(?<=[.!?:,][ \t])|(?<=\n))(each|every)(?:[ \t]+one)?[ \t]+(?:with|w/)(?=[ \t]+(?:an?|the|its|their)?[ \t]*\w)",
            re.I,
        ),
        r"\1 one needs",
    ),
    # "I'd love a Handoff table", "we would love to track …": the wish said warmly, read as "would like"
    (re.compile(r"\bwould[ \t]+love[ \t]+(?=(?:a|an|the|to|some|our|my|it|if)\b)", re.I), "would like "),
    # "each job sheet has to belong to an engineer", "needs to be linked to": the same as "must"
    (
        re.compile(
            r"\b(?:has|have|needs?|got)[ \t]+to[ \t]+(?=(?:belong|be[ \t]+(?:linked|assigned|attached|tied|connected))\b)", re.I
        ),
        "must ",
    ),
    # "every calf should be linked to its mum in the Cow table": the entity the link points at, named after "in the"
    (
        re.compile(
            r"\b((?:linked|connected|tied|attached|belongs?)[ \t]+to)[ \t]+(?:its|their|the|a|an)[ \t]+[a-z]\w*[ \t]+"
            r"(?:in|from|on)[ \t]+the[ \t]+((?-i:[A-Z])\w*)[ \t]+(?:table|entity|model|list)\b",
            re.I,
        ),
        r"\1 \2",
    ),
    # "scrap the weather field off the spray record": where the field is taken from, said with "off"
    (re.compile(r"\b(field|column|attribute|box)[ \t]+off[ \t]+(?=(?:the|our|every|each)\b)", re.I), r"\1 from "),
    # "the Tyre entity has a load index field i dont want that no more": the field the entity has, no longer wanted
    (
        re.compile(
            r"^[ \t]*(?:the[ \t]+)?((?-i:[A-Z])\w*)(?:[ \t]+(?:entity|table|model))?[ \t]+has[ \t]+(?:an?|the|this|that)[ \t]+"
            r"([a-z][\w ]{0,40}?)[ \t]+(?:field|column)[ \t]*,?[ \t]+(?:but[ \t]+)?(?:i|we)[ \t]+"
            r"(?:do[ \t]+not|no[ \t]+longer)[ \t]+(?:want|need|use)[ \t]+(?:that|it|this)\b",
            re.I | re.M,
        ),
        r"remove \2 from \1",
    ),
    # "Garden wants a gate code field not all of them have one": the field, then (unmarked) that some rows lack it
    (re.compile(r"\b(field|column|box)[ \t]+(?=not[ \t]+(?:all|every|each)\b)", re.I), r"\1, "),
    # "stick number of seats on the Van …": put, said casually, at the start of the request
    (
        re.compile(
            r"^([ \t]*(?:(?:can|could)[ \t]+you[ \t]+|please[ \t]+|pls[ \t]+)?)stick[ \t]+"
            r"(?=[^\n]*\b(?:on|onto|to|in)[ \t]+(?:the[ \t]+)?(?-i:[A-Z]))",
            re.I | re.M,
        ),
        r"\1add ",
    ),
    # "Bin the Shoe entity", "can we bin the Courier table": throw away, said the British way (not "the compost bin")
    (
        re.compile(
            r"(?:^|(?<=\bplease[ \t])|(?<=\bwe[ \t])|(?<=\b(?:you|pls|can)[ \t])|(?<=\bjust[ \t]))bin[ \t]+(?:off[ \t]+)?"
            r"(?=(?:the|that|this|our)[ \t]+(?:(?-i:[A-Z])\w*(?:[ \t]+(?:entity|table|model))?|[a-z]\w*(?:[ \t]+[a-z]\w*)?"
            r"[ \t]+(?:entity|table|model))[ \t]*(?:[.,!?]|$))",
            re.I | re.M,
        ),
        "delete ",
    ),
    # "to your animals table": whose table it is is no part of its name
    (re.compile(r"\b(to|from|in|on)\s+(?:your|ur)\s+(?=[a-z]\w*\s+(?:table|model|entity)\b)", re.I), r"\1 "),
    # "could the app hold Donations as well?": "as well" adds nothing to the name before it (not "as well as")
    (re.compile(r"[ \t]+as[ \t]+well(?=[ \t]*(?:[?.!,;:]|$))", re.I | re.M), ""),
    # "add these to Member please: rating, …": the comma list after the colon is what is added (not a pasted schema)
    (
        re.compile(
            r"\b(add|put)\s+(?:these|those|the\s+following)(?:\s+(?:fields|columns|attributes|things))?\s+(to|on)\s+"
            r"([A-Za-z][\w ]{0,30}?)\s*(?:,?\s*(?:please|pls|plz))?\s*:"
            r"(?=[ \t]*[A-Za-z][^\n:=]*,|[ \t]*\n[ \t]*[-*\u2022][ \t]+[A-Za-z])",
            re.I,
        ),
        r"\1 \2 \3:",
    ),
)
