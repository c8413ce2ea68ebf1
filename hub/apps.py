from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub import notifications

        notifications.connect()
