"""Translation in the admin: the editor sends to parent review, wagtail-localize's publishing
routes are replaced (hub/translation/localize_patch.py), and the status report."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.translation import localize_patch, review
from hub.translation.reports import TranslationStatusReport


@hooks.register("before_edit_page", order=-1)
def send_page_translations_to_review(request, page):
    return review.handle_editor_action(request, page)


@hooks.register("before_edit_snippet", order=-1)
def send_snippet_translations_to_review(request, instance):
    return review.handle_editor_action(request, instance)


@hooks.register("register_admin_urls", order=-1)
def replace_wagtail_localize_views():
    """Ahead of wagtail-localize's own URLs: "Sync translated pages" without "Publish", and
    "Convert to alias" for publishers only."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            localize_patch.UpdateTranslationsWithoutPublishing.as_view(),
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            localize_patch.convert_to_alias_for_publishers_only,
        ),
    ]


@hooks.register("register_admin_urls")
def register_translation_status_report_urls():
    urls = [
        path("", TranslationStatusReport.as_view(), name="index"),
        path("results/", TranslationStatusReport.as_view(results_only=True), name="results"),
    ]
    return [path("reports/translation-status/", include((urls, "translation_status")))]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_status_report():
    return TranslationReportMenuItem(
        "Translation status", reverse("translation_status:index"), icon_name="globe", order=820
    )
