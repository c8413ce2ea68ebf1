"""The hub app: the project's shared base, and its features (parent review, translation,
topics) as packages of one app, so that no table moved when they got their own folders."""

from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, as Django asks: models are only ready once every app is loaded.
        from django.db.models.signals import post_migrate

        from hub.accounts import audit
        from hub.accounts import checks as account_checks  # noqa: F401 - they register
        from hub.caching import changes, generation
        from hub.caching import settings as cache_settings
        from hub.review import files, signals
        from hub.translation import checks  # noqa: F401 - system checks register themselves
        from hub.translation.locales import ensure_locales

        audit.connect()
        changes.connect()
        signals.connect()
        files.connect()
        post_migrate.connect(ensure_locales, sender=self)
        post_migrate.connect(cache_settings.create_cache_table, sender=self)
        post_migrate.connect(generation.forget_pages_after_an_upgrade, sender=self)
