"""Views of the site as a whole (not of one kind of content): pages, robots.txt."""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult

from hub.furniture import furniture
from hub.public import is_public
from hub.review.files import FILE_CACHE_CONTROL


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
    """The live page at ``path`` in the reader's language, as Wagtail's route would find it.

    Its versions in other languages come in the same query, for the language switcher
    (hub.translation.reader.language_versions)."""
    found = furniture(request)
    if found is None:
        return None
    home_path, home_depth, home_url_path = found["home_route"]
    components = [component for component in path.split("/") if component]
    depth = home_depth + len(components)
    url_path = home_url_path + "".join(f"{component}/" for component in components)
    at_address = Q(path__startswith=home_path, depth=depth, url_path=url_path)
    pages = list(
        Page.objects.filter(
            at_address
            | Q(translation_key__in=Page.objects.filter(at_address).values("translation_key"))
        ).select_related("locale")
    )
    page = next(
        (
            page
            for page in pages
            if page.path.startswith(home_path) and page.depth == depth and page.url_path == url_path
        ),
        None,
    )
    if page is None or not page.live:
        return None
    request._hub_translation_urls = (
        page.pk,
        {each.locale.language_code: each.get_url(request) for each in pages if is_public(each)},
    )
    return RouteResult(page.specific)


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, without the ``Content-Encoding: None`` it sends with a file
    that has no encoding (its sendfile sets the header to its guess, even when that is None).
    "None" is no content coding: a leaflet is sent as it is, so the header must be absent, or a
    client or proxy that decodes what it is told may spoil or refuse the download."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    if response.status_code == 200:
        response["Cache-Control"] = FILE_CACHE_CONTROL
    return response


@require_safe
def robots_txt(request):
    # Search results in every language: each language's search page has its own address.
    searches = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('search')}")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *dict.fromkeys(searches),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
