-- Headless Neovim test of require("base44").setup() (Neovim 0.7+): attaches the server to a copy of
-- examples/shop and checks diagnostics, completion, and an invoke through the code action (the path
-- Helix uses too). Run by scripts/test-nvim, which sets BASE44_LSP (server binary), BASE44_APP (the
-- app copy), BASE44_NVIM_DIR (editors/nvim) and BASE44_DENO (the deno that runs functions).
local H = dofile(os.getenv("BASE44_NVIM_DIR") .. "/test/harness.lua")

H.run("test-nvim setup()", function()
  require("base44").setup({ cmd = { H.server }, settings = { base44 = { deno = { path = H.deno } } } })

  local bufnr, client = H.open("src/pages/Checkout.jsx")
  H.report(vim.bo[bufnr].filetype == "javascriptreact", "Checkout.jsx has filetype javascriptreact", vim.bo[bufnr].filetype)
  H.report(client ~= nil, "base44-lsp attached and initialized")
  if not client then
    return
  end
  H.check_root(client)

  -- Diagnostics: the typo orders/refnd is an unknown function.
  local typo_line = H.find(bufnr, '"orders/refnd"')
  assert(typo_line, "the example no longer contains orders/refnd")
  local unknown, seen = H.diagnostic(bufnr, "unknown-function")
  if unknown then
    H.report(unknown.lnum == typo_line, "unknown-function diagnostic on the orders/refnd line",
      string.format("line %d, expected %d", unknown.lnum, typo_line))
    H.report(unknown.severity == vim.diagnostic.severity.ERROR, "unknown-function is an error")
    H.report(unknown.source == "base44", "diagnostic source is base44", tostring(unknown.source))
    H.report((unknown.message or ""):find("orders/refnd", 1, true) ~= nil, "message names orders/refnd", unknown.message)
  else
    H.report(false, "unknown-function diagnostic published for Checkout.jsx", seen)
  end
  local others = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if H.code_of(d) == "unknown-function" and d.lnum ~= typo_line then
      others = others + 1
    end
  end
  H.report(others == 0, "no unknown-function on the correctly named calls", others .. " extra")

  -- A data key the function never reads: `orderID` where process-order reads `orderId`.
  local key_line = H.find(bufnr, "{ orderID:")
  assert(key_line, "the example no longer passes orderID")
  local key, keys_seen = H.diagnostic(bufnr, "unknown-input")
  H.report(key ~= nil and key.lnum == key_line, "unknown-input diagnostic on the orderID line", key and key.message or keys_seen)

  -- Completion right after the opening quote of invoke("process-order", …).
  local call_line, quote_col = H.find(bufnr, 'invoke("')
  assert(call_line, "the example no longer contains invoke(\"")
  local labels = H.completion_labels(bufnr, client, call_line, quote_col)
  local missing, offered = H.missing_functions(labels)
  H.report(#missing == 0, "completion inside invoke(\"\") offers every function of the app",
    "missing " .. table.concat(missing, ", ") .. "; offered: " .. table.concat(offered, ", "))
  H.report(labels["stock-check"] == nil, "completion offers checkStock by its configured name, not its folder")

  H.invoke_through_code_action()
end)
