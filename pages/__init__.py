"""The Wagtail app for structured health articles: pages, section blocks, snippets, importer."""
