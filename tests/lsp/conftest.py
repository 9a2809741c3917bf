"""Fixtures: the real ``baes lsp`` under pytest-lsp, once per client capability set."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

sys.path.insert(0, str(Path(__file__).parent))

from lsp_support import BACKEND, SERVER_COMMAND, capabilities, install_editor, make_client  # noqa: E402

PULL_CLIENTS = {"vscode"}
CLIENTS = ["vscode", "neovim", "emacs"]



def server_env() -> dict[str, str]:
    env = dict(os.environ)
    env["BAES_CACHE_DIR"] = tempfile.mkdtemp(prefix="baes-lsp-test-cache-")
    for name in ("BAES_LLM_BASE_URL", "BAES_LLM_MODEL", "BAES_LLM_API_KEY", "OPENAI_API_KEY"):
        env.pop(name, None)
    return env


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


async def start(client: LanguageClient, kind: str, root: Path, options: dict | None = None,
                folders: tuple[str, ...] = ()) -> types.InitializeResult:
    client.kind = kind
    client.pull = kind in PULL_CLIENTS
    client.editor = install_editor(client)
    result = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(kind),
        root_uri=from_fs_path(str(root)),
        workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(root / sub)), name=sub or root.name)
                           for sub in (folders or ("",))],
        initialization_options=options if options is not None else {"settings": {"debounceMs": 0}},
        client_info=types.ClientInfo(name=f"pytest-{kind}"),
    ))
    client.editor.encoding = str(result.capabilities.position_encoding or "utf-16")
    client.init_result = result
    return result


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client, server_env=server_env()),
    params=CLIENTS,
)
async def client(request: pytest.FixtureRequest, lsp_client: LanguageClient, workspace: Path):
    await start(lsp_client, request.param, workspace)
    yield
    await lsp_client.shutdown_session()


def client_fixture(kind: str, options: dict | None = None, command: list[str] | None = None,
                   folders: tuple[str, ...] = ()):
    """A fixture for one client kind, with its own initialization options, server command or
    extra workspace folders (sub-folders of the workspace, for multi-root tests)."""

    @pytest_lsp.fixture(config=ClientServerConfig(
        server_command=command or SERVER_COMMAND, client_factory=make_client, server_env=server_env()))
    async def fixture(lsp_client: LanguageClient, workspace: Path):
        await start(lsp_client, kind, workspace, options, folders)
        yield
        await lsp_client.shutdown_session()

    return fixture


vscode_client = client_fixture("vscode")
neovim_client = client_fixture("neovim")
