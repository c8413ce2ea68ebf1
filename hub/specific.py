"""Pages of several types, each as its own type (a guide as a GuidePage), in one query.

Wagtail's ``.specific()`` fetches the pages, then each type's pages again: one query more per
type in the list, so a search results page that shows guides, events, stories and charters
makes five. Here each page type's table is joined in the same query (Django's select_related
follows a parent page to its child type), and each row comes back as its own type.
"""

from functools import cache

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page, get_page_models


@cache
def child_links():
    """For each page type, the parent links from Page down to it: one for a type that
    inherits from Page, two for a type that inherits from another page type."""
    links = {}
    for model in get_page_models():
        if model is Page or model._meta.proxy:
            continue
        chain, current = [], model
        while current is not Page:
            parent = next(each for each in current._meta.parents if issubclass(each, Page))
            chain.append(current._meta.get_ancestor_link(parent))
            current = parent
        links[model] = list(reversed(chain))
    return links


def specific_pages(pages, models):
    """The pages of a queryset in its order, each as its own type, with its locale. Only the
    tables of ``models``, the page types the pages may be of, are joined (each join makes the
    query slower to build); a page of another type comes back as a Page."""
    links = {model: chain for model, chain in child_links().items() if model in set(models)}
    # select_related follows each parent link back down, by its reverse relation's name.
    paths = ["__".join(link.related_query_name() for link in chain) for chain in links.values()]
    return [own_type(page, links) for page in pages.select_related("locale", *paths)]


def own_type(page, links):
    model = page.specific_class
    if model not in links:
        return page
    specific = page
    try:
        for link in links[model]:
            specific = getattr(specific, link.remote_field.get_accessor_name())
    except ObjectDoesNotExist:  # a page whose own row is missing: Wagtail serves it as a Page
        return page
    Page._meta.get_field("locale").set_cached_value(specific, page.locale)
    return specific
