"""The one door to the public: which pages a reader may see listed, linked or served.

Every public listing, link, feed, sitemap, search result and language switcher asks here,
so that nothing a parent has not approved (a draft, a page waiting for review) and nothing
behind a privacy restriction (a password, a login, or under a restricted page) leaks out.
"""

from django.db.models import CharField, Q, QuerySet, Value
from wagtail.models import Page, PageViewRestriction

from hub.caching.generation import remembered


def restricted_trees():
    """(path, depth) of each page with a privacy restriction: it and every page under it are
    hidden. An alias shows its original's restriction (as Wagtail serves it), so an alias of a
    restricted page heads a hidden tree too. Read once per change (hub.caching), not once per
    listing or page served."""
    return remembered("restricted-trees", _restricted_trees)


def _restricted_trees():
    # One query: the restricted pages (with no original) and every alias with its original.
    rows = (
        PageViewRestriction.objects.order_by()
        .values_list("page__path", "page__depth", Value(None, output_field=CharField()))
        .union(
            Page.objects.filter(alias_of__isnull=False)
            .order_by()
            .values_list("path", "depth", "alias_of__path"),
            all=True,
        )
    )
    rows = list(rows)
    trees = [(path, depth) for path, depth, original in rows if original is None]
    for path, depth, original in rows:
        if original is not None and any(original.startswith(tree) for tree, _depth in trees):
            trees.append((path, depth))
    return trees


def is_restricted(page):
    """Does a privacy restriction cover the page (on it, or on a page above it)?"""
    return any(
        page.path.startswith(path) and page.depth >= depth for path, depth in restricted_trees()
    )


def is_public(page):
    """May the public see this page (a Page instance already in hand)? The same test as
    ``public_pages``, without a query: live, and under no privacy restriction."""
    return page.live and not is_restricted(page)


def public_pages(pages=None):
    """Live pages that no view restriction hides, from a model, a queryset or all pages.

    The same as Wagtail's ``.live().public()``, with the restrictions read from the cache."""
    if pages is None:
        pages = Page.objects.all()
    elif not isinstance(pages, QuerySet):
        pages = pages.objects.all()
    hidden = Q()
    for path, depth in restricted_trees():
        hidden |= Q(path__startswith=path, depth__gte=depth)
    pages = pages.live()
    return pages.exclude(hidden) if hidden else pages


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
