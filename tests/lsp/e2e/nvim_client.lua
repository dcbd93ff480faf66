-- A real client: Neovim's built-in LSP client (0.7 and later) against `slotlint server`, set up
-- by the plugin in editors/neovim as a user would: the plugin on the runtimepath, filetype
-- detection on, `require('slotlint').setup{...}`, then `:edit` a Python file.
-- Run headless by test_nvim.sh:
--   nvim --headless --clean -u NONE --cmd "set rtp^=editors/neovim" -c "luafile nvim_client.lua"
-- with SLOTLINT (the binary) and FIXTURE (a Python file) in the environment.
-- Checks the diagnostics on open, after edits that add and remove an SLT001, after changing the
-- settings; applies a quick fix through vim.lsp.buf.code_action; reads the hover's layout (the
-- request, and the floating window vim.lsp.buf.hover opens); a second file shares the client;
-- :SlotlintRestart starts a new one.

local slotlint = os.getenv("SLOTLINT")
local fixture = os.getenv("FIXTURE")
local failed = false

local function log(msg)
  io.stdout:write(msg .. "\n")
end

local function fail(msg)
  log("FAIL: " .. msg)
  failed = true
end

local function finish()
  local plugin_loaded, plugin = pcall(require, "slotlint")
  local clients = plugin_loaded and plugin.clients() or {}
  for _, client in ipairs(clients) do
    vim.lsp.stop_client(client.id)
  end
  vim.wait(2000, function()
    for _, client in ipairs(clients) do
      if vim.lsp.get_client_by_id(client.id) then return false end
    end
    return true
  end, 50)
  if failed then
    vim.cmd("cquit 1")
  else
    log("ok")
    vim.cmd("qall!")
  end
end

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, string.format("%s@%d:%d", tostring(d.code), d.lnum, d.col))
  end
  table.sort(list)
  return table.concat(list, " ")
end

local function wait_for(bufnr, want, what)
  local ok = vim.wait(15000, function() return codes(bufnr) == want end, 20)
  if not ok then
    fail(what .. ": expected diagnostics '" .. want .. "', got '" .. codes(bufnr) .. "'")
  else
    log(what .. ": " .. want)
  end
  return ok
end

-- The floating windows open now (hover opens one).
local function floating_windows()
  local wins = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then
      table.insert(wins, win)
    end
  end
  return wins
end

local ok, err = pcall(function()
  log("neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch))
  -- What a user's init.lua does (filetype detection is on in any configuration but -u NONE).
  vim.cmd("filetype on")
  local slotlint_plugin = require("slotlint")
  slotlint_plugin.setup({ cmd = { slotlint, "server", "--stdio" } })

  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= "python" then
    fail("the fixture's filetype is '" .. vim.bo[bufnr].filetype .. "', not python")
    return
  end
  -- The client counts as active once the server has answered `initialize`.
  vim.wait(10000, function() return #slotlint_plugin.clients() > 0 end, 20)
  local clients = slotlint_plugin.clients()
  if #clients ~= 1 then
    fail("expected one slotlint client after :edit, got " .. #clients)
    return
  end
  local client = clients[1]
  if not vim.lsp.buf_is_attached(bufnr, client.id) then
    fail("the plugin did not attach the buffer")
    return
  end
  if client.config.root_dir ~= vim.fn.fnamemodify(fixture, ":h") then
    fail("root_dir is " .. tostring(client.config.root_dir) .. " (the fixture's folder has a pyproject.toml)")
  end

  -- The fixture has one SLT001 (line 8, 0-based 7, column 8).
  if not wait_for(bufnr, "SLT001@7:8", "on open") then return end
  local d = vim.diagnostic.get(bufnr)[1]
  if d.source ~= "slotlint" or d.severity ~= vim.diagnostic.severity.ERROR then
    fail("the diagnostic's source or severity is wrong: " .. vim.inspect(d))
  end
  if not d.message:find("'Point' has no slot 'label'", 1, true) then
    fail("unexpected message: " .. d.message)
  end

  -- Settings: ignoring SLT001 empties the list; clearing the setting brings it back.
  slotlint_plugin.update_settings({ ignore = { "SLT001" } })
  if not wait_for(bufnr, "", "with ignore = { 'SLT001' }") then return end
  slotlint_plugin.update_settings({ ignore = vim.NIL })
  if not wait_for(bufnr, "SLT001@7:8", "with ignore cleared") then return end

  -- Introduce a second SLT001: a new line in the method (an incremental change).
  vim.api.nvim_buf_set_lines(bufnr, 8, 8, true, { "        self.colour = 'red'" })
  if not wait_for(bufnr, "SLT001@7:8 SLT001@8:8", "after adding self.colour") then return end

  -- Fix both by adding the names to __slots__ (an edit in the middle of line 5, before its ')').
  vim.api.nvim_buf_set_text(bufnr, 4, 25, 4, 25, { ", 'label', 'colour'" })
  if not wait_for(bufnr, "", "after adding the slots") then return end

  -- Remove one slot again: its SLT001 comes back.
  local line = vim.api.nvim_buf_get_lines(bufnr, 4, 5, true)[1]
  local s, e = line:find(", 'colour'", 1, true)
  vim.api.nvim_buf_set_text(bufnr, 4, s - 1, 4, e, { "" })
  if not wait_for(bufnr, "SLT001@8:8", "after removing 'colour'") then return end

  -- The quick fix, as a user applies it: cursor on the finding, vim.lsp.buf.code_action, pick
  -- the fix from the menu (vim.ui.select, answered here as a user would).
  vim.api.nvim_win_set_cursor(0, { 9, 8 })
  local offered = {}
  local original_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local action = item[2] or item.action or item
      local title = opts.format_item and opts.format_item(item) or action.title
      table.insert(offered, title)
      if not chosen and action.kind == "quickfix" then chosen = item end
    end
    on_choice(chosen)
  end
  if vim.fn.has("nvim-0.8") == 1 then
    vim.lsp.buf.code_action({ context = { only = { "quickfix" } }, apply = true })
  else
    vim.lsp.buf.code_action({ only = { "quickfix" } }) -- 0.7: the argument is the context
  end
  local fixed = wait_for(bufnr, "", "after the quick fix")
  vim.ui.select = original_select
  log("code actions offered: " .. table.concat(offered, " | "))
  if not fixed then return end
  line = vim.api.nvim_buf_get_lines(bufnr, 4, 5, true)[1]
  if not line:find('"colour"', 1, true) then
    fail("the quick fix did not add 'colour' to __slots__: " .. line)
  end
  log("line 5 is now: " .. line)

  -- Hover on the class name: the request's markdown, then what vim.lsp.buf.hover shows.
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 3, character = 7 } }
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 5000) or {}
  local markdown = ""
  for _, reply in pairs(replies) do
    if reply.result and reply.result.contents then markdown = reply.result.contents.value or "" end
  end
  if not markdown:find("__basicsize__", 1, true) or not markdown:find("| `label` |", 1, true) then
    fail("the hover does not show the layout: " .. markdown)
  else
    log("hover: " .. markdown:match("^[^\n]*"))
  end
  vim.api.nvim_win_set_cursor(0, { 4, 7 })
  vim.lsp.buf.hover()
  local shown = ""
  vim.wait(5000, function()
    for _, win in ipairs(floating_windows()) do
      shown = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), "\n")
      if shown:find("__basicsize__", 1, true) then return true end
    end
    return false
  end, 20)
  if not shown:find("__basicsize__", 1, true) then
    fail("vim.lsp.buf.hover() opened no window with the layout: " .. shown)
  else
    log("hover window: " .. #vim.split(shown, "\n") .. " lines")
  end
  for _, win in ipairs(floating_windows()) do
    vim.api.nvim_win_close(win, true)
  end

  -- A second Python file in the same project shares the client.
  local other = vim.fn.fnamemodify(fixture, ":h") .. "/other.py"
  vim.cmd("edit " .. vim.fn.fnameescape(other))
  local other_buf = vim.api.nvim_get_current_buf()
  if not wait_for(other_buf, "SLT001@4:8", "the second file") then return end
  if #slotlint_plugin.clients() ~= 1 or not vim.lsp.buf_is_attached(other_buf, client.id) then
    fail("the second file did not share the client: " .. #slotlint_plugin.clients() .. " clients")
  end

  -- :SlotlintRestart: the old client stops, a new one attaches both buffers and reports again.
  vim.cmd("SlotlintRestart")
  vim.wait(10000, function()
    local now = slotlint_plugin.clients()
    return #now == 1 and now[1].id ~= client.id
  end, 20)
  clients = slotlint_plugin.clients()
  if #clients ~= 1 or clients[1].id == client.id then
    fail("after :SlotlintRestart expected one new client, got " .. #clients)
    return
  end
  wait_for(other_buf, "SLT001@4:8", "after :SlotlintRestart")
  if not vim.lsp.buf_is_attached(bufnr, clients[1].id) then
    fail("after :SlotlintRestart the first buffer is not attached")
  end
end)
if not ok then
  fail(tostring(err))
end
finish()
