"""The partnership's charters: the co-production charter and the parent rights charter."""
