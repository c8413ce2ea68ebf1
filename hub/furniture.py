"""The page furniture: what every public page shows around its own content, in the reader's
language. The header's home link and tagline, the menu, the footer's links, "Cover your
tracks", each language's home page (for the language switcher), and the home page that
addresses are served from.

All of it is worked out together, in two queries, once per site, language and change
(hub.caching), and then shared by every page and every worker until the next change.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext
from wagtail.models import Page, Site

from hub.caching.generation import remembered
from hub.public import is_public
from hub.translation.reader import reader_language


def furniture(request):
    """The furniture of the request's site in the reader's language (see the module's
    docstring), or None for a request no site answers."""
    found = getattr(request, "_hub_furniture", None)
    if found is None:
        site = Site.find_for_request(request)
        if site is None:
            return None
        # The site's settings (hub.models, which shows breadcrumbs from here).
        hub = apps.get_model("hub", "HubSettings").for_request(request)
        found = remembered(
            "furniture", lambda: _furniture(site, hub, request), site.pk, reader_language()
        )
        request._hub_furniture = found
    return found


def _furniture(site, hub, request):
    language = reader_language()
    root = site.root_page
    # The footer's links as stored: (page id, label); a page chosen there may since be gone.
    footer = [
        (link["value"].get("page"), link["value"].get("label", ""))
        for link in hub.footer_links.raw_data
    ]
    linked_ids = [
        pk
        for pk in [pk for pk, _label in footer]
        + [hub.accessibility_statement_id, hub.cover_your_tracks_id]
        if pk is not None
    ]
    sections = Q(path__startswith=root.path, depth=root.depth + 1, show_in_menus=True)
    wanted = sections | Q(pk__in=linked_ids)
    # What the home page's type shows on every page (its tagline...), read with it.
    home_model = root.specific_class or Page
    home_fields = {
        f"home_{name}": Subquery(home_model.objects.filter(pk=OuterRef("pk")).values(name)[:1])
        for name in getattr(home_model, "shown_on_every_page", [])
    }
    # One query: the home page in every language, the menu's sections and the linked pages,
    # with their versions in the reader's language. Who may see each is decided below.
    pages = list(
        Page.objects.filter(
            wanted
            | Q(translation_key=root.translation_key)
            | Q(
                translation_key__in=Page.objects.filter(wanted).values("translation_key"),
                locale__language_code=language,
            )
        )
        .select_related("locale")
        .annotate(**home_fields)
        .order_by("path")
    )
    by_pk = {page.pk: page for page in pages}
    in_language = {
        page.translation_key: page
        for page in pages
        if page.locale.language_code == language and is_public(page)
    }

    def shown(pk):
        """The page in the reader's language if the public may see it there, else itself if
        the public may see it, else None (as hub.translation.reader.localized_pages)."""
        page = by_pk.get(pk)
        if page is None:
            return None
        return in_language.get(page.translation_key) or (page if is_public(page) else None)

    homes = [page for page in pages if page.translation_key == root.translation_key]
    # The home page's children shown in menus that the public may see, in tree order.
    menu = [
        page
        for page in pages
        if page.path.startswith(root.path)
        and page.depth == root.depth + 1
        and page.show_in_menus
        and is_public(page)
    ]
    return {
        **_home(root, homes, language, request, hub),
        "menu": [
            {"title": page.title, "url": page.get_url(request=request), "page": page}
            for page in filter(None, (shown(section.pk) for section in menu))
        ],
        "footer": _footer_links(hub, footer, shown, language),
        "cover_your_tracks": _cover_your_tracks(shown(hub.cover_your_tracks_id), language),
        # Every page fetched, by tree path: the breadcrumbs of a section's pages are here.
        "by_path": {page.path: page for page in pages},
    }


def _home(root, homes, language, request, hub):
    """The home page shown (its tagline and contact hours are in every header and footer),
    every language's home page for the switcher, and where addresses are served from."""
    served = next(
        (home for home in homes if home.locale.language_code == language and home.live), root
    )
    shown = next(
        (home for home in homes if home.locale.language_code == language and is_public(home)),
        root,
    )
    return {
        # {"tagline": ..., "contact_hours": ...}: see HomePage.shown_on_every_page.
        "home": {
            name.removeprefix("home_"): value
            for name, value in vars(shown).items()
            if name.startswith("home_")
        }
        # The site's name in the reader's language: the home page's title for search engines,
        # where the source home page's is the organisation's name (so its translation is too).
        | {"name": shown.seo_title if root.seo_title.strip() == hub.organisation_name else ""},
        "home_url": shown.get_url(request=request) or "/",
        # Not an alias: wagtail-localize makes one of the home page when a page under it is
        # translated first, and it shows the English words.
        "home_urls": {
            home.locale.language_code: home.get_url(request)
            for home in homes
            if is_public(home) and home.alias_of_id is None
        },
        "home_route": (served.path, served.depth, served.url_path),
    }


def _footer_links(hub, footer, shown, language):
    """[(page, label, label's language if not the reader's)], the accessibility statement
    last. Links to pages the public may not see (drafts, restricted or deleted pages) are left
    out. The settings' labels are in the source language; a page translated into the reader's
    language is named by its own title instead."""
    source = settings.LANGUAGE_CODE
    links = [(pk, label, source) for pk, label in footer]
    if hub.accessibility_statement_id:
        links.append((hub.accessibility_statement_id, gettext("Accessibility statement"), language))
    result = []
    for pk, label, label_language in links:
        linked = shown(pk)
        if linked is None:
            continue
        linked_language = linked.locale.language_code
        if not label or (linked_language == language and label_language != language):
            label, label_language = linked.title, linked_language
        result.append((linked, label, "" if label_language == language else label_language))
    return result


def _cover_your_tracks(page, language):
    if page is None:
        return None
    code = page.locale.language_code
    return {
        "title": page.title,
        "url": page.get_url(),
        "language": "" if code == language else code,
    }


def breadcrumbs(request, page):
    """The page's ancestors below the root, for the breadcrumbs component: from the furniture
    where it holds them all (the home page and the menu's sections), else from the database."""
    found = furniture(request) if request is not None else None
    if found is not None:
        steps = range(2 * page.steplen, len(page.path), page.steplen)  # depth 2 to the parent
        crumbs = [found["by_path"].get(page.path[:end]) for end in steps]
        if all(crumbs):
            return crumbs
    return list(page.get_breadcrumbs())
