-- A real client: Neovim's built-in LSP client (0.7 and later) against `slotlint server`.
-- Run headless by test_nvim.sh:  nvim --headless --clean -u NONE -c "luafile nvim_client.lua"
-- with SLOTLINT (the binary) and FIXTURE (a Python file) in the environment.
-- Opens the fixture, waits for the diagnostics, checks vim.diagnostic.get(), then edits the
-- buffer to introduce an SLT001 and to remove it again, checking each time.

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
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
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

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = "slotlint",
    cmd = { slotlint, "server", "--stdio" },
    root_dir = vim.fn.fnamemodify(fixture, ":h"),
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config) -- 0.8+
  else
    client_id = vim.lsp.start_client(config) -- 0.7
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  if not client_id then
    fail("the client did not start")
    return
  end
  log("neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch))

  -- The fixture has one SLT001 (line 8, 0-based 7, column 8).
  if not wait_for(bufnr, "SLT001@7:8", "on open") then return end
  local d = vim.diagnostic.get(bufnr)[1]
  if d.source ~= "slotlint" or d.severity ~= vim.diagnostic.severity.ERROR then
    fail("the diagnostic's source or severity is wrong: " .. vim.inspect(d))
  end
  if not d.message:find("'Point' has no slot 'label'", 1, true) then
    fail("unexpected message: " .. d.message)
  end

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
  wait_for(bufnr, "SLT001@8:8", "after removing 'colour'")
end)
if not ok then
  fail(tostring(err))
end
finish()
