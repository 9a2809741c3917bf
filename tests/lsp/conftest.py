"""Fixtures: the real ``baes lsp`` under pytest-lsp, once per client capability set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

sys.path.insert(0, str(Path(__file__).parent))

# Test modules import these from lsp_support: ``conftest`` names another module when
# tests/cli is collected in the same run.
from lsp_support import (  # noqa: E402
    BACKEND,
    SERVER_COMMAND,
    client_fixture,
    make_client,
    server_env,
    start,
)

CLIENTS = ["vscode", "neovim", "emacs"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning"))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    (root / "app").mkdir(parents=True)
    (root / "app" / "server.py").write_text(BACKEND, encoding="utf-8")
    return root


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client, server_env=server_env()),
    params=CLIENTS,
)
async def client(request: pytest.FixtureRequest, lsp_client: LanguageClient, workspace: Path):
    await start(lsp_client, request.param, workspace)
    yield
    await lsp_client.shutdown_session()


vscode_client = client_fixture("vscode")
neovim_client = client_fixture("neovim")
