"""System checks for a deployment: what would quietly make the hub worse for readers.

Django runs them before ``migrate`` and ``check --deploy``, and gunicorn's config runs them
when it starts (``deploy/gunicorn.conf.py``), so a missed step shows in the log at once.
"""

from django.core.checks import Tags, Warning, register

from hub.translation.catalogues import stale_catalogues


@register(Tags.translation)
def compiled_translations(app_configs=None, **kwargs):
    """hub.W001: every interface translation (``.po``) has an up-to-date ``.mo`` beside it.

    ``.mo`` files are built, not committed: without them the Welsh, Polish and Urdu
    interfaces fall back to English with no error anywhere.
    """
    stale = [po.parent.parent.name for po in stale_catalogues()]
    if not stale:
        return []
    return [
        Warning(
            f"The interface translations for {', '.join(stale)} are not compiled, so those "
            "languages show the hub's buttons and labels in English.",
            hint="Run 'python manage.py compilepo' after each deploy (docs/deploy.md).",
            id="hub.W001",
        )
    ]
