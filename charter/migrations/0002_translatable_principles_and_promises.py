"""Principles and promises become translatable (step 1 of 2): each gets a translation key and
the locale of its charter. Revisions saved before this keep the same keys, so publishing an
old revision later does not give the rows new ones."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_translation_keys(apps, schema_editor):
    Principle = apps.get_model("charter", "Principle")
    Promise = apps.get_model("charter", "Promise")
    Revision = apps.get_model("wagtailcore", "Revision")
    keys = {}
    for principle in Principle.objects.select_related("page"):
        principle.translation_key = uuid.uuid4()
        principle.locale_id = principle.page.locale_id
        principle.save(update_fields=["translation_key", "locale"])
        keys[("principle", principle.pk)] = (str(principle.translation_key), principle.locale_id)
    for promise in Promise.objects.select_related("principle"):
        promise.translation_key = uuid.uuid4()
        promise.locale_id = promise.principle.locale_id
        promise.save(update_fields=["translation_key", "locale"])
        keys[("promise", promise.pk)] = (str(promise.translation_key), promise.locale_id)

    def fill(kind, item, locale_id):
        key, locale = keys.get((kind, item.get("pk")), (str(uuid.uuid4()), locale_id))
        item.setdefault("translation_key", key)
        item.setdefault("locale", locale)
        return locale

    for revision in Revision.objects.filter(content__has_key="principles"):
        page_locale = revision.content.get("locale")
        for principle in revision.content.get("principles", []):
            locale = fill("principle", principle, page_locale)
            for promise in principle.get("promises", []):
                fill("promise", promise, locale)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("charter", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="principle",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="principle",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AddField(
            model_name="promise",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="promise",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.RunPython(give_translation_keys, migrations.RunPython.noop),
    ]
