"""Template tags for public pages: navigation, languages, dates, footer links, topics, JSON-LD,
pagination."""

import datetime
import json

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext, pgettext_lazy
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from hub import documents
from hub.bidi import isolate_ltr_runs
from hub.furniture import furniture
from hub.review.access import is_only_a_parent_reviewer
from hub.topics import names as topic_names
from hub.translation import reader

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The home page (in the reader's language) and the service navigation: its live children
    shown in menus (hub.furniture)."""
    request = context.get("request")
    found = furniture(request) if request else None
    if found is None:
        return {"home": None, "home_url": "/", "items": []}
    items = [
        {**item, "active": bool(item["url"]) and request.path.startswith(item["url"])}
        for item in found["menu"]
    ]
    return {"home": found["home"], "home_url": found["home_url"], "items": items}


@register.simple_tag(takes_context=True)
def userbar_for_editors(context):
    """Wagtail's user bar, for people who are signed in and edit. For a reader with no session
    the session is never opened, so their page stays the same for everyone and can be cached
    and shared (hub/caching/middleware.py). A parent reviewer never gets it: its "Go to Wagtail
    admin" and accessibility checks are editors' tools, and the draft they read is the page."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    if is_only_a_parent_reviewer(request.user):
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
    request = context.get("request")
    found = furniture(request) if request else None
    homes = found["home_urls"] if found else {}
    return reader.switcher_languages(request, context.get("page"), homes)


@register.simple_tag(takes_context=True)
def other_language(context, page):
    """The page's language if it is not the reader's (an English page standing in for a
    translation that does not exist yet), else ''."""
    code = reader.language_of(page)
    return "" if not code or code == reader.reader_language() else code


# Date and time formats (Django's `date` filter syntax), translated with the interface: each
# language writes dates its own way ("24 listopada 2026" in Polish, 24-hour clocks...).
DATE_FORMATS = {
    "datetime": pgettext_lazy("date format: weekday, date and time", "l j F Y, f a"),
    "date": pgettext_lazy("date format: day, month and year", "j F Y"),
    "month": pgettext_lazy("date format: month and year", "F Y"),
    "day": pgettext_lazy("date format: day and month", "j F"),
    "time": pgettext_lazy("date format: time of day", "f a"),
}


@register.filter(expects_localtime=True, is_safe=False)
def local_date(value, kind):
    """A date or time in the reader's language: ``{{ event.start|local_date:"datetime" }}``."""
    return date_filter(value, str(DATE_FORMATS[kind]))


@register.simple_tag
def when(moment):
    """When something happened, in words with the time, and no control to reach with Tab:
    "today at 2:38 p.m.", "yesterday at 9 a.m.", "27 November at 10 a.m.", or "3 March 2025"
    for another year (``{% when round.started_at %}``). Wagtail's relative dates ("Just now")
    are buttons that show the date only as a tooltip."""
    if moment is None:
        return ""
    if not isinstance(moment, datetime.datetime):  # a date alone
        return format_html(
            '<time datetime="{}">{}</time>',
            moment.isoformat(),
            date_filter(moment, str(DATE_FORMATS["date"])),
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    moment = timezone.localtime(moment)
    today = timezone.localdate()
    time = date_filter(moment, str(DATE_FORMATS["time"]))
    if moment.date() == today:
        words = gettext("today at %(time)s") % {"time": time}
    elif (today - moment.date()).days == 1:
        words = gettext("yesterday at %(time)s") % {"time": time}
    elif moment.year == today.year:
        day = date_filter(moment, str(DATE_FORMATS["day"]))
        words = gettext("%(day)s at %(time)s") % {"day": day, "time": time}
    else:
        words = date_filter(moment, str(DATE_FORMATS["date"]))
    return format_html('<time datetime="{}">{}</time>', moment.isoformat(timespec="seconds"), words)


@register.filter(is_safe=True)
def isolate_numbers(value):
    """Numbers, phone numbers, emails and postcodes in ``value`` kept left to right, so they
    read correctly in right-to-left languages: ``{{ venue.postcode|isolate_numbers }}``, or
    ``{% filter isolate_numbers %}...{% endfilter %}`` around rich text."""
    return isolate_ltr_runs(value)


@register.simple_tag
def default_exit_url():
    """Where Exit this page goes on a page drawn without the database (an error page)."""
    return settings.HUB_EXIT_PAGE_URL


@register.filter
def language_dir(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.filter
def in_language(words, code):
    """Words in another language inside a sentence of the reader's ("Said by {the parents'
    group}" on an Urdu page): marked with their language and isolated in their own direction,
    so neither they nor the sentence around them read in the wrong order. Unchanged if
    ``code`` is empty."""
    if not code:
        return words
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', code, language_dir(code), words)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's links, each to its page in the reader's language where translated, with
    the accessibility statement last (hub.furniture)."""
    request = context.get("request")
    found = furniture(request) if request else None
    return found["footer"] if found else []


@register.simple_tag(takes_context=True)
def cover_your_tracks(context):
    """The "Cover your tracks" page of the site settings, in the reader's language where it is
    translated; None if there is none the public may see (hub.furniture)."""
    request = context.get("request")
    found = furniture(request) if request else None
    return found["cover_your_tracks"] if found else None


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


register.filter("file_type", documents.file_type)
register.filter("describe_file_links", documents.describe_file_links)


@register.filter
def elided_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=1, on_ends=1)
