"""Benchmark harness for base44-lsp: workspace generator, LSP client, measures, report."""
