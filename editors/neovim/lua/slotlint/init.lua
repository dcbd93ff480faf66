-- slotlint for Neovim's built-in LSP client: `require('slotlint').setup{}` starts
-- `slotlint server` for Python buffers. Works on Neovim 0.7 (vim.lsp.start_client and
-- vim.lsp.buf_attach_client, one client per project root) and on 0.8 and later (vim.lsp.start,
-- which finds the running client of the same name and root itself).
local M = {}

local defaults = {
  -- The command that starts the server.
  cmd = { 'slotlint', 'server' },
  filetypes = { 'python' },
  -- The project root is the nearest folder above the file holding one of these; else the file's own folder.
  root_markers = { 'pyproject.toml', '.slotlint.toml', 'slotlint.toml', 'setup.cfg', 'setup.py', '.git' },
  -- Sent as initializationOptions: select, extendSelect, ignore (lists of rule codes) and
  -- targetVersion ('py39' ... 'py315'); left out, the project's configuration file decides.
  settings = {},
  -- Passed on to the client, as in any vim.lsp configuration.
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
}

local config = vim.deepcopy(defaults)
local uv = vim.uv or vim.loop
-- Client methods: called with ':' from 0.11 on (the '.' form is deprecated there); on 0.7-0.10
-- they are closures called with '.' (client:stop() would pass the client as `force`).
local method_calls = vim.fn.has('nvim-0.11') == 1

local function client_call(client, name, ...)
  if method_calls then
    return client[name](client, ...)
  end
  return client[name](...)
end

local function active_clients()
  return (vim.lsp.get_clients or vim.lsp.get_active_clients)()
end
-- Neovim 0.7 only: the client started for each root.
local clients_by_root = {}

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function parent(path)
  local up = vim.fn.fnamemodify(path, ':h')
  if up == path then
    return nil
  end
  return up
end

--- The project root of a file: the nearest folder at or above it that holds a root marker.
function M.find_root(filename)
  local start = parent(vim.fn.fnamemodify(filename, ':p'))
  local dir = start
  while dir do
    for _, marker in ipairs(config.root_markers) do
      if exists(dir .. '/' .. marker) then
        return dir
      end
    end
    dir = parent(dir)
  end
  return start
end

-- The settings as a JSON object: an empty Lua table would go out as [].
local function settings_object()
  return next(config.settings) and config.settings or vim.empty_dict()
end

local function client_config(root_dir)
  return {
    name = 'slotlint',
    cmd = config.cmd,
    root_dir = root_dir,
    init_options = { settings = settings_object() },
    on_attach = config.on_attach,
    capabilities = config.capabilities,
    handlers = config.handlers,
  }
end

local function wanted(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then
    return false
  end
  if vim.api.nvim_buf_get_name(bufnr) == '' then
    return false -- the server needs a file:// URI
  end
  return vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype)
end

local function running(client_id)
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  return client ~= nil and not client_call(client, 'is_stopped')
end

--- Starts the server for a buffer's project (or finds the one running) and attaches the buffer.
--- Returns the client id, or nil when the buffer is not one slotlint checks or the server did not start.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not wanted(bufnr) then
    return nil
  end
  if vim.fn.executable(config.cmd[1]) ~= 1 then
    vim.notify_once(string.format("slotlint: '%s' is not executable: set cmd in require('slotlint').setup{}", config.cmd[1]), vim.log.levels.WARN)
    return nil
  end
  local root_dir = M.find_root(vim.api.nvim_buf_get_name(bufnr))
  if vim.lsp.start then
    return vim.lsp.start(client_config(root_dir), { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per root, started on first use.
  local client_id = clients_by_root[root_dir]
  if not running(client_id) then
    client_id = vim.lsp.start_client(client_config(root_dir))
    clients_by_root[root_dir] = client_id
  end
  if client_id then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  return client_id
end

--- The running slotlint clients.
function M.clients()
  local list = {}
  for _, client in pairs(active_clients()) do
    if client.name == 'slotlint' then
      table.insert(list, client)
    end
  end
  return list
end

local function attach_all()
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

--- Changes the settings and sends them to the running servers (workspace/didChangeConfiguration),
--- which check the open files again. A key set to vim.NIL goes back to the project's configuration.
function M.update_settings(settings)
  config.settings = vim.tbl_extend('force', config.settings, settings or {})
  for _, client in ipairs(M.clients()) do
    client_call(client, 'notify', 'workspace/didChangeConfiguration', { settings = settings_object() })
  end
end

--- Stops the servers and starts them again for every Python buffer (after installing a new slotlint).
function M.restart()
  local old = M.clients()
  for _, client in ipairs(old) do
    client_call(client, 'stop')
  end
  clients_by_root = {}
  vim.wait(2000, function()
    for _, client in ipairs(old) do
      if not client_call(client, 'is_stopped') then
        return false
      end
    end
    return true
  end, 20)
  attach_all()
end

--- Sets the plugin up: `opts` overrides the defaults above (cmd, filetypes, root_markers,
--- settings, on_attach, capabilities, handlers). Attaches the Python buffers already open and every
--- one opened later, and defines :SlotlintRestart.
function M.setup(opts)
  opts = opts or {}
  config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts)
  -- A list given replaces the default one instead of being merged into it index by index.
  for _, key in ipairs({ 'cmd', 'filetypes', 'root_markers' }) do
    if opts[key] then
      config[key] = vim.deepcopy(opts[key])
    end
  end
  local group = vim.api.nvim_create_augroup('slotlint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_user_command('SlotlintRestart', M.restart, { desc = 'Restart the slotlint language server' })
  attach_all()
end

return M
