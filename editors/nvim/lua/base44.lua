-- base44-lsp for Neovim: starts the server for buffers inside a Base44 app (a folder holding base44/)
-- and handles the base44.invoke / base44.showReferences commands of its code lenses and code actions.
-- Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start); on 0.11+ `vim.lsp.enable("base44")`
-- uses lsp/base44.lua, which takes its config from M.lsp_config(). See editors/nvim/README.md.
local M = {}

-- Newer names where they exist, so 0.12 prints no deprecation warnings and 0.7 still works.
local uv = vim.uv or vim.loop
local islist = vim.islist or vim.tbl_islist

-- Clients of a buffer (bufnr) or all of them (nil): get_clients is 0.10+, the others are gone in 0.12.
local function clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(bufnr and { bufnr = bufnr } or nil)
  end
  return bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
end
M.clients = clients

-- client:request (0.11+) or client.request (older): the dot form is deprecated from 0.11.
local function request(client, method, params, handler, bufnr)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

M.filetypes = { "javascript", "javascriptreact", "typescript", "typescriptreact" }

local defaults = {
  cmd = { "base44-lsp" },
  filetypes = M.filetypes,
  -- The `base44` settings section of docs/protocol.md. The access token is better left to the
  -- BASE44_ACCESS_TOKEN environment variable than written into a config file.
  settings = {
    base44 = {
      -- deno = { path = "/path/to/deno" },  (default: deno on PATH)
      -- invoke.serverUrl defaults to http://localhost:4400 (devServer) or https://base44.app (deployed).
      invoke = { target = "local", timeoutMs = 30000 },
      diagnostics = { severity = {} },
    },
  },
  -- Refresh code lenses on these events (false: never).
  codelens_events = { "BufEnter", "InsertLeave", "BufWritePost" },
  -- Buffer-local mappings, e.g. { run_lens = "<leader>bi", code_action = "<leader>ba" }.
  keymaps = {},
  on_attach = nil,
}

local options = vim.deepcopy(defaults)
-- Neovim 0.7 has no vim.lsp.start: clients are kept per app root and attached by hand.
local clients_by_root = {}

local function is_dir(path)
  local stat = uv.fs_stat(path)
  return stat ~= nil and stat.type == "directory"
end

--- The app folder of a file: the nearest ancestor that holds a base44/ folder, or nil.
function M.find_root(file)
  if file == nil or file == "" then
    return nil
  end
  local dir = vim.fn.fnamemodify(file, ":p:h")
  while dir and dir ~= "" do
    if is_dir(dir .. "/base44") then
      return dir
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return nil
    end
    dir = parent
  end
  return nil
end

-- vim.json.encode escapes "/" as "\/": valid JSON, but noise in paths, URLs and content types.
local function encode_scalar(value)
  return (vim.json.encode(value):gsub("\\/", "/"))
end

-- JSON with indentation (vim.json.encode writes one line). Keys listed in `key_order` come first in
-- that order, the rest sorted, so output is stable.
local function pretty_json(value, indent, key_order)
  indent = indent or ""
  local inner = indent .. "  "
  if type(value) == "table" then
    if vim.tbl_isempty(value) then
      return islist(value) and "[]" or "{}"
    end
    local parts = {}
    if islist(value) then
      for _, item in ipairs(value) do
        table.insert(parts, inner .. pretty_json(item, inner))
      end
      return "[\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "]"
    end
    local keys, listed = {}, {}
    for _, key in ipairs(key_order or {}) do
      if value[key] ~= nil then
        table.insert(keys, key)
        listed[key] = true
      end
    end
    local rest = vim.tbl_filter(function(key)
      return not listed[key]
    end, vim.tbl_keys(value))
    table.sort(rest, function(a, b)
      return tostring(a) < tostring(b)
    end)
    vim.list_extend(keys, rest)
    for _, key in ipairs(keys) do
      table.insert(parts, inner .. encode_scalar(tostring(key)) .. ": " .. pretty_json(value[key], inner))
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  end
  return encode_scalar(value)
end
M.pretty_json = pretty_json

--- Shows an invoke answer in a read-only scratch buffer (filetype json) in a split.
function M.show_response(name, result)
  local shown = {
    ["function"] = name,
    status = result.status or vim.NIL,
    durationMs = result.durationMs or vim.NIL,
    headers = result.headers or vim.empty_dict(),
    body = result.body == nil and vim.NIL or result.body,
  }
  local order = { "function", "status", "durationMs", "headers", "body" }
  local lines = vim.split(pretty_json(shown, "", order), "\n", { plain = true })
  local logs = result.logs
  if type(logs) == "string" then
    logs = vim.split(logs, "\n", { plain = true })
  end
  if type(logs) == "table" and #logs > 0 then
    table.insert(lines, "")
    table.insert(lines, "// console output")
    for _, entry in ipairs(logs) do
      local text = type(entry) == "table" and (entry.text or entry.message or vim.json.encode(entry)) or tostring(entry)
      for _, line in ipairs(vim.split(text, "\n", { plain = true })) do
        table.insert(lines, "// " .. line)
      end
    end
  end
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].filetype = "json"
  vim.bo[buf].modifiable = false
  vim.bo[buf].bufhidden = "wipe"
  pcall(vim.api.nvim_buf_set_name, buf, string.format("base44://%s/response-%d.json", name, uv.hrtime()))
  vim.cmd("botright split")
  vim.api.nvim_win_set_buf(0, buf)
  return buf
end

--- Runs base44.invoke on the server and shows the answer. `args` is { function, data, uri }.
function M.invoke(client, args, bufnr)
  local name = type(args) == "table" and args["function"] or nil
  if type(name) ~= "string" then
    vim.notify("base44: invoke needs a function name", vim.log.levels.ERROR)
    return
  end
  -- Neovim's JSON decoding turns null into nil, which drops the key: put the null back.
  args = vim.tbl_extend("force", args, { data = args.data == nil and vim.NIL or args.data })
  vim.notify("base44: invoking " .. name .. " …", vim.log.levels.INFO)
  request(client, "workspace/executeCommand", { command = "base44.invoke", arguments = { args } }, function(err, result)
    if err then
      vim.notify("base44: invoking " .. name .. " failed: " .. tostring(err.message or err), vim.log.levels.ERROR)
      return
    end
    M.show_response(name, result or {})
  end, bufnr)
end

local function show_references(command, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local locations = command.arguments and command.arguments[3] or {}
  if not client or type(locations) ~= "table" or #locations == 0 then
    vim.notify("base44: no call sites", vim.log.levels.INFO)
    return
  end
  local items = vim.lsp.util.locations_to_items(locations, client.offset_encoding or "utf-16")
  vim.fn.setqflist({}, " ", { title = "base44 call sites", items = items })
  vim.cmd("botright copen")
end

-- Client-side handlers: lenses and code actions call these instead of sending the command blindly,
-- so the invoke answer is shown instead of dropped.
local client_commands = {
  ["base44.invoke"] = function(command, ctx)
    local client = vim.lsp.get_client_by_id(ctx.client_id)
    if client then
      M.invoke(client, command.arguments and command.arguments[1], ctx.bufnr)
    end
  end,
  ["base44.showReferences"] = show_references,
}

local function on_attach(client, bufnr)
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  if options.codelens_events and (caps.codeLensProvider or caps.code_lens) then
    local group = vim.api.nvim_create_augroup("base44_codelens_" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd(options.codelens_events, {
      group = group,
      buffer = bufnr,
      callback = function()
        pcall(vim.lsp.codelens.refresh)
      end,
    })
    pcall(vim.lsp.codelens.refresh)
  end
  local maps = options.keymaps or {}
  if maps.run_lens then
    vim.keymap.set("n", maps.run_lens, vim.lsp.codelens.run, { buffer = bufnr, desc = "base44: run code lens" })
  end
  if maps.code_action then
    vim.keymap.set("n", maps.code_action, vim.lsp.buf.code_action, { buffer = bufnr, desc = "base44: code action" })
  end
  if options.on_attach then
    options.on_attach(client, bufnr)
  end
end
M.on_attach = on_attach

--- The client configuration for a root folder: for vim.lsp.start, vim.lsp.start_client, or
--- (without root_dir) nvim-lspconfig / vim.lsp.config.
function M.config(root_dir)
  return {
    name = "base44",
    cmd = options.cmd,
    filetypes = options.filetypes,
    root_dir = root_dir,
    -- For vim.lsp.config (0.11+), which finds the root itself.
    root_markers = { "base44" },
    init_options = options.settings.base44,
    settings = options.settings,
    commands = client_commands,
    on_attach = on_attach,
  }
end

--- The config lsp/base44.lua gives `vim.lsp.enable("base44")` (0.11+): the defaults (or what setup()
--- was given), the root found by the same rule as attach() (the nearest folder holding a base44/
--- folder; none: no client), and the client-side commands. Override with vim.lsp.config("base44", {...}).
function M.lsp_config()
  local config = M.config(nil)
  config.root_markers = nil
  config.root_dir = function(bufnr, on_dir)
    local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
    if root then
      on_dir(root)
    end
  end
  return config
end

local function find_client(root)
  local id = clients_by_root[root]
  if id and vim.lsp.get_client_by_id(id) and not vim.lsp.client_is_stopped(id) then
    return id
  end
  return nil
end

--- Starts (or reuses) the server for a buffer when the buffer belongs to a Base44 app.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
  if not root then
    return nil
  end
  if vim.fn.executable(options.cmd[1]) ~= 1 then
    vim.notify("base44: " .. options.cmd[1] .. " is not executable (set cmd in require('base44').setup)", vim.log.levels.ERROR)
    return nil
  end
  if vim.lsp.start then
    return vim.lsp.start(M.config(root), { bufnr = bufnr })
  end
  local id = find_client(root)
  if not id then
    id = vim.lsp.start_client(M.config(root))
    if not id then
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- The buffer's base44 client, else any running one (e.g. when the response split has the focus).
local function base44_client(bufnr)
  for _, client in pairs(clients(bufnr or vim.api.nvim_get_current_buf())) do
    if client.name == "base44" then
      return client
    end
  end
  for _, client in pairs(clients(nil)) do
    if client.name == "base44" then
      return client
    end
  end
  return nil
end

local function define_commands()
  vim.api.nvim_create_user_command("Base44Lens", function()
    vim.lsp.codelens.run()
  end, { desc = "base44: run the code lens on this line (e.g. ▶ Invoke)" })
  vim.api.nvim_create_user_command("Base44Invoke", function(cmd)
    local client = base44_client(0)
    if not client then
      vim.notify("base44: no base44-lsp client for this buffer", vim.log.levels.ERROR)
      return
    end
    local name, json = cmd.args:match("^%s*(%S+)%s*(.*)$")
    if not name then
      vim.notify("base44: usage :Base44Invoke <function> [json]", vim.log.levels.ERROR)
      return
    end
    local data = vim.NIL
    if json ~= "" then
      local ok, decoded = pcall(vim.json.decode, json)
      if not ok then
        vim.notify("base44: the data is not JSON: " .. tostring(decoded), vim.log.levels.ERROR)
        return
      end
      data = decoded
    end
    -- The uri tells the server which project's function is meant.
    local file = vim.api.nvim_buf_get_name(0)
    local uri = (file ~= "" and M.find_root(file)) and vim.uri_from_fname(file)
      or vim.uri_from_fname(client.config.root_dir .. "/base44")
    M.invoke(client, { ["function"] = name, data = data, uri = uri }, 0)
  end, { nargs = "+", desc = "base44: invoke a function with optional JSON data" })
  vim.api.nvim_create_user_command("Base44GenerateTypes", function()
    local client = base44_client(0)
    if client then
      request(client, "workspace/executeCommand", { command = "base44.generateTypes", arguments = {} }, function(err, result)
        if err then
          vim.notify("base44: " .. tostring(err.message), vim.log.levels.ERROR)
        else
          vim.notify("base44: wrote " .. table.concat((result or {}).written or {}, ", "))
        end
      end, 0)
    end
  end, { desc = "base44: write base44/.types/types.d.ts" })
end

local function merge_options(opts)
  opts = opts or {}
  local merged = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts)
  -- tbl_deep_extend merges lists index by index: a shorter list from the user must replace ours.
  for _, key in ipairs({ "cmd", "filetypes", "codelens_events" }) do
    if opts[key] ~= nil then
      merged[key] = opts[key]
    end
  end
  return merged
end

--- setup({ cmd = { "/path/to/base44-lsp" }, settings = { base44 = {...} }, keymaps = {...}, on_attach = fn })
function M.setup(opts)
  options = merge_options(opts)
  define_commands()
  local group = vim.api.nvim_create_augroup("base44_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Buffers opened before setup() ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(options.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

--- Registers base44 with nvim-lspconfig: require("base44").lspconfig({ cmd = {...} }).
function M.lspconfig(opts)
  options = merge_options(opts)
  define_commands()
  local configs = require("lspconfig.configs")
  if not configs.base44 then
    local config = M.config(nil)
    config.root_dir = require("lspconfig.util").root_pattern("base44")
    -- lspconfig reads `commands` as user commands to create: register the client-side handlers globally.
    config.commands = nil
    for name, handler in pairs(client_commands) do
      vim.lsp.commands[name] = handler
    end
    configs.base44 = { default_config = config }
  end
  require("lspconfig").base44.setup({})
end

return M
