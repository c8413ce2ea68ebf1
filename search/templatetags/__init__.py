"""Template tags for search results."""
