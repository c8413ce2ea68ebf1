"""The reader's language: which version of a page to show, and which languages a page is in."""

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, override, pgettext
from wagtail.models import Locale, Page, Site

from hub.caching.generation import remembered
from hub.public import is_public, public_pages
from hub.specific import specific_pages


def reader_language():
    """The language code the reader is browsing in (from the URL prefix)."""
    return get_language() or settings.LANGUAGE_CODE


def locale_codes():
    """{locale id: language code} for every locale, read once per change."""
    return remembered(
        "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def in_reader_language(pages, as_values=False):
    """The pages in the reader's language and, where a page has no live translation in it,
    the page in the source language (English) instead.

    ``pages`` is already limited to what the public may see (live, public, ...): a draft or
    restricted translation does not hide the English page. ``as_values`` filters on lists of
    values instead of subqueries, for search engines that cannot run SQL (Elasticsearch).
    """
    # Filters on `locale` and `translation_key` only (as subqueries, so no extra queries):
    # those are the fields a search backend can filter on.
    reader = Locale.objects.filter(language_code=reader_language()).values_list("pk", flat=True)
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list(
        "pk", flat=True
    )
    if as_values:
        reader, source = list(reader), list(source)
    if reader_language() == settings.LANGUAGE_CODE:
        return pages.filter(locale__in=source)
    translated = pages.filter(locale__in=reader).values("translation_key")
    if as_values:
        translated = list(translated.values_list("translation_key", flat=True))
    return pages.filter(
        Q(locale__in=reader) | (Q(locale__in=source) & ~Q(translation_key__in=translated))
    )


def language(code, url="", current=False):
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "english_name": info["name"],
        "dir": "rtl" if info["bidi"] else "ltr",
        "url": url,
        "current": current,
    }


def language_versions(request, page=None):
    """The languages a reader can switch to from here, in the order of settings.LANGUAGES.

    For a page: only the languages it is live and public in. For other views (search, tags):
    every language, with the same address under that language's prefix.
    """
    current = reader_language()
    order = [code for code, _name in settings.LANGUAGES]
    served = getattr(request, "_hub_translation_urls", None)
    if isinstance(page, Page) and page.pk and served and served[0] == page.pk:
        # Found with the page itself (hub.views.find_page).
        urls = served[1]
    elif isinstance(page, Page) and page.pk:
        site = Site.find_for_request(request) if request is not None else None
        urls = remembered(
            "page-languages",
            lambda: _translation_urls(page, request),
            page.pk,
            site.pk if site else "",
        )
    elif page is None and request is not None:
        path = request.get_full_path()
        urls = {code: translate_url(path, code) for code in order}
    else:
        urls = {}
    return [language(code, urls[code], code == current) for code in order if urls.get(code)]


# Said in the language the switcher's item names ("Polski: strona główna (...)").
CONTEXT = "language switcher: in the language it names"


def switcher_languages(request, page=None, homes=None):
    """Every language, for the language switcher: each version of this page and, for a
    language the page is not in, that language's home page, with a note in that language.

    A page is cached per address, the same for everyone, so it cannot know which hub the
    reader came from (the Referer is not reliable, and would differ between readers of one
    cached page). So an English-only page offers every language's home page: a Polish reader
    who followed an English-only event from the Polish hub finds "Polski" and, in Polish,
    why it leads to the home page. ``homes``: {language code: address} of the site's home
    page in each language (hub.furniture).
    """
    versions = language_versions(request, page)
    if not isinstance(page, Page) or len(versions) == len(settings.LANGUAGES):
        return versions
    found = {version["code"]: version for version in versions}
    only_in_english = set(found) == {"en"}
    homes = homes or {}
    switcher = []
    for code, _name in settings.LANGUAGES:
        if code in found:
            switcher.append(found[code])
        elif homes.get(code):
            with override(code):
                home = pgettext(CONTEXT, "home page")
                why = (
                    pgettext(CONTEXT, "this page is only in English")
                    if only_in_english
                    else pgettext(CONTEXT, "this page is not in this language yet")
                )
            switcher.append({**language(code, homes[code]), "home": home, "why": why})
    return switcher


def _translation_urls(page, request):
    """{language code: address} of each live, public version of the page."""
    return {
        translation.locale.language_code: translation.get_url(request)
        for translation in public_pages(page.get_translations(inclusive=True)).select_related(
            "locale"
        )
    }


def children_in_reader_language(model, parent):
    """The live, public ``model`` pages under ``parent`` in the reader's language, with the
    source-language pages that have no translation in it.

    A section (events, stories...) has one index page per language; its English index holds
    the events nobody has translated yet, so both are looked under.
    """
    parents = getattr(parent, "_hub_reader_versions", None)
    if parents is None:  # read once for the page, however many listings it has
        parents = parent._hub_reader_versions = list(
            parent.get_translations(inclusive=True).filter(
                locale__language_code__in={reader_language(), settings.LANGUAGE_CODE}
            )
        )
    under = Q(pk__in=[])
    for each in parents:
        under |= model.objects.child_of_q(each)
    # With their locales, so marking an English stand-in needs no other query.
    return in_reader_language(public_pages(model).filter(under)).select_related("locale")


def language_of(page):
    """The language code of a page's locale, without a query where it can be helped."""
    if Page.locale.is_cached(page):
        return page.locale.language_code
    return locale_codes().get(page.locale_id, "")


def localized_pages(pages, specific=True, defer=()):
    """Each page in the reader's language where a live, public translation exists, else the
    page itself if the public may see it; pages the public may not see are left out.

    At most one query for the lot (``Page.localized`` would make several per page), and none
    when every page is in the reader's language already. Pages of one type come back as that
    type; of several, specific too unless ``specific=False`` (titles and addresses only).
    ``defer``: fields of that one type the translations need not read (a list shows no body)."""
    pages = [page for page in pages if page is not None]
    reader = reader_language()
    if all(language_of(page) == reader for page in pages):
        return [page for page in pages if is_public(page)]
    models = {type(page) for page in pages}
    model = models.pop() if len(models) == 1 else Page
    translations = public_pages(model).filter(
        translation_key__in={page.translation_key for page in pages},
        locale__language_code=reader,
    )
    if model is not Page:
        translations = translations.select_related("locale").defer(*defer)
    if specific and model is Page:
        translations = specific_pages(translations, {page.specific_class for page in pages})
    translated = {page.translation_key: page for page in translations}
    result = []
    for page in pages:
        if page.translation_key in translated:
            result.append(translated[page.translation_key])
        elif is_public(page):
            result.append(page)
    return result
