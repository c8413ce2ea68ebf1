"""Management commands of the hub app."""
