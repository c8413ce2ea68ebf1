"""The hub's admin hooks live with their features; Wagtail loads this module, which loads them."""

from wagtail import hooks

from hub.accounts import wagtail_hooks as accounts_hooks  # noqa: F401
from hub.documents import DescribedDocumentLinkHandler
from hub.review import wagtail_hooks as review_hooks  # noqa: F401
from hub.topics import wagtail_hooks as topics_hooks  # noqa: F401
from hub.translation import wagtail_hooks as translation_hooks  # noqa: F401


@hooks.register("register_rich_text_features")
def describe_linked_files(features):
    """A leaflet linked in text says its type and size (hub.documents). Wagtail's documents app,
    earlier in INSTALLED_APPS, registered its own handler for the same link type first."""
    features.register_link_type(DescribedDocumentLinkHandler)
