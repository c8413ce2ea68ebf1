"""Every configured language has a Wagtail locale, so adding one to HUB_LANGUAGES is enough."""

from django.conf import settings


def ensure_locales(using="default", **kwargs):
    """Creates a locale for each language in WAGTAIL_CONTENT_LANGUAGES that has none yet.

    Connected to post_migrate. Locales for languages taken out of the setting are kept: their
    pages stay in the database (and in the admin) until someone decides what to do with them.
    """
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
