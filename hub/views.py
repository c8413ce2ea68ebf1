"""Views of the site as a whole (not of one kind of content): pages, robots.txt."""

from django.db.models import Q, Subquery
from django.http import HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.models import Page, Site, get_page_models
from wagtail.url_routing import RouteResult

from hub.caching.generation import remembered


def serve_page(request, path):
    """Wagtail's own serve view, with the page found by its address in two queries.

    Wagtail walks the tree from the home page one level at a time (two queries a level, and
    three to find the home page in the reader's language). No page type here changes how
    addresses are routed, so the page whose URL path is the address is the one that walk would
    find; Wagtail then serves it as always (privacy restrictions, hooks, its own 404)."""
    if ROUTES_BY_ADDRESS:
        request._wagtail_route_for_request = find_page(request, path)
    return wagtail_views.serve(request, path)


def _overrides_routing(model):
    return model.route is not Page.route


# Settled when the URLs load: a page type with its own routing (RoutablePageMixin...) would
# answer addresses that are not pages, so then Wagtail's walk is used for every page.
ROUTES_BY_ADDRESS = not any(_overrides_routing(model) for model in get_page_models())


def find_page(request, path):
    """The live page at ``path`` in the reader's language, as Wagtail's route would find it."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home_path, home_depth, home_url_path = remembered(
        "home-for-language", lambda: _home(site), site.pk, get_language()
    )
    components = [component for component in path.split("/") if component]
    found = (
        Page.objects.filter(
            path__startswith=home_path,
            depth=home_depth + len(components),
            url_path=home_url_path + "".join(f"{component}/" for component in components),
        )
        .only("id", "content_type_id", "live")
        .first()
    )
    if found is None or not found.live:
        return None
    return RouteResult(found.specific)


def _home(site):
    """(path, depth, url_path) of the site's home page in the reader's language, if it is
    live in it, else in the source language (as Wagtail's ``root_page.localized``): one query."""
    fields = ("path", "depth", "url_path")
    source_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    homes = dict(
        (row[0], row[1:])
        for row in Page.objects.filter(translation_key__in=Subquery(source_key))
        .filter(Q(pk=site.root_page_id) | Q(locale__language_code=get_language(), live=True))
        .values_list("pk", *fields)
    )
    source = homes.pop(site.root_page_id)
    return next(iter(homes.values()), source)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
