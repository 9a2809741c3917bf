"""Rule options: one typed, frozen dataclass per rule, checked value by value (never a crash)."""

from __future__ import annotations

import dataclasses

import pytest

from baes.standards.catalog import all_rules, get_rule
from baes.standards.options import RuleOptions, validate
from baes.standards.rules.backend.create_route_status_code import CreateStatusOptions
from baes.standards.rules.backend.delete_route_status_code import DeleteStatusOptions


def test_every_rule_declares_its_options_as_a_frozen_dataclass() -> None:
    for rule in all_rules():
        assert isinstance(rule.options, RuleOptions), rule.id
        assert dataclasses.is_dataclass(rule.options) and type(rule.options).__dataclass_params__.frozen, rule.id


def test_the_declared_default_is_the_one_in_force() -> None:
    # BE001's pattern used to default to "" in the check and to a regex in the rule: the rule's won then too
    assert get_rule("BE001").options == CreateStatusOptions()
    assert CreateStatusOptions().create_name_pattern == r"^(create|add|new|register|insert)_"


def test_values_of_the_declared_types_are_kept_and_lists_become_tuples() -> None:
    kept, problems = validate(DeleteStatusOptions, {"expected_status": 200, "allowed-statuses": [200, 204]})
    assert problems == []
    assert kept == {"expected_status": 200, "allowed_statuses": (200, 204)}
    assert get_rule("BE002").options_with(kept) == DeleteStatusOptions(200, (200, 204))


@pytest.mark.parametrize(
    ("values", "key", "text"),
    [
        ({"expected_status": "201"}, "expected_status", "expected integer"),
        ({"expected_status": True}, "expected_status", "expected integer"),
        ({"allowed_statuses": [200, "x"]}, "allowed_statuses", "expected list of integer"),
        ({"allowed_statuses": 204}, "allowed_statuses", "expected list of integer"),
        ({"colour": "red"}, "colour", "no option 'colour'"),
    ],
)
def test_bad_values_give_a_message_and_keep_the_default(values: dict[str, object], key: str, text: str) -> None:
    kept, problems = validate(DeleteStatusOptions, values)
    assert kept == {}
    assert [k for k, _ in problems] == [key] and text in problems[0][1]
    assert DeleteStatusOptions().merged(values) == DeleteStatusOptions()


def test_a_check_reads_the_options_in_force() -> None:
    from baes.settings.config import Settings
    from baes.standards.engine import check_source

    source = (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post('/s')\ndef make_s() -> dict:\n    return {}\n"
    )
    default = Settings(select=("BE001",))
    assert check_source(source, settings=default, swea_type="backend").findings == ()
    widened = Settings(select=("BE001",), rule_options={"BE001": {"create_name_pattern": "^make_"}})
    assert [f.rule_id for f in check_source(source, settings=widened, swea_type="backend").findings] == ["BE001"]
