"""Template tags for public pages: navigation, languages, dates, footer links, topics, JSON-LD,
pagination."""

import json

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext, pgettext_lazy
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Site

from hub.bidi import isolate_ltr_runs
from hub.caching.generation import remembered
from hub.public import public_pages
from hub.topics import names as topic_names
from hub.translation import reader

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The home page (in the reader's language) and the service navigation: its live children
    shown in menus. Worked out once per site, language and change (hub.caching)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "home_url": "/", "items": []}
    navigation = remembered(
        "navigation", lambda: _navigation(site, request), site.pk, reader.reader_language()
    )
    items = [
        {**item, "active": bool(item["url"]) and request.path.startswith(item["url"])}
        for item in navigation["items"]
    ]
    return {**navigation, "items": items}


def _navigation(site, request):
    # The home page and its sections, each in the reader's language where it is translated.
    root = site.root_page
    sections = list(public_pages(root.get_children()).in_menu())
    shown = reader.localized_pages([root, *sections], specific=False)
    home = (
        shown[0] if shown and shown[0].translation_key == root.translation_key else root
    ).specific
    items = [
        {"title": page.title, "url": page.get_url(request=request), "page": page}
        for page in shown
        if page.translation_key != root.translation_key
    ]
    return {"home": home, "home_url": home.get_url(request=request) or "/", "items": items}


@register.simple_tag(takes_context=True)
def userbar_for_editors(context):
    """Wagtail's user bar, for people who are signed in. For a reader with no session the
    session is never opened, so their page stays the same for everyone and can be cached and
    shared (hub/caching/middleware.py)."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The languages this page (or view) can be read in: for the switcher and hreflang links."""
    return reader.language_versions(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def switcher_languages(context):
    """The language switcher's languages: this page's versions and, for a language it is not
    in, that language's home page (hub.translation.reader.switcher_languages)."""
    return reader.switcher_languages(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def other_language(context, page):
    """The page's language if it is not the reader's (an English page standing in for a
    translation that does not exist yet), else ''."""
    code = reader.locale_codes().get(page.locale_id, "")
    return "" if not code or code == reader.reader_language() else code


# Date and time formats (Django's `date` filter syntax), translated with the interface: each
# language writes dates its own way ("24 listopada 2026" in Polish, 24-hour clocks...).
DATE_FORMATS = {
    "datetime": pgettext_lazy("date format: weekday, date and time", "l j F Y, f a"),
    "date": pgettext_lazy("date format: day, month and year", "j F Y"),
    "month": pgettext_lazy("date format: month and year", "F Y"),
    "time": pgettext_lazy("date format: time of day", "f a"),
}


@register.filter(expects_localtime=True, is_safe=False)
def local_date(value, kind):
    """A date or time in the reader's language: ``{{ event.start|local_date:"datetime" }}``."""
    return date_filter(value, str(DATE_FORMATS[kind]))


@register.filter(is_safe=True)
def isolate_numbers(value):
    """Numbers, phone numbers, emails and postcodes in ``value`` kept left to right, so they
    read correctly in right-to-left languages: ``{{ venue.postcode|isolate_numbers }}``, or
    ``{% filter isolate_numbers %}...{% endfilter %}`` around rich text."""
    return isolate_ltr_runs(value)


@register.filter
def language_dir(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def footer_links(hub):
    """The footer's links, each to its page in the reader's language where translated, with
    the accessibility statement last. Links to pages the public may not see (drafts,
    restricted or deleted pages) are left out. Worked out once per language and change."""
    return remembered("footer", lambda: _footer_links(hub), hub.site_id, reader.reader_language())


def _footer_links(hub):
    """[(page, label, label's language if not the reader's)]."""
    language = reader.reader_language()
    source = settings.LANGUAGE_CODE
    # The settings' labels are in the source language; "Accessibility statement" is the
    # interface's, in the reader's.
    links = [(block.value["page"], block.value["label"], source) for block in hub.footer_links]
    if hub.accessibility_statement:
        links.append((hub.accessibility_statement, gettext("Accessibility statement"), language))
    links = [link for link in links if link[0] is not None]
    shown = {
        page.translation_key: page
        for page in reader.localized_pages((link[0] for link in links), specific=False)
    }
    codes = reader.locale_codes()
    result = []
    for page, label, label_language in links:
        linked = shown.get(page.translation_key)
        if linked is None:
            continue
        linked_language = codes.get(linked.locale_id, source)
        # A page translated into the reader's language is named by its own title: the
        # settings' label is English.
        if not label or (linked_language == language and label_language != language):
            label, label_language = linked.title, linked_language
        result.append((linked, label, "" if label_language == language else label_language))
    return result


@register.simple_tag
def cover_your_tracks(hub):
    """The "Cover your tracks" page of the site settings, in the reader's language where it is
    translated; None if there is none the public may see. Worked out once per language and
    change."""
    return remembered(
        "cover-your-tracks", lambda: _cover_your_tracks(hub), hub.site_id, reader.reader_language()
    )


def _cover_your_tracks(hub):
    shown = reader.localized_pages([hub.cover_your_tracks], specific=False)
    if not shown:
        return None
    page = shown[0]
    code = reader.locale_codes().get(page.locale_id, "")
    return {
        "title": page.title,
        "url": page.get_url(),
        "language": "" if code == reader.reader_language() else code,
    }


@register.simple_tag
def topic_labels(tags):
    """Each topic with its name in the reader's language (hub.topics.names.topic_labels)."""
    return topic_names.topic_labels(tags)


@register.filter
def json_ld(data):
    """Structured data as a <script type="application/ld+json"> element, safely escaped."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def page_url(context, param, number):
    """The current URL with one pagination parameter changed, keeping the other filters."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()


@register.filter
def file_type(document):
    return (document.file_extension or "file").upper()


@register.filter
def elided_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)
