"""The hub's admin hooks live with their features; Wagtail loads this module, which loads them."""

from hub.accounts import wagtail_hooks as accounts_hooks  # noqa: F401
from hub.review import wagtail_hooks as review_hooks  # noqa: F401
from hub.topics import wagtail_hooks as topics_hooks  # noqa: F401
from hub.translation import wagtail_hooks as translation_hooks  # noqa: F401
