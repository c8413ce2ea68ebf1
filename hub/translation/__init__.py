"""Translation: languages from configuration, locales, readers' fallbacks, translations through
parent review, status."""
