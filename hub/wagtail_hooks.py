from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from hub import media, translation_review
from hub.media import EMERGENCY_FILE_CHANGE
from hub.topic_views import TopicViewSet
from hub.workflows import PUBLISHED, SCHEDULED


@hooks.register("register_log_actions")
def register_parent_review_log_actions(actions):
    @actions.register_action("hub.parent_review.approve")
    class ParentApproval(LogFormatter):
        label = "Parent review: approved"

        def format_message(self, log_entry):
            data = log_entry.data
            return (
                f"Approved by a parent reviewer ({data.get('approvals')} of "
                f"{data.get('needed')} approvals)"
            )

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    @actions.register_action(PUBLISHED)
    class PublishedAfterParentReview(LogFormatter):
        label = "Parent review: published"

        def format_message(self, log_entry):
            approvers = (log_entry.data or {}).get("approved_by") or []
            return "Published after parent review, approved by " + (
                ", ".join(approvers) or "nobody recorded"
            )

    @actions.register_action(SCHEDULED)
    class ScheduledAfterParentReview(LogFormatter):
        label = "Parent review: approved, to go live at its go-live date"

        def format_message(self, log_entry):
            approvers = (log_entry.data or {}).get("approved_by") or []
            return (
                "Approved by "
                + (", ".join(approvers) or "nobody recorded")
                + ("; it goes live at its go-live date")
            )

    @actions.register_action(EMERGENCY_FILE_CHANGE)
    class FileChangedWhileLive(LogFormatter):
        label = "Changed while live pages use it (without parent review)"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            what = ", ".join(data.get("fields") or []) or "the file"
            pages = len(data.get("pages") or [])
            return f"Changed without parent review ({what}) while {pages} live page(s) used it"


@hooks.register("before_move_page")
def only_people_who_may_move_see_the_move_confirmation(request, page, destination):
    """Wagtail checks the permission when the move is made; this refuses the confirmation
    screen too, so nobody is asked to confirm what they may not do."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("before_serve_document")
def documents_only_drafts_use_are_not_public(document, request):
    media.check_document_is_public(document, request)


@hooks.register("construct_homepage_panels")
def parent_reviewers_open_on_what_waits_for_them(request, panels):
    """A parent reviewer's dashboard is one plain panel: what waits for their review."""
    from hub.models import ParentPanelReviewTask
    from hub.review_panel import WaitingForYourReviewPanel

    if ParentPanelReviewTask.is_reviewer(request.user):
        panels[:] = [WaitingForYourReviewPanel()]


@hooks.register("register_admin_urls")
def register_parent_review_urls():
    from django.urls import path

    from hub.admin_views import ReviewChangesView

    return [
        path(
            "parent-review/<int:task_state_id>/changes/",
            ReviewChangesView.as_view(),
            name="hub_review_changes",
        )
    ]


@hooks.register("register_account_settings_panel")
def review_email_settings_panel(request, user, profile):
    from django import forms
    from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

    from hub.models import ReviewEmailPreference

    class ReviewEmailForm(forms.ModelForm):
        class Meta:
            model = ReviewEmailPreference
            fields = ["review_requests"]

    class ReviewEmailPanel(BaseSettingsPanel):
        """Lets administrators with superuser rights opt in to parent review emails."""

        name = "review_emails"
        title = "Parent review emails"
        tab = notifications_tab
        order = 150
        form_class = ReviewEmailForm

        def is_active(self):
            return self.user.is_superuser

        def get_form(self):
            instance = ReviewEmailPreference.objects.filter(user=self.user).first()
            instance = instance or ReviewEmailPreference(user=self.user)
            data = self.request.POST if self.request.method == "POST" else None
            return self.form_class(data, instance=instance, prefix=self.name)

    return ReviewEmailPanel(request, user, profile)


@hooks.register("construct_main_menu")
def parent_reviewers_see_only_their_dashboard(request, menu_items):
    """Reviewers' part of the admin is their dashboard: no menu items they cannot use."""
    from hub.models import ParentPanelReviewTask

    user = request.user
    if ParentPanelReviewTask.is_reviewer(user) and not user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in {"reports", "help"}]


@hooks.register("register_admin_urls")
def register_review_report_urls():
    from django.urls import include, path

    from hub.reports import (
        ParentReviewDecisionsReport,
        PublishedWithoutReviewReport,
        SearchTermsReport,
        TranslationStatusReport,
    )

    urls = [
        path("decisions/", ParentReviewDecisionsReport.as_view(), name="decisions"),
        path(
            "decisions/results/",
            ParentReviewDecisionsReport.as_view(results_only=True),
            name="decisions_results",
        ),
        path(
            "published-without-review/",
            PublishedWithoutReviewReport.as_view(),
            name="published_without_review",
        ),
        path(
            "published-without-review/results/",
            PublishedWithoutReviewReport.as_view(results_only=True),
            name="published_without_review_results",
        ),
    ]
    search_terms = [
        path("", SearchTermsReport.as_view(), name="index"),
        path("results/", SearchTermsReport.as_view(results_only=True), name="results"),
    ]
    translations = [
        path("", TranslationStatusReport.as_view(), name="index"),
        path("results/", TranslationStatusReport.as_view(results_only=True), name="results"),
    ]
    return [
        path("reports/parent-review/", include((urls, "hub_reports"))),
        path("reports/translation-status/", include((translations, "hub_translations"))),
        path("reports/search-terms-hub/", include((search_terms, "hub_search_terms"))),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        from hub.reports import can_see_review_reports

        return can_see_review_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_decisions_report():
    return ReviewReportMenuItem(
        "Parent review decisions", reverse("hub_reports:decisions"), icon_name="tasks", order=810
    )


@hooks.register("register_reports_menu_item")
def register_published_without_review_report():
    return ReviewReportMenuItem(
        "Published without parent review",
        reverse("hub_reports:published_without_review"),
        icon_name="warning",
        order=820,
    )


# -- Translations go through parent review (hub/translation_review.py) ----------------------


@hooks.register("before_edit_page", order=-1)
def send_page_translations_to_review(request, page):
    return translation_review.handle_editor_action(request, page)


@hooks.register("before_edit_snippet", order=-1)
def send_snippet_translations_to_review(request, instance):
    return translation_review.handle_editor_action(request, instance)


@hooks.register("register_admin_urls", order=-1)
def replace_sync_translations_view():
    """Ahead of wagtail-localize's own URLs: "Sync translated pages" without "Publish", and
    "Convert to alias" for publishers only."""
    from django.urls import path

    return [
        path(
            "localize/update/<int:translation_source_id>/",
            translation_review.UpdateTranslationsWithoutPublishing.as_view(),
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translation_review.convert_to_alias_for_publishers_only,
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_status_report():
    return TranslationReportMenuItem(
        "Translation status", reverse("hub_translations:index"), icon_name="globe", order=820
    )


# -- Topics (tags): curated by comms staff --------------------------------------------------

register_snippet(TopicViewSet)


@hooks.register("register_snippet_listing_buttons")
def topic_merge_button(snippet, user, next_url=None):
    from taggit.models import Tag
    from wagtail.admin.widgets.button import ListingButton

    if isinstance(snippet, Tag) and user.has_perm("taggit.change_tag"):
        yield ListingButton(
            "Merge into…",
            reverse("wagtailsnippets_taggit_tag:merge", args=[snippet.pk]),
            icon_name="resubmit",
            attrs={"aria-label": f"Merge “{snippet.name}” into another topic"},
            priority=30,
        )


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        from hub.reports import can_see_search_terms

        return can_see_search_terms(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_report():
    return SearchTermsMenuItem(
        "Search terms",
        reverse("hub_search_terms:index"),
        name="hub-search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def one_search_terms_report(request, menu_items):
    """Wagtail's own (superusers only) is replaced by the one above."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
