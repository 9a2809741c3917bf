"""FE002 points at the request, not at the call of the function holding it; FE003 finds the
module-level URL constant a Streamlit page sends its requests to."""

from __future__ import annotations

from tests.standards.helpers import check, ids

PAGE = """import requests
import streamlit as st

API = "http://localhost:8000"
ITEMS_URL = API + "/items"


def main():
    name = st.text_input("Name")
    if st.button("Save"):
        requests.post(ITEMS_URL, json={"name": name}, timeout=5)


main()
"""


def _where(source: str, rule_id: str) -> list[tuple[int, int]]:
    return [(f.line, f.span.start_col) for f in check(source, "frontend").findings if f.rule_id == rule_id]


def test_fe002_points_at_the_request_not_at_the_main_call_at_the_bottom() -> None:
    assert _where(PAGE, "FE002") == [(11, 8)]


def test_fe003_finds_a_url_constant_reaching_requests_through_another_constant() -> None:
    [finding] = [f for f in check(PAGE, "frontend").findings if f.rule_id == "FE003"]
    assert (finding.line, finding.span.start_col) == (4, 6)
    assert "in the constant `API`" in finding.message
    assert finding.fix is not None and finding.fix.kwargs["env_var"] == "BAES_API_URL"


def test_fe003_constants_that_are_defaults_or_unused_by_requests_or_outside_streamlit_are_not_reported() -> None:
    default = PAGE.replace('ITEMS_URL = API + "/items"', 'ITEMS_URL = os.getenv("ITEMS_URL", API)').replace(
        "import requests", "import os\n\nimport requests"
    )
    assert _where(default, "FE003") == []
    links = 'import streamlit as st\n\nDOCS = "https://docs.example.com"\nst.markdown(f"[docs]({DOCS})")\n'
    assert _where(links, "FE003") == []
    client = (
        PAGE.replace("import streamlit as st\n", "").replace('st.text_input("Name")', "'x'").replace('st.button("Save")', "True")
    )
    assert _where(client, "FE003") == []


def test_fe003_reports_addresses_of_the_apps_own_deployment_only() -> None:
    def fe003(url: str) -> list[str]:
        source = f"import requests\n\n\ndef load():\n    return requests.get('{url}', timeout=10).json()\n"
        return [f.rule_id for f in check(source, "frontend").findings if f.rule_id == "FE003"]

    for own in ("http://localhost:8000/items", "http://127.0.0.1:8000", "http://10.0.0.5/api", "http://backend:8000/x"):
        assert fe003(own) == ["FE003"], own
    for public in ("https://images.example.org/cat.jpeg", "https://api.github.com/repos"):
        assert fe003(public) == [], public


def test_fe002_reads_only_pages_not_libraries() -> None:
    library = (
        "import requests\nimport streamlit as st\n\n\nclass Model:\n    def delete(self):\n"
        "        requests.delete('http://localhost:8000/items/1', timeout=10)\n"
    )
    assert "FE002" not in ids(check(library, "frontend"))
    page = library + "\n\nst.title('Items')\nModel().delete()\n"
    assert "FE002" in ids(check(page, "frontend"))
