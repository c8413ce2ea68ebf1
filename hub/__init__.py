"""The project (settings, URLs) and what every page shares; features in hub/review,
hub/translation, hub/topics."""
