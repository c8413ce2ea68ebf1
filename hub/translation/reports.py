"""The translation status report: for each English page and each language, up to date, out of
date or missing, with links to translate, sync or edit."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from hub.translation import status


class TranslationStatusColumn(Column):
    cell_template_name = "translation/status_cell.html"

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
    index_url_name = "translation_status:index"
    index_results_url_name = "translation_status:results"
    paginate_by = 30

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.locales = list(status.target_locales())
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
        statuses = status.statuses_for(pages, self.locales, self.request.user)
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
