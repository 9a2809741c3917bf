-- Drives the real Neovim (0.7+) headless through the baes flow; writes what happened as JSON.
-- Arguments come from the environment: BAES_PYTHON, BAES_FILE, BAES_FIXALL_FILE, BAES_RESULT.
local result = { steps = {} }
local function step(name, value) table.insert(result.steps, name); result[name] = value end

local function main()
  vim.cmd("filetype on")
  local python = os.getenv("BAES_PYTHON")
  local file = os.getenv("BAES_FILE")
  local root = vim.fn.fnamemodify(file, ":h:h")
  local client_id = vim.lsp.start_client({
    name = "baes",
    cmd = { python, "-m", "baes", "lsp" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "ws" } },
    init_options = { settings = { debounceMs = 0 } },
    flags = { debounce_text_changes = 0 },
  })
  step("started", client_id ~= nil)
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  vim.lsp.buf_attach_client(0, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function baes_diagnostics()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.source == "baes" then table.insert(found, d) end
    end
    return found
  end
  vim.wait(30000, function() return #baes_diagnostics() > 0 end, 50)
  local diagnostics = baes_diagnostics()
  step("diagnostic_codes", vim.tbl_map(function(d) return d.code or (d.user_data.lsp.code) end, diagnostics))
  -- Back to LSP form (0.7 keeps only code/data in user_data.lsp).
  local target = vim.lsp.diagnostic.get_line_diagnostics(0, diagnostics[1].lnum)[1]

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = target.range,
    context = { diagnostics = { target } },
  }
  local response, request_error = client.request_sync("textDocument/codeAction", params, 10000, 0)
  assert(response, "codeAction failed: " .. vim.inspect(request_error))
  local titles, chosen = {}, nil
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if chosen == nil and action.title:find("^BAES %(BE006%)") then chosen = action end
  end
  step("action_titles", titles)
  if chosen.edit == nil then
    chosen = client.request_sync("codeAction/resolve", chosen, 10000, 0).result
    step("resolved", chosen.edit ~= nil)
  end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or "utf-16")
  vim.wait(30000, function() return #baes_diagnostics() == 0 end, 50)
  step("diagnostics_after_fix", #baes_diagnostics())
  vim.cmd("write")
  step("saved", true)

  -- fix-all through the server's command: the server sends workspace/applyEdit to Neovim.
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("BAES_FIXALL_FILE")))
  vim.lsp.buf_attach_client(0, client_id)
  vim.wait(30000, function() return #baes_diagnostics() > 0 end, 50)
  step("fixall_diagnostics_before", #baes_diagnostics())
  local command = client.request_sync("workspace/executeCommand",
    { command = "baes.fixAll", arguments = { { uri = vim.uri_from_bufnr(0) } } }, 20000, 0)
  step("fixall_result", command.result)
  vim.wait(30000, function() return #baes_diagnostics() == 0 end, 50)
  step("fixall_diagnostics_after", #baes_diagnostics())
  vim.cmd("write")

  local hover = client.request_sync("textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 0, character = 0 } }, 10000, 0)
  step("hover_empty", hover.result == nil)

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  step("stopped", vim.lsp.get_client_by_id(client_id) == nil)
end

local ok, err = pcall(main)
result.ok = ok
result.error = ok and vim.NIL or tostring(err)
local out = io.open(os.getenv("BAES_RESULT"), "w")
out:write(vim.fn.json_encode(result))
out:close()
vim.cmd("qa!")
