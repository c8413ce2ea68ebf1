"""Parent review: nothing reaches the public until parents approve it (task, decisions, emails,
dashboard, reports, roles, files)."""
