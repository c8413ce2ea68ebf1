"""The people tests act as: members of the hub's real groups."""

# Every test user's password.
PASSWORD = "a-long-pass-phrase"
