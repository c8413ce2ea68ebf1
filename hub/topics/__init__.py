"""Topics (tags): named in every language, renamed and merged by administrators, listed on topic
pages."""
