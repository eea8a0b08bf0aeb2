-- What the headless Neovim tests share: ok/FAIL lines and the exit status, waiting for the client,
-- finding lines of the example app, and choosing a code action as a user would in the menu.
-- Works on Neovim 0.7 and 0.12 alike.
local H = {}

H.server = os.getenv("BASE44_LSP")
H.app = os.getenv("BASE44_APP")
H.plugin_dir = os.getenv("BASE44_NVIM_DIR")
H.deno = os.getenv("BASE44_DENO")
H.wait_ms = tonumber(os.getenv("BASE44_NVIM_WAIT_MS") or "") or 20000

local failures = 0
function H.report(ok, what, detail)
  if ok then
    print("ok   " .. what)
  else
    failures = failures + 1
    print("FAIL " .. what .. (detail and (": " .. detail) or ""))
  end
end

--- Runs the test body; an error anywhere ends the run with a FAIL line, not a waiting Neovim.
function H.run(name, body)
  local ok, err = pcall(function()
    assert(H.server and H.app and H.plugin_dir, "BASE44_LSP, BASE44_APP and BASE44_NVIM_DIR must be set")
    vim.opt.runtimepath:prepend(H.plugin_dir)
    vim.cmd("filetype on")
    body()
  end)
  if not ok then
    H.report(false, "test run", tostring(err))
  end
  if failures == 0 then
    print(name .. ": PASS")
    vim.cmd("qall!")
  else
    print(string.format("%s: FAIL (%d check%s failed)", name, failures, failures == 1 and "" or "s"))
    vim.cmd("cquit! 1")
  end
end

function H.wait(predicate)
  return vim.wait(H.wait_ms, predicate, 50)
end

--- Opens a file of the app and returns its buffer and the initialized base44 client (or nil).
function H.open(relative)
  vim.cmd("edit " .. vim.fn.fnameescape(H.app .. "/" .. relative))
  local bufnr = vim.api.nvim_get_current_buf()
  local clients = require("base44").clients
  local client
  H.wait(function()
    for _, c in pairs(clients(bufnr)) do
      if c.name == "base44" and (c.initialized or c.server_capabilities) then
        client = c
        return true
      end
    end
    return false
  end)
  return bufnr, client
end

--- The client's root is the app folder (the one holding base44/), not the file's own folder.
function H.check_root(client)
  local root = vim.fn.fnamemodify(H.app, ":p"):gsub("/$", "")
  H.report(client.config.root_dir == root, "root is the app folder", client.config.root_dir)
end

--- Zero-based line and the column just after `needle` on the first line holding it (nil if none).
function H.find(bufnr, needle)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local at = line:find(needle, 1, true)
    if at then
      return index - 1, at - 1 + #needle
    end
  end
  return nil
end

function H.code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

--- Waits for a diagnostic with this code in the buffer; returns it, or nil and what was seen.
function H.diagnostic(bufnr, code)
  local found
  H.wait(function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if H.code_of(d) == code then
        found = d
        return true
      end
    end
    return false
  end)
  if found then
    return found
  end
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(seen, tostring(H.code_of(d)) .. ": " .. d.message)
  end
  return nil, #seen == 0 and "no diagnostics" or table.concat(seen, "; ")
end

--- The labels offered by a completion request at (line, col), as a set.
function H.completion_labels(bufnr, client, line, col)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", params, H.wait_ms) or {}
  local labels = {}
  for id, response in pairs(responses) do
    if id == client.id and response.result then
      for _, item in ipairs(response.result.items or response.result) do
        labels[item.label] = true
      end
    end
  end
  return labels
end

--- Every function of examples/shop missing from `labels`, and the sorted labels offered.
function H.missing_functions(labels)
  local expected = { "process-order", "send-receipt", "orders/refund", "checkStock", "stream-report", "broken-webhook" }
  local missing = vim.tbl_filter(function(name)
    return not labels[name]
  end, expected)
  local offered = vim.tbl_keys(labels)
  table.sort(offered)
  return missing, offered
end

--- Runs vim.lsp.buf.code_action() and picks `title` in the menu (vim.ui.select) as a user would.
--- Returns the titles offered. The menu's items are { client_id, action } before 0.10 and
--- { action = …, ctx = … } after.
function H.choose_code_action(title)
  local offered = {}
  local original_select = vim.ui.select
  vim.ui.select = function(items, _, on_choice)
    vim.ui.select = original_select
    for _, item in ipairs(items) do
      local action = item.action or item[2]
      table.insert(offered, action.title)
      if action.title == title then
        return on_choice(item)
      end
    end
    return on_choice(nil)
  end
  vim.lsp.buf.code_action()
  H.wait(function()
    return #offered > 0
  end)
  return offered
end

--- Waits for the invoke response split of function `name`; checks it holds the CSV stream-report sends.
function H.check_invoke_response(name)
  local response_buf
  H.wait(function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(buf):find("base44://" .. name .. "/", 1, true) then
        response_buf = buf
        return true
      end
    end
    return false
  end)
  if not response_buf then
    H.report(false, "invoke through the code action shows the response", "no response buffer")
    return
  end
  local text = table.concat(vim.api.nvim_buf_get_lines(response_buf, 0, -1, false), "\n")
  H.report(vim.bo[response_buf].filetype == "json", "the response opens as JSON")
  H.report(text:find('"status": 200', 1, true) ~= nil and text:find("2026-11-01,120", 1, true) ~= nil,
    "the response shows status 200 and the CSV body", text)
end

--- Invoke stream-report through the ▶ Invoke code action on its entry's Deno.serve line.
function H.invoke_through_code_action()
  local entry_buf = H.open("base44/functions/stream-report/entry.ts")
  local line = H.find(entry_buf, "Deno.serve")
  vim.api.nvim_win_set_cursor(0, { (line or 0) + 1, 0 })
  local offered = H.choose_code_action("▶ Invoke stream-report")
  H.report(vim.tbl_contains(offered, "▶ Invoke stream-report"), "code action \"▶ Invoke stream-report\" on the entry",
    "offered: " .. table.concat(offered, ", "))
  H.check_invoke_response("stream-report")
end

return H
