"""Accounts that resist guessing and theft: login throttling (``throttling.py``), the second
factor (``two_factor.py``), session lifetimes (``sessions.py``) and the security audit trail
(``audit.py``)."""
