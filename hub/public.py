"""The one door to the public: which pages a reader may see listed, linked or served.

Every public listing, link, feed, sitemap, search result and language switcher asks here,
so that nothing a parent has not approved (a draft, a page waiting for review) and nothing
behind a privacy restriction (a password, a login, or under a restricted page) leaks out.
"""

from django.db.models import QuerySet
from wagtail.models import Page


def public_pages(pages=None):
    """Live pages that no view restriction hides, from a model, a queryset or all pages."""
    if pages is None:
        pages = Page.objects.all()
    elif not isinstance(pages, QuerySet):
        pages = pages.objects.all()
    return pages.live().public()


def only_public(pages):
    """The pages of a list (from foreign keys, choosers, blocks) that the public may see, in
    order; deleted ones (None) dropped. One query for the lot."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    visible = set(
        public_pages().filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in visible]
