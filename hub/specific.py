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
def child_paths():
    """For each page type, the select_related path from Page to it ("guidepage"; a type
    inheriting from another page type: "guidepage__easyguidepage")."""
    paths = {}
    for model in get_page_models():
        if model is Page or model._meta.proxy:
            continue
        chain = [model] + [
            parent for parent in model._meta.get_parent_list() if issubclass(parent, Page)
        ]
        # get_parent_list() runs from the nearest parent up to Page; the path runs down.
        names = [each._meta.model_name for each in reversed(chain) if each is not Page]
        paths[model] = "__".join(names)
    return paths


def specific_pages(pages, models):
    """The pages of a queryset in its order, each as its own type, with its locale. Only the
    tables of ``models``, the page types the pages may be of, are joined (each join makes the
    query slower to build); a page of another type comes back as a Page."""
    models = set(models)
    paths = {model: path for model, path in child_paths().items() if model in models}
    return [own_type(page, paths) for page in pages.select_related("locale", *paths.values())]


def own_type(page, paths):
    model = page.specific_class
    if model is None or model not in paths:
        return page
    specific = page
    try:
        for name in paths[model].split("__"):
            specific = getattr(specific, name)
    except ObjectDoesNotExist:  # a page whose own row is missing: Wagtail serves it as a Page
        return page
    Page._meta.get_field("locale").set_cached_value(specific, page.locale)
    return specific
