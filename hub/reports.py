"""Admin reports: every parent review decision, every publish that skipped review, and how
up to date each page's translations are."""

from itertools import chain

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.models import ModelLogEntry, Page, PageLogEntry, TaskState

from hub import translation_status
from hub.media import EMERGENCY_FILE_CHANGE
from hub.models import ParentPanelReviewTask, ParentReviewDecision
from hub.workflows import PUBLISHED

# Log actions that put words live: Wagtail's own publish (a person, a schedule or a command),
# and the parent review's.
PUBLISH_ACTIONS = ["wagtail.publish", "wagtail.publish.scheduled", PUBLISHED]
NOBODY = "No person: a schedule or a command"


def can_see_review_reports(user):
    # Hub administrators manage workflows; they and superusers see how review is going.
    return user.is_active and user.has_perm("wagtailcore.change_workflow")


class HubReportView(ReportView):
    def dispatch(self, request, *args, **kwargs):
        if not can_see_review_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ParentReviewDecisionsReport(HubReportView):
    """Who approved or asked for changes, on which revision of which page, and what they said."""

    page_title = "Parent review decisions"
    header_icon = "tasks"
    index_url_name = "hub_reports:decisions"
    index_results_url_name = "hub_reports:decisions_results"
    columns = [
        Column("object", label="Page or snippet", accessor="revision.object_str"),
        Column("decision", label="Decision", accessor="get_decision_display"),
        Column("reviewer", label="Parent reviewer"),
        Column("revision", label="Revision", accessor="revision_id"),
        Column("comment", label="Comment"),
        DateColumn("created_at", label="When"),
    ]
    list_export = [
        "revision.object_str",
        "get_decision_display",
        "reviewer",
        "revision_id",
        "comment",
        "created_at",
    ]
    export_headings = {
        "revision.object_str": "Page or snippet",
        "get_decision_display": "Decision",
        "revision_id": "Revision",
    }

    def get_filename(self):
        return "parent-review-decisions"

    def get_queryset(self):
        # Grouped per page (or snippet), oldest decision first within each.
        return ParentReviewDecision.objects.select_related("reviewer", "revision").order_by(
            "revision__base_content_type_id", "revision__object_id", "created_at"
        )


class PublishedWithoutReviewReport(HubReportView):
    """Every publish of words parents did not approve, and every emergency change to a file
    that live pages use.

    Decided by what was published, not by who: a publish counts as reviewed only when the
    revision that went live is one a parent review approved. So an administrator's direct
    (emergency) publish, a scheduled publish of a revision nobody reviewed, a revert, a bulk
    publish and content loaded by a command are all listed, whoever or whatever did them.
    """

    page_title = "Published without parent review"
    header_icon = "warning"
    index_url_name = "hub_reports:published_without_review"
    index_results_url_name = "hub_reports:published_without_review_results"
    columns = [
        Column("label", label="Page, snippet or file"),
        Column("what", label="What happened", accessor="message"),
        Column("user", label="By", accessor="done_by"),
        DateColumn("timestamp", label="When"),
    ]
    list_export = ["label", "message", "done_by", "timestamp"]

    def get_filename(self):
        return "published-without-parent-review"

    def get_queryset(self):
        approved = TaskState.objects.filter(
            status=TaskState.STATUS_APPROVED,
            task__in=ParentPanelReviewTask.objects.all(),
            revision__isnull=False,
        ).values("revision_id")
        unreviewed = Q(action__in=PUBLISH_ACTIONS) & ~Q(revision__in=approved)
        emergency = Q(action=EMERGENCY_FILE_CHANGE)
        entries = sorted(
            chain(
                PageLogEntry.objects.filter(unreviewed).select_related("user"),
                ModelLogEntry.objects.filter(unreviewed | emergency).select_related("user"),
            ),
            key=lambda entry: entry.timestamp,
            reverse=True,
        )
        for entry in entries:
            entry.done_by = entry.user_display_name if entry.user_id else NOBODY
        return entries


class TranslationStatusColumn(Column):
    cell_template_name = "hub/admin/translation_status_cell.html"

    def __init__(self, locale):
        super().__init__(locale.language_code, label=locale.get_display_name())
        self.locale = locale

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.translation_statuses[self.locale.language_code]
        return context


class TranslationStatusReport(ReportView):
    """For each English page and each language: up to date, out of date or missing, with links
    to translate, sync or edit. For comms staff (who translate) and administrators."""

    page_title = "Translations"
    header_icon = "globe"
    index_url_name = "hub_translations:index"
    index_results_url_name = "hub_translations:results"
    paginate_by = 30

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.locales = list(translation_status.target_locales())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label="English page",
                url_name="wagtailadmin_pages:edit",
                accessor="get_admin_display_title",
            ),
            *(TranslationStatusColumn(locale) for locale in self.locales),
        ]

    def get_queryset(self):
        return Page.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, depth__gt=1
        ).order_by("path")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        statuses = translation_status.statuses_for(pages, self.locales, self.request.user)
        for page in pages:
            page.translation_statuses = statuses[page.pk]
        return pages

    def get_filename(self):
        return "translations"

    def to_row_dict(self, item):
        row = {"title": item.get_admin_display_title()}
        for locale in self.locales:
            row[locale.language_code] = str(item.translation_statuses[locale.language_code].label)
        return row

    @property
    def list_export(self):
        return ["title", *(locale.language_code for locale in self.locales)]

    @property
    def export_headings(self):
        headings = {"title": "English page"}
        headings.update(
            {locale.language_code: locale.get_display_name() for locale in self.locales}
        )
        return headings


class SearchTermsReport(SearchTermsReportView):
    """Wagtail's search terms report (what people searched for, and how often), for comms
    staff and administrators as well as superusers: they keep the synonyms, and suggest best
    bets (which administrators set, as they are live the moment they are saved)."""

    index_url_name = "hub_search_terms:index"
    index_results_url_name = "hub_search_terms:results"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_search_terms(request.user):
            raise PermissionDenied
        # Skips the parent's superusers-only check; everything else is Wagtail's report.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


def can_see_search_terms(user):
    return user.is_active and user.has_perm("wagtailsearchpromotions.view_query")
