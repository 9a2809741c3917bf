"""Round 17, in our own words: the value existing rows get, said of one of several new fields by naming
it ("existing crates can be set to not stackable", "should get sealed = false", "(int, start all at 0)"),
and a change opened by a greeting on the same line or with "register"."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading


@pytest.mark.parametrize(
    "request_text, defaults",
    [
        (
            "Could Crate also get a label and a flag for stackable? Existing crates can be set to not stackable.",
            {"stackable": "false"},
        ),
        ("Add 'lid colour' and 'sealed' to Crate. Existing crates should get sealed = false.", {"sealed": "false"}),
        ("Crate: please add reuse count (int, start everyone at 0) and an optional supplier.", {"reuse_count": "0"}),
    ],
)
def test_a_value_for_existing_rows_that_names_its_field(request_text: str, defaults: dict[str, str]) -> None:
    got = reading(request_text, ["Crate"])
    assert got["intent"] == "add_attributes" and got["defaults"] == defaults


@pytest.mark.parametrize("greeting", ["Hola!", "Ciao,", "Good morning team,", "Hi there!"])
def test_a_greeting_on_the_first_line_is_no_part_of_the_request(greeting: str) -> None:
    got = reading(f"{greeting} For the Crate we want to register also the tare weight", ["Crate"])
    assert (got["intent"], got["entity"], got["attributes"]) == ("add_attributes", "Crate", [("tare_weight", "float", True)])
