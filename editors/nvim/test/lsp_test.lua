-- Headless Neovim test of base44-lsp: attaches the server through editors/nvim/lua/base44.lua to a
-- copy of examples/shop and checks diagnostics, completion, and an invoke through the code action (the
-- path Helix uses too). Run by scripts/test-nvim, which sets BASE44_LSP (server binary), BASE44_APP
-- (the app copy), BASE44_NVIM_DIR (editors/nvim) and BASE44_DENO (the deno that runs functions).
local server = os.getenv("BASE44_LSP")
local app = os.getenv("BASE44_APP")
local plugin_dir = os.getenv("BASE44_NVIM_DIR")
local deno = os.getenv("BASE44_DENO")
local wait_ms = tonumber(os.getenv("BASE44_NVIM_WAIT_MS") or "") or 20000

local failures = 0
local function report(ok, what, detail)
  if ok then
    print("ok   " .. what)
  else
    failures = failures + 1
    print("FAIL " .. what .. (detail and (": " .. detail) or ""))
  end
end

local function finish()
  if failures == 0 then
    print("test-nvim: PASS")
    vim.cmd("qall!")
  else
    print(string.format("test-nvim: FAIL (%d check%s failed)", failures, failures == 1 and "" or "s"))
    vim.cmd("cquit! 1")
  end
end

-- An error anywhere must end the run with a FAIL line, not leave Neovim waiting.
local ok, err = pcall(function()
  assert(server and app and plugin_dir, "BASE44_LSP, BASE44_APP and BASE44_NVIM_DIR must be set")
  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd("filetype on")
  local base44 = require("base44")
  base44.setup({ cmd = { server }, settings = { base44 = { deno = { path = deno } } } })

  local checkout = app .. "/src/pages/Checkout.jsx"
  vim.cmd("edit " .. vim.fn.fnameescape(checkout))
  local bufnr = vim.api.nvim_get_current_buf()
  report(vim.bo[bufnr].filetype == "javascriptreact", "Checkout.jsx has filetype javascriptreact", vim.bo[bufnr].filetype)

  local client
  vim.wait(wait_ms, function()
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == "base44" and c.initialized then
        client = c
        return true
      end
    end
    return false
  end, 50)
  report(client ~= nil, "base44-lsp attached and initialized")
  if not client then
    return
  end
  report(client.config.root_dir == vim.fn.fnamemodify(app, ":p"):gsub("/$", ""), "root is the app folder", client.config.root_dir)

  -- Diagnostics: the typo orders/refnd is an unknown function.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local typo_line
  for index, line in ipairs(lines) do
    if line:find('"orders/refnd"', 1, true) then
      typo_line = index - 1
    end
  end
  assert(typo_line, "the example no longer contains orders/refnd")
  local unknown
  vim.wait(wait_ms, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == "unknown-function" then
        unknown = d
        return true
      end
    end
    return false
  end, 50)
  if unknown then
    report(unknown.lnum == typo_line, "unknown-function diagnostic on the orders/refnd line",
      string.format("line %d, expected %d", unknown.lnum, typo_line))
    report(unknown.severity == vim.diagnostic.severity.ERROR, "unknown-function is an error")
    report(unknown.source == "base44", "diagnostic source is base44", tostring(unknown.source))
    report((unknown.message or ""):find("orders/refnd", 1, true) ~= nil, "message names orders/refnd", unknown.message)
  else
    local seen = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(seen, tostring(d.code) .. ": " .. d.message)
    end
    report(false, "unknown-function diagnostic published for Checkout.jsx",
      #seen == 0 and "no diagnostics" or table.concat(seen, "; "))
  end
  local others = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "unknown-function" and d.lnum ~= typo_line then
      others = others + 1
    end
  end
  report(others == 0, "no unknown-function on the correctly named calls", others .. " extra")

  -- Completion right after the opening quote of invoke("process-order", …).
  local call_line, quote_col
  for index, line in ipairs(lines) do
    local at = line:find('invoke("process-order"', 1, true)
    if at then
      call_line = index - 1
      quote_col = at - 1 + #'invoke("'
    end
  end
  assert(call_line, "the example no longer contains invoke(\"process-order\"")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = call_line, character = quote_col },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", params, wait_ms) or {}
  local labels = {}
  for id, response in pairs(responses) do
    if id == client.id and response.result then
      local items = response.result.items or response.result
      for _, item in ipairs(items) do
        labels[item.label] = true
      end
    end
  end
  local expected = { "process-order", "send-receipt", "orders/refund", "checkStock", "stream-report", "broken-webhook" }
  local missing = {}
  for _, name in ipairs(expected) do
    if not labels[name] then
      table.insert(missing, name)
    end
  end
  local offered = vim.tbl_keys(labels)
  table.sort(offered)
  report(#missing == 0, "completion inside invoke(\"\") offers every function of the app",
    "missing " .. table.concat(missing, ", ") .. "; offered: " .. table.concat(offered, ", "))
  report(labels["stock-check"] == nil, "completion offers checkStock by its configured name, not its folder")

  -- Invoke through the code action on a function's entry, choosing it as a user would in the menu.
  vim.cmd("edit " .. vim.fn.fnameescape(app .. "/base44/functions/stream-report/entry.ts"))
  local entry_buf = vim.api.nvim_get_current_buf()
  vim.wait(wait_ms, function()
    return #vim.lsp.buf_get_clients(entry_buf) > 0
  end, 50)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(entry_buf, 0, -1, false)) do
    if line:find("Deno.serve", 1, true) then
      vim.api.nvim_win_set_cursor(0, { index, 0 })
    end
  end
  local offered_actions = {}
  local original_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(offered_actions, action.title)
      if action.title == "▶ Invoke stream-report" then
        vim.ui.select = original_select
        return on_choice(item)
      end
    end
    vim.ui.select = original_select
    return on_choice(nil)
  end
  vim.lsp.buf.code_action()
  local response_buf
  vim.wait(wait_ms, function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(buf):find("base44://stream-report/", 1, true) then
        response_buf = buf
        return true
      end
    end
    return false
  end, 50)
  report(vim.tbl_contains(offered_actions, "▶ Invoke stream-report"), "code action \"▶ Invoke stream-report\" on the entry",
    "offered: " .. table.concat(offered_actions, ", "))
  if response_buf then
    local text = table.concat(vim.api.nvim_buf_get_lines(response_buf, 0, -1, false), "\n")
    report(vim.bo[response_buf].filetype == "json", "the response opens as JSON")
    report(text:find('"status": 200', 1, true) ~= nil and text:find("2026-11-01,120", 1, true) ~= nil,
      "the response shows status 200 and the CSV body", text)
  else
    report(false, "invoke through the code action shows the response", "no response buffer")
  end
end)
if not ok then
  report(false, "test run", tostring(err))
end
finish()
