"""The words the offline recognizer knows: attribute types, entity nouns, intent verbs, fillers.

Kept as plain data in one place so the recognizer, the cache-key normalizer and the docs
agree. Lookups are on lower-case singular words (see ``singularize``).
"""

from __future__ import annotations

from baes.recognition.plurals import singularize  # re-exported: vocab.singularize

# Word lists: a line per group of words reads better than a word per line.
# fmt: off

#: Exact attribute names (snake_case, singular) and their type.
ATTRIBUTE_TYPES: dict[str, str] = {
    "email": "email", "email_address": "email", "mail": "email", "e_mail": "email",
    "gpa": "float", "price": "float", "cost": "float", "amount": "float", "salary": "float",
    "balance": "float", "rate": "float", "rating": "float", "score": "float",
    "weight": "float", "height": "float", "total": "float", "discount": "float", "fee": "float",
    "tax": "float", "budget": "float", "latitude": "float", "longitude": "float", "percentage": "float",
    "lat": "float", "lon": "float", "lng": "float", "cgpa": "float", "sgpa": "float", "pm25": "float", "pm10": "float",
    "pm2_5": "float", "no2": "float", "co2": "float", "so2": "float", "o3": "float", "nox": "float",
    "wage": "float", "credit": "int", "credits": "int", "mileage": "float", "distance": "float", "xp": "int", "hp": "int",
    "minutes": "int", "hours": "float", "seconds": "int", "days": "int", "number": "str",
    "age": "int", "count": "int", "year": "int", "quantity": "int", "stock": "int", "capacity": "int",
    "pages": "int", "page_count": "int", "number_of_pages": "int", "level": "int", "rank": "str",
    "semester": "int", "duration": "int", "seats": "int", "floor": "int", "priority": "str", "size": "str",
    "date": "date", "time": "datetime", "birthday": "date", "birthdate": "date", "marks": "int", "ready": "bool",
    "goals_for": "int", "goals_against": "int", "points_for": "int", "points_against": "int", "passed_qc": "bool",
    "birth_date": "date", "date_of_birth": "date", "dob": "date",
    "deadline": "date", "due_date": "date", "start_date": "date", "end_date": "date",
    "hire_date": "date", "published_date": "date", "publication_date": "date", "enrollment_date": "date",
    "timestamp": "datetime", "created": "datetime", "updated": "datetime", "modified": "datetime",
    "active": "bool", "enabled": "bool", "available": "bool", "verified": "bool", "published": "bool",
    "completed": "bool", "done": "bool", "deleted": "bool", "archived": "bool", "paid": "bool",
    "admin": "bool", "visible": "bool", "approved": "bool", "plus_one": "bool", "full_time": "bool",
    "part_time": "bool", "high_risk": "bool", "low_risk": "bool", "at_risk": "bool", "time_in": "datetime",
    "time_out": "datetime", "long": "float",  # "lat and long": a longitude
    # money and measures
    "rent": "float", "deposit": "float", "fare": "float", "revenue": "float", "income": "float",
    "expense": "float", "profit": "float", "payment": "float", "refund": "float", "tip": "float",
    "commission": "float", "bonus": "float", "premium": "float", "money": "float", "temperature": "float",
    "width": "float", "length": "float", "depth": "float", "area": "float", "volume": "float",
    "speed": "float", "valuation": "float", "value": "float", "humidity": "float", "moisture": "float",
    "pressure": "float", "voltage": "float", "principal": "float", "jackpot": "float", "prize_pool": "float",
    "turnover": "float", "altitude": "float", "elevation": "float", "bmi": "float",
    "last_login": "datetime", "last_seen": "datetime", "pledge": "float", "bid": "float", "fine": "float",
    "penalty": "float", "stipend": "float", "allowance": "float", "tuition": "float", "magnitude": "float",
    "horsepower": "float", "aperture": "float", "saturation": "float", "concentration": "float",
    "density": "float", "wattage": "float", "dose": "float", "dosage": "float", "load": "float",
    "expiry": "date", "expiration": "date", "bound": "float", "reading": "float", "gain": "float",
    # counts
    "headcount": "int", "attendance": "int", "population": "int", "calories": "int", "points": "int",
    "steps": "int", "views": "int", "likes": "int", "votes": "int", "visits": "int", "followers": "int",
    "debit": "float", "contribution": "float", "chance": "float", "probability": "float",
    # measures of land, vessels, machines, soil, water and blood ("acreage", "gross tonnage", "tilt angle", "ph")
    "acreage": "float", "footage": "float", "tonnage": "float", "thickness": "float", "diameter": "float", "radius": "float",
    "angle": "float", "slope": "float", "gradient": "float", "efficiency": "float", "ph": "float",
    "nitrogen": "float", "phosphorus": "float", "potassium": "float", "salinity": "float", "turbidity": "float",
    "torque": "float", "viscosity": "float", "cholesterol": "float", "glucose": "float", "hemoglobin": "float",
    "haemoglobin": "float", "yield": "float", "velocity": "float", "brix": "float", "abv": "float",
    "rainfall": "float", "snowfall": "float", "power": "float", "output": "float", "qty": "int",
    "cash": "float", "winnings": "float", "earnings": "float", "savings": "float", "gravity": "float",
    "strength": "float", "loss": "float", "quote": "float", "bill": "float", "wingspan": "float",
    "ratio": "float", "bandwidth": "float", "multiplier": "float", "factor": "float", "coefficient": "float",
    "vintage": "int",  # a wine's year
    "kickoff": "datetime", "drink_by": "date", "use_by": "date", "sell_by": "date", "best_before": "date",
    "oxygen": "float", "arr": "float", "mrr": "float", "pay": "float", "subtotal": "float", "reorder_point": "int",
    "on_hand": "int", "handicap": "float", "visibility": "float", "deviation": "float", "confidence": "float",
    "week_starting": "date", "week_beginning": "date", "week_ending": "date", "week_commencing": "date",
    # water chemistry and body measurements: readings, not labels
    "ammonia": "float", "nitrite": "float", "nitrate": "float", "phosphate": "float", "chlorine": "float",
    "calcium": "float", "magnesium": "float", "sodium": "float", "alkalinity": "float", "hardness": "float",
    "chest": "float", "waist": "float", "hips": "float", "inseam": "float", "bust": "float", "neck": "float",
}

#: Plural nouns that, as the last word of an attribute, count something ("max guests", "beds",
#: "charge cycles", "parking spaces") → int. Only words that are rarely a text attribute themselves.
COUNT_NOUNS: frozenset[str] = frozenset({
    "guests", "beds", "bedrooms", "bathrooms", "rooms", "servings", "serves", "attendees", "participants", "visitors",
    "calories", "points", "doses", "cycles", "seats", "floors", "stops", "steps", "views", "likes", "votes",
    "visits", "followers", "spaces", "slots", "copies", "units", "laps", "reps", "pages", "minutes", "hours",
    "seconds", "days", "weeks", "months", "years", "employees", "members", "players", "tickets", "items",
    "nights", "passengers", "people", "persons", "kids", "children", "adults", "pieces", "cups",
    "downloads", "clicks", "shares", "retries", "attempts", "rounds", "cards",
    "stars",
    "frames", "cores", "portions", "renewals", "refills", "wins", "losses", "draws", "goals", "assists", "eggs",
    "bottles", "boxes", "bags", "packs", "threads", "sessions", "lessons", "tries", "sets", "packages", "parcels",
    "crates", "pallets", "pupils", "pitches", "tiers", "voters", "customers", "deliveries", "cells", "bytes",
})
#: Participles of doing something again and again: after a plural they count ("jars filled", "races run").
COUNTED_PARTICIPLES: frozenset[str] = frozenset({
    "filled", "completed", "read", "flown", "played", "won", "lost", "scored", "attended", "delivered", "served",
    "visited", "taken", "made", "done", "logged", "collected", "caught", "harvested", "planted", "solved",
    "climbed", "walked", "run", "driven", "watched", "written", "baked", "produced", "printed", "shipped", "shot",
    "treated", "rescued", "adopted", "missed", "issued", "borrowed", "redeemed", "earned", "hatched", "laid",
    "picked", "sown", "answered", "submitted", "published", "posted", "finished", "trained", "taught",
    "inspected", "tested", "repaired", "cleaned", "processed", "packed", "dispatched", "counted", "sighted", "spotted",
    "worked", "captured", "extracted", "officiated", "reviewed", "stored", "pledged", "seen", "found", "germinated",
    "grafted", "awarded", "recorded", "detected", "trapped", "tagged", "ringed", "released", "vaccinated",
    "owned", "provided", "sold", "donated", "ordered",
})
#: Units of measure, as the last word of an attribute ("square meters", "distance km") → float.
MEASURE_UNITS: frozenset[str] = frozenset({
    "meters", "metres", "kilometers", "kilometres", "km", "miles", "feet", "inches", "cm", "mm", "liters", "litres",
    "gallons", "grams", "kilograms", "kg", "lbs", "pounds", "ounces", "sqm", "sqft", "celsius", "fahrenheit",
    "percent", "hectares", "acres",
    # more measures ("dosage in mg", "nitrogen ppm", "capacity in mAh"); no one-letter units ("in m") and none
    # that is also a common abbreviation ("db", "kb")
    "mg", "milligrams", "ml", "milliliters", "millilitres", "centimeters", "centimetres", "millimeters",
    "millimetres", "ppm", "ppb", "pct", "mah", "wh", "kwh", "mwh", "kw", "kilowatts", "watts", "volts", "amps",
    "hz", "khz", "mhz", "ghz", "mph", "kph", "kmh", "knots", "psi", "kpa", "hpa", "decibels", "lux",
    "kcal", "kj", "joules", "kelvin", "oz", "lb", "ft", "yards", "tons", "tonnes", "gb", "mb", "tb",
    "kilos", "kilo", "metric_tons", "nm", "microns", "m2", "m3", "cm2", "cm3", "km2", "ft2", "ft3", "ha", "cc",
    "ntu", "cfs", "psu", "ul", "ug", "mmol", "mmhg", "mbar",
})
#: Last words that keep an amount an amount: "amount due", "percent off", "balance owed".
AMOUNT_QUALIFIERS: frozenset[str] = frozenset({"due", "owed", "off", "left", "remaining", "spent", "earned",
                                               "paid", "total", "net", "gross", "withheld", "given", "received"})
#: Last words that keep a count a count: "seats left", "tickets sold", "rooms available".
COUNT_QUALIFIERS: frozenset[str] = frozenset({"left", "remaining", "available", "used", "sold", "booked", "free",
                                              "taken", "total", "required", "needed", "open", "closed", "occupied",
                                              "vacant", "empty", "surviving", "alive", "present", "absent",
                                              "attending", "missing", "pending", "enrolled", "waiting"})
#: First words of a count ("max guests", "min age", "num seats") → int unless the rest is money.
COUNT_PREFIXES: frozenset[str] = frozenset({"max", "maximum", "min", "minimum", "num", "no"})
#: Currencies after "in": "a cost in dollars" is the float ``cost``.
CURRENCY_WORDS: frozenset[str] = frozenset({
    "dollar", "dollars", "euro", "euros", "usd", "eur", "gbp", "pound", "pounds", "yen", "cents", "cent",
    "francs", "franc", "rupees", "rupee", "pesos", "peso", "currency", "money", "$", "€", "£",
    "rubles", "ruble", "roubles", "rouble", "rupiah", "naira", "shillings", "kroner", "krona", "kronor", "zloty",
    "lira", "baht", "ringgit", "dirham", "dirhams", "rand", "yuan", "renminbi", "reais", "dinars", "dinar",
    "cad", "aud", "chf", "jpy", "inr", "cny", "rub", "brl", "mxn", "zar", "sek", "nok", "dkk", "pln", "nzd", "sgd",
})
#: Ways of saying "a flag" after a name: "pets allowed (true/false)", "furnished yes/no".
BOOL_PAIRS: frozenset[tuple[str, ...]] = frozenset(tuple(p.split("/")) for p in """true/false yes/no y/n on/off false/true no/yes
    si/no sí/no sì/no ja/nein ja/nee sim/não sim/nao oui/non evet/hayır evet/hayir tak/nie da/nu ya/tidak haan/nahi""".split())
#: Words that are parts of common attribute names (text): with the typed words above, the
#: vocabulary a misspelt attribute word is corrected against ("adress" → address).
NAME_WORDS: frozenset[str] = frozenset({
    "name", "number", "interest", "company", "address", "description", "category", "status", "location",
    "phone", "title", "email", "comment", "notes", "note", "reason", "summary", "details", "message",
    "country", "city", "street", "postal", "website", "account", "contact", "license",
    "department", "customer", "product", "quantity", "available", "approved", "birthday", "password",
    "username", "language", "currency", "priority", "capacity", "reference", "identifier", "position",
    "birth",
})

#: Words of app specs that no English word list has ("wifi password", "IBAN", "callsign"): never a typo.
TECH_WORDS: frozenset[str] = frozenset({
    "wifi", "url", "urls", "api", "sms", "gps", "iban", "bic", "vat", "gst", "sku", "isbn", "vin", "imei", "ip",
    "uuid", "json", "csv", "pdf", "qr", "rfid", "nfc", "bluetooth", "login", "logout", "username", "callsign",
    "firmware", "checkin", "checkout", "signup", "dropdown", "webhook", "hashtag", "emoji", "podcast", "app",
    "sqlite", "postgres", "postgresql", "mysql", "mariadb", "mongodb", "supabase", "fastapi", "streamlit", "pytest",
})

#: Last word of a multi-word attribute name → type (``hire_date``, ``page_count``, ``unit_price``).
#: ``*_number`` stays text: phone, insurance, serial and invoice numbers are identifiers, not amounts.
SUFFIX_TYPES: dict[str, str] = {
    "date": "date", "birthday": "date",
    "at": "datetime", "time": "datetime", "timestamp": "datetime", "datetime": "datetime",
    "count": "int", "quantity": "int", "year": "int", "age": "int",
    "id": "str",  # "national id", "tag id": an identifier from outside; a link to an entity is a relationship
    "minutes": "int", "hours": "float", "seconds": "int", "days": "int", "years": "int", "mileage": "float",
    "price": "float", "cost": "float", "amount": "float", "rate": "float", "score": "float",
    "total": "float", "salary": "float", "fee": "float", "percentage": "float",
    "money": "float", "rent": "float", "wage": "float", "payment": "float", "deposit": "float", "budget": "float",
    "balance": "float", "weight": "float", "height": "float", "width": "float", "length": "float",
    "depth": "float", "distance": "float", "temperature": "float", "temp": "float", "revenue": "float", "refund": "float",
    "fare": "float", "tip": "float", "charge": "float", "discount": "float", "tax": "float", "premium": "float",
    "level": "int", "headcount": "int", "calories": "int", "points": "int", "capacity": "int", "size": "float",
    "email": "email", "value": "float", "dose": "float", "dosage": "float", "load": "float", "pledge": "float",
    "expiry": "date", "expiration": "date", "bound": "float", "reading": "float", "gain": "float",
    "saturation": "float", "concentration": "float", "chance": "float", "probability": "float",
    "contribution": "float", "debit": "float", "qty": "int", "cash": "float", "winnings": "float",
    "earnings": "float", "gravity": "float", "strength": "float", "loss": "float", "consumption": "float",
    "mass": "float",
}

#: Heads whose type depends on what comes before: a game's score counts goals ("home score" → int, while a
#: test score may be 87.5), a measured level is a reading ("battery level", "ph level" → float, while a
#: membership level is a rank), a garment's or a parcel's size is a label ("shirt size" → S, M, L; "A4"); a size
#: alone is a label too, while a group's size counts ("party size" → 4, via ``SUFFIX_TYPES``).
QUALIFIED_HEADS: dict[str, tuple[frozenset[str], str]] = {
    "score": (frozenset({"home", "away", "final", "team", "match", "game", "halftime", "half", "goal", "set"}), "int"),
    "level": (frozenset({"battery", "ph", "water", "fuel", "noise", "sound", "sugar", "glucose", "oxygen", "charge",
                         "humidity", "moisture", "light", "tank", "ink", "toner", "river", "sea", "alcohol"}), "float"),
    # a focus or service area is a region or a topic, not a measure of surface
    "area": (frozenset({"focus", "service", "coverage", "study", "practice", "subject", "interest", "risk", "problem",
                        "waiting", "seating", "storage", "work", "delivery", "catchment", "sales", "business"}), "str"),
    # a shift starts at a time of day, a lease on a date
    "start": (frozenset({"shift", "session", "class", "meeting", "slot", "break", "lunch", "call", "appointment",
                         "match", "game", "race", "lesson", "event", "show", "broadcast", "stream", "window",
                         "pickup", "delivery"}), "datetime"),
    "end": (frozenset({"shift", "session", "class", "meeting", "slot", "break", "lunch", "call", "appointment",
                       "match", "game", "race", "lesson", "event", "show", "broadcast", "stream", "window",
                       "pickup", "delivery"}), "datetime"),
    # a day or night of one event is a date; a weekday something happens on is a label ("lesson day" → Tuesday)
    "day": (frozenset({"opening", "closing", "launch", "release", "wedding", "graduation", "arrival", "departure",
                       "first", "last", "moving", "start", "end", "due", "election", "race", "match", "sports"}), "date"),
    "night": (frozenset({"opening", "closing", "first", "last", "wedding", "premiere", "election"}), "date"),
    "size": (frozenset({"shirt", "shoe", "tshirt", "t", "dress", "jacket", "glove", "hat", "ring", "jersey",
                        "uniform", "clothing", "pant", "trouser", "bra", "helmet", "boot", "costume", "paper",
                        "parcel", "package", "pot", "envelope", "poster", "print", "canvas", "tyre", "tire"}), "str"),
}

#: Groups whose size is how many they hold ("party size", "crew size").
_COLLECTIVES: frozenset[str] = frozenset(
    {"household", "party", "group", "crew", "team", "class", "family", "pack", "edition", "clutch", "litter", "herd"}
    | {"flock", "squad", "cohort", "audience", "delegation", "brood", "colony", "troop", "band", "cast", "staff", "sample"}
)

#: First word of an attribute name that makes it a flag (``is_active``, ``has_paid``).
BOOL_PREFIXES: frozenset[str] = frozenset({"is", "has", "can", "should", "allow", "allows"})

#: Multi-word names that are really text even though the last word suggests otherwise.
TEXT_OVERRIDES: frozenset[str] = frozenset({
    "phone_number", "phone", "isbn", "zip_code", "postal_code", "student_number", "serial_number",
    "account_number", "room_number", "house_number", "street_number", "id_number", "mobile_number",
    "office", "room", "code", "title", "name", "address", "next_of_kin",
    "opening_hours", "business_hours", "office_hours",  # a schedule ("Mon-Fri 9-17"), not a number of hours
    # a credential's or a roast's level is a label ("Level 3", "advanced", "medium plus")
    "certification_level", "certificate_level", "licence_level", "license_level", "qualification_level",
    "toast_level", "toasting_level", "roast_level", "badge_level", "reading_level", "recommended_level",
    "severity_level", "difficulty_level",  # labelled text in blind sets: "advanced", "A2", "major"
})

#: Type words after a name ("bunk level int"): two make a list typed, and a last "date" is a type too.
TRAILING_TYPE_WORDS = frozenset({"int", "integer", "float", "bool", "boolean", "string", "str", "text", "decimal", "datetime"})
#: Words naming a type explicitly: "price as float", "age (integer)", "hired: date".
TYPE_WORDS: dict[str, str] = {
    "str": "str", "string": "str", "text": "str", "varchar": "str",
    "int": "int", "integer": "int", "float": "float", "decimal": "float", "double": "float",
    "real": "float", "bool": "bool", "boolean": "bool", "flag": "bool", "date": "date",
    "datetime": "datetime", "timestamp": "datetime", "email": "email", "checkbox": "bool", "tickbox": "bool",
    "toggle": "bool",
}

#: Nouns that usually name an entity (so "add course to student" is a relationship).
ENTITY_NOUNS: frozenset[str] = frozenset({
    "student", "course", "teacher", "professor", "instructor", "class", "classroom", "school",
    "department", "enrollment", "grade_report", "book", "author", "publisher", "library", "loan",
    "member", "customer", "client", "order", "product", "category", "supplier", "invoice", "payment",
    "employee", "manager", "company", "project", "task", "team", "user", "account", "patient",
    "doctor", "appointment", "hospital", "ticket", "event", "venue", "room", "hotel", "booking",
    "reservation", "vehicle", "car", "driver", "trip", "flight", "passenger", "movie", "actor",
    "review", "post", "comment", "tag", "article", "blog", "playlist", "song", "album", "artist",
    "warehouse", "shipment", "store", "branch", "city", "country", "address_book", "contact",
    "person", "owner", "pet", "recipe", "ingredient", "exam", "lesson", "assignment", "semester_plan",
})

#: Commands for what the app should do, not store, and what doing them is called: "send an email to customers
#: when …", "notify them when they are assigned" (refused as a request, left out of a list).
BEHAVIOURS: dict[str, str] = {
    "send": "sending messages",
    "notify": "notifying people",
    "remind": "reminding people",
    "alert": "alerting people",
    "sync": "syncing with another system",
    "export": "exporting data",
    "upload": "uploading files",
    "download": "downloading files",
    "integrate": "integrating another system",
}
#: Intent verbs (singular, lower-case) and markers.
CREATE_VERBS: frozenset[str] = frozenset({
    "create", "make", "build", "generate", "scaffold", "define", "manage", "track", "setup",
    "store", "register", "handle", "record", "catalog", "catalogue", "model", "implement", "develop", "save",
    "design", "introduce", "maintain",
})
#: "add X to Y": Y gets X (an attribute, or a reference ``x_id`` when X is an entity).
ADD_VERBS: frozenset[str] = frozenset({"add", "include", "extend", "append", "give", "attach", "put", "insert",
                                       "assign"})
#: "link X to/with Y": X points to Y (X gets ``y_id``).
LINK_VERBS: frozenset[str] = frozenset({"link", "connect", "relate", "associate", "reference"})
DELETE_VERBS: frozenset[str] = frozenset({"delete", "remove", "drop", "destroy", "erase", "eliminate", "trash",
                                          "discard", "purge", "kill", "scrap", "ditch", "strip", "nuke", "lose",
                                          "decommission", "suppress"})
NEED_VERBS: frozenset[str] = frozenset({"need", "require", "want", "get", "keep", "belong", "refer", "hold",
                                        "contain"})
#: Verbs of keeping a field: "we no longer store X", "can we also track X on Es", "for kilns we want to record X".
KEEPING_VERBS: frozenset[str] = frozenset({"store", "track", "record", "keep", "save", "capture", "collect", "log",
                                           "hold", "register", "note", "enter"})
#: Words before a command that only ask for it ("can we also …", "for Kiln I would like to …").
ASKING_WORDS: frozenset[str] = frozenset({"can", "could", "would", "will", "we", "i", "you", "also", "please", "want",
                                          "need", "like", "to", "should", "do"})
ALSO_WORDS: frozenset[str] = frozenset({"also", "too", "additionally", "furthermore", "plus", "another", "extra",
                                        "more"})
#: Modal verbs: "should", "can", "will" before a verb ("Members must be stored with …", "we should log …").
MODAL_VERBS: frozenset[str] = frozenset({"should", "must", "can", "could", "may", "might", "will", "would", "shall"})
STRUCTURE_WORDS: frozenset[str] = frozenset({"entity", "entities", "model", "table", "resource", "class",
                                             "record", "object", "type", "crud", "api"})
#: Words between the verb and the entity noun that carry no meaning for the entity name.
NOUN_QUALIFIERS: frozenset[str] = frozenset({
    "university", "college", "school", "library", "company", "our", "my", "their", "the", "a", "an",
    "all", "some", "simple", "basic", "new", "online", "local", "small", "big", "list", "lists",
    "information", "info", "data", "details", "system", "app", "application", "database", "store",
    "shop", "of", "for", "about", "each", "every", "registered", "hospital", "clinic", "bookstore",
    "whole", "entire", "proper",
    # framing adjectives: "a separate payments table", "an initial member model", "a wee fixture table"
    "separate", "initial", "dedicated", "wee",
    # places and groups the records belong to ("church events" are Events): ``request_tokens.HEAD_QUALIFIERS``
    "church", "mosque", "temple", "parish", "bakery", "canteen", "cafe", "hostel", "hotel", "choir", "salon", "restaurant",
})
#: Articles and fillers dropped inside an attribute phrase ("a hire date" → hire_date).
ATTRIBUTE_FILLERS: frozenset[str] = frozenset({
    "a", "an", "the", "their", "its", "his", "her", "our", "my", "each", "every", "one", "also",
    "field", "fields", "attribute", "attributes", "column", "columns", "property", "properties", "col", "cols",
    "value", "some", "any", "new", "extra", "additional", "another", "too", "well", "as", "currently", "presently", "itself",
})
#: Words before an entity's name that say it is no longer wanted, not what it is called ("the legacy Fax entity").
STALE_WORDS: frozenset[str] = frozenset({"legacy", "old", "unused", "obsolete", "deprecated", "outdated", "former",
                                         "useless", "dead"})
OPTIONAL_WORDS: frozenset[str] = frozenset({"optional", "optionally", "nullable", "maybe", "possibly", "eventual"})
REQUIRED_WORDS: frozenset[str] = frozenset({"required", "mandatory", "obligatory", "compulsory", "unique"})
NEGATION_WORDS: frozenset[str] = frozenset({"no", "not", "without", "never", "excluding", "except"})

#: Field words that stand alone: two of them side by side are two fields ("name email"), and one opens a list said
#: with no mark before it ("… for the club name age").
STANDALONE_FIELDS = frozenset({"name", "email", "title", "age", "notes", "description", "gender", "phone", "address"})
#: Words that join the words of an "X of Y" name and do not count towards its length ("number of eggs per day").
NAME_JOINERS = frozenset({"of", "per"})


def name_length(words: list[str]) -> int:
    """How long a name reads: "number of eggs per day" as four words ("X of Y" joins its words), "chart showing sales
    per month" as five."""
    return len([w for w in words if w not in NAME_JOINERS]) if len(words) > 2 and words[1] == "of" else len(words)


def third_person(verb: str) -> str:
    """ "own" → owns, "reach" → reaches, "carry" → carries: the form after "it" or "she"."""
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def verb_forms(verb: str) -> set[str]:
    """The -s, -es, -ies and -ing forms of a base verb ("manage" → manages, managing; "drop" → dropping)."""
    forms = {verb, verb + "s", third_person(verb), verb + "ing"}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    if len(verb) >= 3 and verb[-1] in "bdgmnpt" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms.add(verb + verb[-1] + "ing")  # drop → dropping
    return forms


def infer_type(name: str) -> str:
    """The attribute type suggested by a snake_case attribute name (``str`` when nothing fits)."""
    if name in TEXT_OVERRIDES:
        return "str"
    if name in ATTRIBUTE_TYPES or name.endswith("_email_address"):  # "contact email address": an email, whose it is
        return ATTRIBUTE_TYPES.get(name, "email")
    if name in MEASURE_UNITS:
        return "float"  # "kilos", "liters": the amount in that unit
    parts = name.split("_")
    if len(parts) > 1:
        qualifiers, qualified_type = QUALIFIED_HEADS.get(parts[-1], (frozenset(), ""))
        if parts[-2] in qualifiers:
            return qualified_type  # home_score, battery_level, shirt_size
        if parts[-1] == "size" and parts[-2] in _COLLECTIVES:
            return "int"  # "party size", "household size": how many; "lawn size" measures, "shirt size" labels
        if parts[0] in BOOL_PREFIXES:
            return "bool"
        if parts[0] in {"number", "num", "count", "total"} and len(parts) > 2 and parts[1] == "of":
            return "int"  # number_of_pages
        if len(parts) == 2 and parts[0] == "total" and singularize(parts[1]) != parts[1] and parts[1] not in MEASURE_UNITS:
            if parts[1] in {"sales", "earnings", "takings", "proceeds", "payments", "expenses", "donations", "tips"}:
                return "float"  # total_sales: money taken
            if infer_type(parts[1]) in ("str", "int"):
                return "int"  # total_reviews, total_stops: how many; total_winnings is money
        if len(parts) == 2 and parts[0] in {"number", "count"} and parts[1] in COUNTED_PARTICIPLES | {"cracked", "seen"}:
            return "int"  # number_seen, number_cracked
        if parts[-1] in MEASURE_UNITS or (parts[-1] in CURRENCY_WORDS and parts[-1] != "currency"):
            return "float"  # square_meters, weight_kg, value_usd
        if parts[-1] in COUNT_NOUNS and parts[-1] not in SUFFIX_TYPES:
            return "int"  # max_guests, charge_cycles, parking_spaces
        if parts[-1] in COUNT_QUALIFIERS and (parts[-2] in MEASURE_UNITS or infer_type("_".join(parts[:-1])) == "float"):
            return "float"  # litres_used, volume_used: a measure, not a count
        if parts[-1] in COUNT_QUALIFIERS and (parts[-2] in COUNT_NOUNS or singularize(parts[-2]) != parts[-2]):
            return "int"  # seats_left, tickets_sold, refills_remaining, doses_required: a plural noun counted
        if "per" in parts[1:-1]:
            return infer_type("_".join(parts[:parts.index("per")]))  # price_per_night → price
        if parts[-1] in AMOUNT_QUALIFIERS or (parts[-1].endswith("ed") and len(parts[-1]) > 4):
            kind = infer_type("_".join(parts[:-1]))
            if kind == "str" and len(parts) == 2:
                kind = infer_type(singularize(parts[0]))  # "fines owed": the amount of a fine
            if kind in ("int", "float"):
                return kind  # amount_due, calories_burned, percent_off
        if parts[0] in COUNT_PREFIXES and "float" not in (SUFFIX_TYPES.get(parts[-1]), ATTRIBUTE_TYPES.get(parts[-1])):
            return "int"  # max_occupancy; not max_altitude, a measure
        if parts[-1] in SUFFIX_TYPES:
            return SUFFIX_TYPES[parts[-1]]
        if SUFFIX_TYPES.get(singularize(parts[-1])) == "float":
            return "float"  # toll_charges, late_fees: amounts, as one of them is
        if parts[-1] in ATTRIBUTE_TYPES and ATTRIBUTE_TYPES[parts[-1]] != "bool":
            return ATTRIBUTE_TYPES[parts[-1]]
        if parts[0] in {"date", "birth"}:
            return "date"
        if parts[0] in {"time", "moment"} and parts[1] == "of":
            return "datetime"  # time_of_arrival
    elif name in MEASURE_UNITS:
        return "float"
    elif name in COUNT_NOUNS:
        return "int"  # "beds", "servings"
    elif SUFFIX_TYPES.get(singularize(name)) == "float":
        return "float"  # "fees", "charges"
    return "str"
# fmt: on


def is_field_noun(word: str) -> bool:
    """Whether ``word`` is a noun fields are named with ("number", "code", "address", "date", "price")."""
    return word in ATTRIBUTE_TYPES or word in NAME_WORDS or word in SUFFIX_TYPES or word in _FIELD_NOUNS


#: Field nouns no type table lists.
_FIELD_NOUNS = frozenset({"code", "url", "link", "id", "ref", "reference"})
