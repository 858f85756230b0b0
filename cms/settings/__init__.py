"""Settings are split: base (shared), dev (make run), test (pytest), production (refuses unsafe values)."""
