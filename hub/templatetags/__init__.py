"""Template tags: hub_tags (public pages) and translation_editor (the translation editor's
override)."""
