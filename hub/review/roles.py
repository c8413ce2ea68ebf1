"""The hub's roles, by name: comms staff write and submit; parent reviewers approve or send
back; hub administrators run the hub and may publish directly in an emergency.

The groups, their permissions and the parent review workflow are made by data migrations
(`hub/migrations/0003`, `0006`, `0008`, `0009`), each carrying the data it applies, so a later
change here never changes what an install has. The README's "Parent review" section says
what each role can do; `tests/review/roles/` checks it against every admin screen.
"""

COMMS_STAFF = "Comms staff"
PARENT_REVIEWERS = "Parent reviewers"
HUB_ADMINISTRATORS = "Hub administrators"

PARENT_REVIEW_WORKFLOW = "Parent review"
PARENT_REVIEW_TASK = "Parent panel review"
