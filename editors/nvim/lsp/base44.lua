-- base44-lsp for Neovim 0.11+ without a plugin: with editors/nvim on the runtimepath,
--   vim.lsp.enable("base44")
-- starts the server for JavaScript/TypeScript buffers inside a Base44 app (a folder holding base44/),
-- and ▶ Invoke code actions and lenses show the function's answer. Change anything with
--   vim.lsp.config("base44", { cmd = { "/path/to/base44-lsp" }, settings = { base44 = { ... } } })
-- require("base44").setup() adds user commands (:Base44Invoke, :Base44Lens) and keymaps on top.
return require("base44").lsp_config()
