"""'You said, we did': what parents said, what changed, and what could not change and why."""
