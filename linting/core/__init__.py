"""The linter's pure core: no Django import anywhere below this package (a test enforces it).

Everything here works on a plain :class:`~linting.core.document.Document`, so the same rules run
on a Wagtail page revision, an exported file or stdin.
"""
