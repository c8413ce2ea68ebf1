"""Story updates become translatable (step 1 of 2), keeping their keys in older revisions."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_translation_keys(apps, schema_editor):
    StoryUpdate = apps.get_model("stories", "StoryUpdate")
    Revision = apps.get_model("wagtailcore", "Revision")
    keys = {}
    for update in StoryUpdate.objects.select_related("page"):
        update.translation_key = uuid.uuid4()
        update.locale_id = update.page.locale_id
        update.save(update_fields=["translation_key", "locale"])
        keys[update.pk] = (str(update.translation_key), update.locale_id)
    for revision in Revision.objects.filter(content__has_key="updates"):
        for item in revision.content.get("updates", []):
            key, locale = keys.get(item.get("pk"), (str(uuid.uuid4()), revision.content.get("locale")))
            item.setdefault("translation_key", key)
            item.setdefault("locale", locale)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="storyupdate",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="storyupdate",
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
