"""Settings: base (shared), dev, test and production (from the environment)."""
