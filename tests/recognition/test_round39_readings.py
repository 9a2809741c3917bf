"""Round 39 of the recognizer: real posts and owners' changes again; languages told apart by their words.

The examples are our own (a cider mill and its orchard), not the labelled sets' words.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.language import foreign_language_reason
from baes.recognition.model import OutOfScope

APP = ("Orchard", "Tree", "Press", "Batch", "Picker", "Bottle", "Customer", "Order")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> str:
    return one_line(request, existing)


@pytest.mark.parametrize(
    "request_text",
    [
        "Ajoutez une colonne pour la date de récolte dans les lots, s'il vous plaît",  # French
        "Necesitamos guardar los pedidos de sidra con la fecha y el precio",  # Spanish
        "Bitte die Presse um ein Feld für das Baujahr erweitern",  # German
        "Queremos registrar as árvores do pomar com a variedade e o ano de plantio",  # Portuguese
        "Vorrei aggiungere il numero di bottiglie a ogni lotto",  # Italian
        "Kunnen jullie een veld toevoegen voor de oogstdatum van elke boom",  # Dutch
    ],
)
def test_a_request_in_another_language_is_refused_with_the_reason(request_text: str) -> None:
    assert foreign_language_reason(request_text) is not None
    with pytest.raises(OutOfScope, match="does not look like English"):
        _reading(request_text)


@pytest.mark.parametrize(
    "request_text",
    [
        "Bottle: volume, sparkling y/n, sulphite free y/n, label printed y/n",  # "y" is no Spanish here
        "Picker: name, rate per bin, paid per hour y/n",  # nor "per" Italian
        "Batch: add a tasting note from the café and the sommelier's verdict",
        "Recipie: apel varietys, presed on, yeild",  # typos weigh on no language
        "ER: Orchard ||--o{ Tree",
    ],
)
def test_english_with_small_foreign_looking_words_is_english(request_text: str) -> None:
    assert foreign_language_reason(request_text) is None


def test_a_type_said_after_a_unit_is_the_type_and_no_part_of_the_name() -> None:
    assert _reading("Press: add pressure in bar as float, run time in minutes as an integer") == (
        "add_attributes Press pressure:float run_time:int"
    )


def test_e_mail_with_a_hyphen_is_the_word_email() -> None:
    assert _reading("Customer: add an E-mail address and a backup e-mail") == (
        "add_attributes Customer email_address:email backup_email:email"
    )
