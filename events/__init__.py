"""Events (participation sessions, forums, groups), their venues and calendar files."""
