"""Tags for the translation editor's override (hub/translation/localize_patch.py, part 1)."""

from django import template
from django.conf import settings
from django.utils.translation import gettext
from wagtail.models import Page

from hub.translation import status
from hub.translation.review import user_can_submit

register = template.Library()


@register.simple_tag(takes_context=True)
def sends_to_parent_review(context, instance):
    """Labels for the translation editor's main button, if it sends the translation to parent
    review for this user; None where no review applies."""
    user = context["request"].user
    if instance.get_workflow() is None or not user_can_submit(user, instance):
        return None
    return {"label": gettext("Send to parent review: "), "busy": gettext("Sending…")}


@register.simple_tag(takes_context=True)
def may_convert_to_alias(context, instance):
    """Whether to offer "Convert to alias page", which puts a page live in that language
    unreviewed: to those who may publish alone, as its view allows (localize_patch)."""
    user = context["request"].user
    return isinstance(instance, Page) and instance.permissions_for_user(user).can_publish()


@register.simple_tag(takes_context=True)
def translation_status_of(context, instance):
    """How up to date this translated page is, for the translation editor's banner."""
    if not isinstance(instance, Page):
        return None
    source = instance.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE)
    source = source.first()
    if source is None:
        return None
    statuses = status.statuses_for([source], [instance.locale], context["request"].user)
    return statuses[source.pk][instance.locale.language_code]
