"""Template tags for public pages: navigation, languages, dates, footer links, topics, JSON-LD,
pagination."""

import json

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext, pgettext_lazy
from wagtail.models import Locale, Site

from hub.public import public_pages
from hub.topics import names as topic_names
from hub.translation import reader

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The home page's URL and the service navigation items (its live children in menus)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "home_url": "/", "items": []}
    root = site.root_page.localized.specific
    # The English home's sections, each in the reader's language where it has been translated.
    sections = public_pages(site.root_page.get_children()).in_menu()
    items = []
    for page in reader.localized_pages(sections):
        url = page.get_url(request=request)
        items.append(
            {
                "title": page.title,
                "url": url,
                "active": bool(url) and request.path.startswith(url),
                "page": page,
            }
        )
    return {"home": root, "home_url": root.get_url(request=request) or "/", "items": items}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The languages this page (or view) can be read in: for the switcher and hreflang links."""
    return reader.language_versions(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def other_language(context, page):
    """The page's language if it is not the reader's (an English page standing in for a
    translation that does not exist yet), else ''. One query per request, however many pages."""
    request = context.get("request")
    codes = getattr(request, "_hub_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._hub_locale_codes = codes
    code = codes.get(page.locale_id, "")
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


@register.filter
def language_dir(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def footer_links(hub):
    """The footer's links, each to its page in the reader's language where translated (one
    query for all of them), with the accessibility statement last. Links to pages the public
    may not see (drafts, restricted or deleted pages) are left out."""
    links = [(block.value["page"], block.value["label"]) for block in hub.footer_links]
    if hub.accessibility_statement:
        links.append((hub.accessibility_statement, gettext("Accessibility statement")))
    links = [(page, label) for page, label in links if page is not None]
    shown = {page.translation_key: page for page in reader.localized_pages(p for p, _l in links)}
    return [
        (shown[page.translation_key], label or shown[page.translation_key].title)
        for page, label in links
        if page.translation_key in shown
    ]


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
