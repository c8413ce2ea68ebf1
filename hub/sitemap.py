"""The sitemap lists every live page in every language, each with its translations."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from hub.public import public_pages


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers one tree (the English one); this covers the site's tree in
    every language and links each page to its translations (hreflang and x-default), so a
    search engine sends a Welsh reader to the Welsh page."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q(pk__in=[])
        for home in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of_q(home, inclusive=True)
        return public_pages().filter(trees).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        versions = defaultdict(list)
        for item in items:
            versions[item.translation_key].append(item)
        urls = []
        for item in items:
            alternates = []
            if len(versions[item.translation_key]) > 1:
                for version in versions[item.translation_key]:
                    location = version.get_full_url(self.request)
                    code = languages[version.locale_id]
                    alternates.append({"location": location, "lang_code": code})
                    if code == settings.LANGUAGE_CODE:
                        alternates.append({"location": location, "lang_code": "x-default"})
            for info in item.get_sitemap_urls(self.request):
                urls.append({**info, "alternates": alternates})
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
