from django import template
from django.utils.translation import gettext

from hub.translation_review import user_can_submit

register = template.Library()


@register.simple_tag(takes_context=True)
def sends_to_parent_review(context, instance):
    """Labels for the translation editor's main button, if it sends the translation to parent
    review for this user; None where no review applies."""
    if instance.get_workflow() is None or not user_can_submit(context["request"].user, instance):
        return None
    return {"label": gettext("Send to parent review: "), "busy": gettext("Sending…")}
