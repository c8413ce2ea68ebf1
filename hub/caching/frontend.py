"""Telling a CDN or Varnish in front of the hub which addresses to forget, through Wagtail's
frontend cache (``wagtail.contrib.frontend_cache``), configured from the environment
(``hub/settings/production.py``, docs/deploy.md).

When a page changes: the page in every language, and what lists it in every language (its
section index and home page, the pages of its topics, the sitemap, and what apps add with the
``hub_cached_addresses_of_page`` hook, such as an event's calendar files). When something
shows on every page (site settings, the navigation and the pages the footer links, a venue,
a topic's name, a picture): every address the hub has (``hub_cached_addresses`` adds those
that are not pages). Addresses that moved are forgotten at their old place too.

Addresses with a query (search, page 2, filters) cannot all be named: a CDN keeps those for a
minute at most (``hub/caching/middleware.py``).
"""

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site

from hub.public import public_pages
from hub.topics.names import tagged_item_models


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def is_everywhere(page):
    """Does a change to this page show on every page? The home pages do, and the sections the
    navigation lists (pages every page links to are found when the change is committed:
    ``linked_from_every_page``)."""
    return page.depth <= 2 or (page.depth == 3 and page.show_in_menus)


def linked_from_every_page(pages):
    """Are any of ``pages``, in any language, linked from every page's furniture (hub.furniture):
    a footer link, the accessibility statement or "Cover your tracks"? Their titles and
    addresses are on every page, and they leave it when unpublished."""
    linked = set()
    for hub in apps.get_model("hub", "HubSettings").objects.all():
        linked |= {link["value"].get("page") for link in hub.footer_links.raw_data}
        linked |= {hub.accessibility_statement_id, hub.cover_your_tracks_id}
    linked.discard(None)
    keys = {page.translation_key for page in pages}
    return Page.objects.filter(pk__in=linked, translation_key__in=keys).exists()


def forget(pages=(), moved=(), topics=(), addresses=(), everything=False):
    """Asks the CDN to forget the addresses of ``pages`` (ids) and what lists them, of pages
    ``moved`` from ((id, old url_path)), of ``topics`` (tag ids), ``addresses`` themselves
    (a deleted page's); or every address."""
    batch = PurgeBatch(addresses)
    changed = list(Page.objects.filter(pk__in=set(pages)).specific())
    if everything or (changed and linked_from_every_page(changed)):
        batch.add_urls(every_address())
    for page in changed:
        batch.add_urls(addresses_around(page))
    for page_id, old_url_path in moved:
        batch.add_urls(old_addresses(page_id, old_url_path))
    batch.add_urls(topic_addresses(Tag.objects.filter(pk__in=set(topics))))
    batch.purge()
    return batch.urls


def page_addresses(page):
    """The page's own addresses (with the paths it says it has under it)."""
    url = page.get_full_url()
    if not url:
        return []
    return [url.rstrip("/") + "/" + path.lstrip("/") for path in page.get_cached_paths()]


def addresses_around(page):
    """The page and what lists or links it, in every language."""
    addresses = []
    versions = list(page.get_translations(inclusive=True).specific())
    for version in versions:
        addresses += page_addresses(version)
        for ancestor in version.get_ancestors().filter(depth__gt=1):
            addresses += page_addresses(ancestor)
        tags = getattr(version, "tags", None)
        if tags is not None:
            addresses += topic_addresses(tags.all())
        for hook in hooks.get_hooks("hub_cached_addresses_of_page"):
            addresses += [absolute(version, path) for path in hook(version)]
    for reference in ReferenceIndex.get_references_to(page).select_related("base_content_type"):
        model = reference.base_content_type.model_class()
        if model is not None and issubclass(model, Page):
            linking = Page.objects.filter(pk=reference.object_id).first()
            if linking is not None:
                addresses += page_addresses(linking)
    addresses += [site.root_url + reverse("sitemap") for site in Site.objects.all()]
    return addresses


def absolute(page, path):
    if "://" in path:
        return path
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    return site.root_url + path if site else path


def topic_addresses(tags):
    """Each topic's page, in every language."""
    addresses = []
    roots = [site.root_url for site in Site.objects.all()]
    for tag in tags:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                path = reverse("topic", kwargs={"slug": tag.slug})
            addresses += [root + path for root in roots]
    return addresses


def old_addresses(page_id, old_url_path):
    """Where a page that moved (or got a new slug), and every page under it, used to be."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or old_url_path == page.url_path:
        return []
    home = "/" + page.url_path.split("/")[1] + "/"
    if not old_url_path.startswith(home):
        return []  # moved to another language's tree: its old home is not known here
    addresses = []
    for each in Page.objects.descendant_of(page, inclusive=True):
        url = each.get_full_url()
        if not url:
            continue
        tail_now = each.url_path[len(home) :]
        tail_before = old_url_path[len(home) :] + each.url_path[len(page.url_path) :]
        if tail_now and url.endswith(tail_now):
            addresses.append(url[: -len(tail_now)] + tail_before)
    return addresses


def every_address():
    """Every address the hub has: each public page in every language, every topic's page, the
    sitemap, and what apps add (calendar files)."""
    addresses = []
    for page in public_pages().filter(depth__gt=1).specific():
        addresses += page_addresses(page)
    shown = public_pages().values("pk")
    used = set()
    for through in tagged_item_models():
        used |= set(
            through.objects.filter(content_object__in=shown).values_list("tag_id", flat=True)
        )
    addresses += topic_addresses(Tag.objects.filter(pk__in=used))
    for site in Site.objects.all():
        addresses.append(site.root_url + reverse("sitemap"))
        for hook in hooks.get_hooks("hub_cached_addresses"):
            addresses += [site.root_url + path for path in hook()]
    return addresses
