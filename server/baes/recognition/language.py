"""Requests the offline recognizer cannot read because they are not in English.

The offline grammar is English; reading "Crear una entidad Cliente con nombre" with it would
create an entity named after a Spanish verb. So a request that is mostly in another script, or
whose small words are another language's (articles, "with", "and", "create", "entity"), is
refused with a message saying so; with an LLM configured it never gets here.
"""

from __future__ import annotations

from baes.recognition.normalize import tokenize

#: Function words and request words of Spanish, French, German, Portuguese, Italian and Dutch that
#: are not English words a request would use.
_FOREIGN_WORDS = frozenset(
    {
        "una",
        "uno",
        "con",
        "el",
        "los",
        "las",
        "del",
        "para",
        "y",
        "crear",
        "crea",
        "entidad",
        "nombre",
        "correo",
        "une",
        "avec",
        "et",
        "les",
        "des",
        "pour",
        "créer",
        "entité",
        "nom",
        "prix",
        "eine",
        "einen",
        "ein",
        "mit",
        "und",
        "der",
        "die",
        "das",
        "für",
        "erstelle",
        "erstellen",
        "entität",
        "kunde",
        "uma",
        "um",
        "com",
        "crie",
        "criar",
        "entidade",
        "nome",
        "é",
        "e",
        "di",
        "il",
        "della",
        "per",
        "un'entità",
        "entità",
        "creare",
        "telefono",
        "een",
        "met",
        "het",
        "voor",
        "maak",
        "entiteit",
        "naam",
        "klant",
        "adres",
        "en",
    }
)
#: English words that say a request is English after all.
_ENGLISH_WORDS = frozenset(
    {
        "with",
        "and",
        "the",
        "a",
        "an",
        "to",
        "for",
        "of",
        "is",
        "has",
        "have",
        "each",
        "create",
        "add",
        "entity",
        "should",
        "can",
        "from",
        "by",
        "that",
        "which",
    }
)


def foreign_language_reason(request: str) -> str | None:
    """Why the request is not read offline (not English), or None when it looks English."""
    words = [t.lower() for t in tokenize(request) if t[:1].isalpha()]
    if not words:
        return None
    letters = [c for c in request if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) > len(letters) / 2:
        return _message()
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    if foreign >= 2 and foreign > english:
        return _message()
    return None


def _message() -> str:
    return (
        "the request does not look like English: the offline recognizer reads English only. "
        "Configure an LLM (BAES_LLM_BASE_URL and BAES_LLM_MODEL) to use other languages, or phrase it "
        "in English, e.g. 'create a Customer entity with name and email'"
    )
