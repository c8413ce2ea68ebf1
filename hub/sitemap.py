"""The sitemap lists every live, public page in every language, each with its translations.

Wagtail's sitemap covers one tree (the English one). `MultilingualSitemap.items` covers the
site's tree in every language; `BasePage.get_sitemap_urls` (Wagtail's hook for a page's
entries) adds each page's translations as hreflang alternates, with x-default for English,
so a search engine sends a Welsh reader to the Welsh page.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from hub.public import public_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q(pk__in=[])
        for home in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of_q(home, inclusive=True)
        # Each page as its own type (BasePage.get_sitemap_urls adds its translations), with its
        # own fields left unread: a sitemap entry needs only the address and the date, and so
        # no query per page type.
        return public_pages().filter(trees).order_by("path").specific(defer=True)


def alternates_for(page, request):
    """The page's versions as sitemap alternates ({"location", "lang_code"}), or [] when it
    has none. Every public page's versions are read once per request, in one query."""
    versions = getattr(request, "_hub_sitemap_versions", None)
    if versions is None:
        versions = defaultdict(list)
        for version in public_pages().select_related("locale"):
            versions[version.translation_key].append(version)
        if request is not None:
            request._hub_sitemap_versions = versions
    mine = versions.get(page.translation_key, [])
    if len(mine) < 2:
        return []
    alternates = []
    for version in mine:
        location = version.get_full_url(request)
        code = version.locale.language_code
        alternates.append({"location": location, "lang_code": code})
        if code == settings.LANGUAGE_CODE:
            alternates.append({"location": location, "lang_code": "x-default"})
    return alternates
