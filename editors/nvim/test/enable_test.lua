-- Headless Neovim 0.11+ test of lsp/base44.lua: no plugin and no setup(), only
--   vim.lsp.config("base44", { cmd = … }) and vim.lsp.enable("base44")
-- on a copy of examples/shop: attach (root found from base44/), diagnostics, completion, hover, the
-- did-you-mean quick fix applied to the buffer, and an invoke through the ▶ Invoke code action.
-- Run by scripts/test-nvim with the same environment as lsp_test.lua.
local H = dofile(os.getenv("BASE44_NVIM_DIR") .. "/test/harness.lua")

H.run("test-nvim vim.lsp.enable", function()
  assert(vim.fn.has("nvim-0.11") == 1, "vim.lsp.enable needs Neovim 0.11+, this is " .. tostring(vim.version()))
  vim.lsp.config("base44", { cmd = { H.server }, settings = { base44 = { deno = { path = H.deno } } } })
  -- init_options is what the server reads at startup (the settings section arrives later).
  vim.lsp.config("base44", { init_options = { deno = { path = H.deno } } })
  -- base44/status (docs/protocol.md) says when the whole index is read; hover waits for it below.
  local state
  vim.lsp.config("base44", {
    handlers = {
      ["base44/status"] = function(_, result)
        state = result and result.state
      end,
    },
  })
  vim.lsp.enable("base44")

  -- A file outside any app gets no client.
  local outside = vim.fn.tempname() .. ".js"
  vim.fn.writefile({ "export const x = 1;" }, outside)
  vim.cmd("edit " .. vim.fn.fnameescape(outside))
  vim.wait(500)
  H.report(#vim.lsp.get_clients({ bufnr = 0, name = "base44" }) == 0, "no client for a file outside a Base44 app")

  local bufnr, client = H.open("src/pages/Checkout.jsx")
  H.report(client ~= nil, "vim.lsp.enable attached base44-lsp to Checkout.jsx")
  if not client then
    return
  end
  H.check_root(client)
  H.report(client.config.cmd[1] == H.server, "vim.lsp.config's cmd is used", vim.inspect(client.config.cmd))

  local typo_line, typo_end = H.find(bufnr, '"orders/refnd')
  assert(typo_line, "the example no longer contains orders/refnd")
  local unknown, seen = H.diagnostic(bufnr, "unknown-function")
  H.report(unknown ~= nil and unknown.lnum == typo_line, "unknown-function diagnostic on the orders/refnd line", seen)

  local call_line, quote_col = H.find(bufnr, 'invoke("process-order')
  local missing, offered = H.missing_functions(H.completion_labels(bufnr, client, call_line, quote_col - #"process-order"))
  H.report(#missing == 0, "completion inside invoke(\"\") offers every function of the app",
    "missing " .. table.concat(missing, ", ") .. "; offered: " .. table.concat(offered, ", "))

  -- Hover on the function name shows its doc comment (from the entry's JSDoc), once the index is
  -- ready: before that the server only knows the names (and says the function never answers).
  H.report(H.wait(function()
    return state == "ready"
  end), "base44/status reaches ready", tostring(state))
  local hover_params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = call_line, character = quote_col - 3 } }
  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", hover_params, H.wait_ms) or {}
  local hover_text = ""
  for id, response in pairs(hover) do
    if id == client.id and response.result then
      local contents = response.result.contents
      hover_text = type(contents) == "table" and (contents.value or vim.inspect(contents)) or tostring(contents)
    end
  end
  H.report(hover_text:find("process-order", 1, true) ~= nil and hover_text:find("Marks an order as paid", 1, true) ~= nil,
    "hover on \"process-order\" shows the function and its doc comment", hover_text)
  H.report(hover_text:find("**Inputs:** `orderId`, `action`", 1, true) ~= nil and hover_text:find("- 200: `success`, `orderId`, `action`", 1, true) ~= nil,
    "hover shows the inputs the function reads and its response's keys", hover_text)

  -- A data key the function never reads (`orderID`): a warning naming the input it reads.
  local key_line = H.find(bufnr, "{ orderID:")
  assert(key_line, "the example no longer passes orderID")
  local key, keys_seen = H.diagnostic(bufnr, "unknown-input")
  H.report(key ~= nil and key.lnum == key_line and key.severity == vim.diagnostic.severity.WARN
    and (key.message or ""):find("did you mean `orderId`", 1, true) ~= nil,
    "unknown-input warning on orderID, suggesting orderId", key and key.message or keys_seen)

  -- The quick fix of the typo, chosen from the code action menu, edits the buffer.
  vim.api.nvim_win_set_cursor(0, { typo_line + 1, typo_end - 2 })
  local fix = 'Change to "orders/refund"'
  local actions = H.choose_code_action(fix)
  H.report(vim.tbl_contains(actions, fix), "quick fix offered on the typo", "offered: " .. table.concat(actions, ", "))
  local fixed = H.wait(function()
    return H.find(bufnr, 'invoke("orders/refund"') ~= nil
  end)
  H.report(fixed, "the quick fix rewrote orders/refnd to orders/refund")
  local cleared = H.wait(function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if H.code_of(d) == "unknown-function" then
        return false
      end
    end
    return true
  end)
  H.report(cleared, "the unknown-function diagnostic is gone after the fix")

  H.invoke_through_code_action()
end)
