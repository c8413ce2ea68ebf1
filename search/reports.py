"""The search terms report: what people searched for, and how often (words only)."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from redis.exceptions import RedisError
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from search import counting


class SearchTermsReport(SearchTermsReportView):
    """Wagtail's search terms report (what people searched for, and how often), for comms
    staff and administrators as well as superusers: they keep the synonyms, and suggest best
    bets (which administrators set, as they are live the moment they are saved)."""

    index_url_name = "search_terms:index"
    index_results_url_name = "search_terms:results"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_search_terms(request.user):
            raise PermissionDenied
        try:
            counting.flush()  # the searches counted since cron last ran
        except RedisError as error:
            logging.getLogger("hub.cache").warning("search counts not moved", exc_info=error)
        # Skips the parent's superusers-only check; everything else is Wagtail's report.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # A term is shown once several people searched for it: a term searched once or twice
        # can point at one family.
        return super().get_queryset().filter(_hits__gte=settings.HUB_SEARCH_TERM_MIN_SEARCHES)


def can_see_search_terms(user):
    return user.is_active and user.has_perm("wagtailsearchpromotions.view_query")
