from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Revision
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from hub import media, notifications
        from hub.locales import ensure_locales
        from hub.models import follow_the_latest_revision

        notifications.connect()
        post_migrate.connect(ensure_locales, sender=self)
        post_save.connect(follow_the_latest_revision, sender=Revision)
        media.register_policies()
        for model in (get_document_model(), get_image_model()):
            pre_delete.connect(media.log_emergency_delete, sender=model)
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(media.forget_public_files, dispatch_uid=f"hub_files_{signal!r}")
        for model in (Page, PageViewRestriction):
            post_delete.connect(media.forget_public_files, sender=model)
        post_save.connect(media.forget_public_files, sender=PageViewRestriction)
