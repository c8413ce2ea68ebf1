"""Ageing a test client's sign-in, as if time had passed (hub/accounts/sessions.py)."""

import time

from hub.accounts.sessions import LAST_SEEN, SIGNED_IN_AT


def age_session(client, *, signed_in_ago, last_seen_ago):
    """As if this client signed in `signed_in_ago` seconds ago and last did something
    `last_seen_ago` seconds ago."""
    session = client.session
    now = int(time.time())
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[LAST_SEEN] = now - last_seen_ago
    session.save()
