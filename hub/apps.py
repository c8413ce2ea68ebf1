from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from hub import notifications
        from hub.locales import ensure_locales

        notifications.connect()
        post_migrate.connect(ensure_locales, sender=self)
