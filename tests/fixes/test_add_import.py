"""add_import: merging, placement after docstring/__future__, never inside functions, no-op when present."""

from __future__ import annotations

from baes.fixes.patcher import CodePatcher

patcher = CodePatcher(measure_tokens=False)


def add(code: str, statement: str) -> str:
    result = patcher.add_import(code, statement)
    assert result.success, result.error_message
    return result.patched_code


def test_merges_into_parenthesised_multiline_import_keeping_trailing_comma_and_comments() -> None:
    code = "from fastapi import (\n    APIRouter,\n    Depends,  # injected\n)\n\nrouter = APIRouter()\n"
    assert add(code, "from fastapi import HTTPException") == (
        "from fastapi import (\n    APIRouter,\n    Depends,  # injected\n    HTTPException,\n)\n\nrouter = APIRouter()\n"
    )


def test_merges_into_one_line_import_in_sorted_position() -> None:
    code = "from fastapi import APIRouter, Depends\n"
    assert add(code, "from fastapi import HTTPException") == "from fastapi import APIRouter, Depends, HTTPException\n"
    assert add(code, "from fastapi import Body") == "from fastapi import APIRouter, Body, Depends\n"


def test_after_docstring_and_future_imports() -> None:
    code = '"""Module doc."""\nfrom __future__ import annotations\n\nimport os\n\n\ndef f():\n    import sys\n    return sys\n'
    assert add(code, "import json") == (
        '"""Module doc."""\nfrom __future__ import annotations\n\nimport json\nimport os\n\n\ndef f():\n    import sys\n    return sys\n'
    )
    assert add(code, "import sys").startswith('"""Module doc."""\nfrom __future__ import annotations\n\nimport os\nimport sys\n')


def test_no_imports_yet() -> None:
    assert add('"""Doc."""\nx = 1\n', "import os") == '"""Doc."""\nimport os\n\nx = 1\n'
    assert (
        add("#!/usr/bin/env python\n# licence\n\nx = 1", "import os") == "#!/usr/bin/env python\n# licence\n\nimport os\n\nx = 1"
    )
    assert add("", "import os") == "import os\n"
    assert add("# only a comment", "import os") == "# only a comment\nimport os\n"


def test_third_party_goes_with_third_party() -> None:
    code = "import os\n\nimport requests\n\nx = 1\n"
    assert add(code, "import fastapi") == "import os\n\nimport fastapi\nimport requests\n\nx = 1\n"
    assert add(code, "import zlib") == "import os\nimport zlib\n\nimport requests\n\nx = 1\n"


def test_noop_when_already_imported() -> None:
    for code, statement in (
        ("from fastapi import HTTPException\n", "from fastapi import HTTPException"),
        ("import os.path\n", "import os"),
        ("try:\n    import ujson as json\nexcept ImportError:\n    import json\n", "import json"),
    ):
        assert add(code, statement) == code


def test_import_inside_function_does_not_count_and_new_one_goes_to_top() -> None:
    code = "import os\n\ndef f():\n    from fastapi import HTTPException\n    raise HTTPException(404)\n"
    assert add(code, "from fastapi import HTTPException") == (
        "import os\nfrom fastapi import HTTPException\n\ndef f():\n    from fastapi import HTTPException\n    raise HTTPException(404)\n"
    )


def test_bad_statement_fails_cleanly() -> None:
    for statement in ("x = 1", "import", "from . import (", "import os; import sys"):
        result = patcher.add_import("import os\n", statement)
        assert not result.success and result.patched_code == "import os\n"


def test_merges_into_from_import_outside_the_first_block() -> None:
    code = "import os\n\nx = 1\nfrom fastapi import APIRouter\n"
    assert add(code, "from fastapi import Depends") == "import os\n\nx = 1\nfrom fastapi import APIRouter, Depends\n"


def test_several_imports_resolved_together() -> None:
    from baes.fixes import patches

    source = patches.PatchSource("import os\n\nx = 1\n")
    plans = [
        patches.plan(source, "add_import", {"import_statement": s})
        for s in ("import json", "from fastapi import Depends", "from fastapi import Body", "import os")
    ]
    assert patches.apply_plans(source, plans) == "import json\nimport os\nfrom fastapi import Depends, Body\n\nx = 1\n"


def test_merge_picks_the_right_statement_on_a_shared_line_and_relative_modules() -> None:
    assert add("from a import x; from b import y\n", "from b import z") == "from a import x; from b import y, z\n"
    assert add("from . import x\nfrom .m import y\n", "from .m import z") == "from . import x\nfrom .m import y, z\n"
