"""The search page and its suggestions: every live, public page in the reader's language."""

from collections import defaultdict
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, get_page_models

from charter.models import CoProductionCharterPage, ParentRightsCharterPage
from events.models import EventIndexPage, EventPage
from guides.models import GuideIndexPage, GuidePage
from home.models import HomePage, StandardPage
from hub.caching.generation import remembered
from hub.caching.middleware import fresh_until
from hub.public import public_pages
from hub.specific import specific_pages
from hub.topics.names import tagged_item_models
from hub.translation.reader import (
    in_reader_language,
    locale_codes,
    localized_pages,
    reader_language,
)
from search import ranking, spelling
from search.models import SearchSynonym
from search.query import build_query, clean_query, search_terms, variants, word_forms, words_of
from stories.models import StoryIndexPage, StoryPage

RESULTS_PER_PAGE = 10
SUGGESTIONS = 6

# The kinds of page a reader can narrow results to (?type=...), with what each covers.
TYPES = {
    "guides": (_("Guides"), [GuidePage]),
    "events": (_("Events"), [EventPage]),
    "stories": (_("You said, we did"), [StoryPage]),
    "charters": (_("Charters"), [CoProductionCharterPage, ParentRightsCharterPage]),
    "information": (
        _("Information"),
        [StandardPage, HomePage, GuideIndexPage, EventIndexPage, StoryIndexPage],
    ),
}


def uses_database_search():
    """Wagtail's database backend runs in SQL, so filters may be subqueries."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend.startswith(("wagtail.search.backends.database", "modelsearch.backends.database"))


def tagged_pages(tag):
    ids = Q(pk__in=[])
    for through in tagged_item_models():
        ids |= Q(pk__in=through.objects.filter(tag=tag).values("content_object_id"))
    return Page.objects.filter(ids).values("pk")


def as_filter(queryset):
    """A subquery for the database backend; a list for engines outside the database."""
    return queryset if uses_database_search() else list(queryset.values_list("pk", flat=True))


# The search engine ranks by relevance; the first RERANKED results are then put in tiers,
# keeping the engine's order within each: pages that answer questions (guides, charters,
# information) whose title has the reader's words, then those whose title has a synonym of
# them; stories and upcoming events the same way; then the rest of each group; past events
# last (a past event rarely helps). Readers rarely go past the first pages, so later results
# keep the engine's order: this costs two queries whatever the number of matches.
RERANKED = 100
NEWS = (StoryPage, EventPage)


class RerankedResults:
    """The best results put in tiers (a list), then every other match (a search result that
    excludes them), for Django's Paginator: counted once, fetched only for the page shown."""

    def __init__(self, head, rest, count=None):
        self.head, self.rest = head, rest
        self._count = count  # if the search counted every match already

    def count(self):
        if self._count is None:
            self._count = len(self.head) + (self.rest.count() if self.rest is not None else 0)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        items = _specific(self.head[start:stop])
        if stop > len(self.head) and self.rest is not None:
            offset = len(self.head)
            more = self.rest[max(start - offset, 0) : stop - offset]
            if isinstance(more, QuerySet):
                more = specific_pages(more, get_page_models())
            items += list(more)
        return items


def title_has(page, variants, language):
    """Whether the page's title has every word of one of the variants (in any form)."""
    title = set(words_of(page.title))
    return any(
        all(set(word_forms(word, language)) & title for word in variant.split())
        for variant in variants
    )


def tier(page, terms, synonym_variants, language, past_events):
    if page.pk in past_events:
        return 6
    news = 2 if issubclass(page.specific_class, NEWS) else 0
    if title_has(page, [terms], language):
        return news
    if title_has(page, synonym_variants, language):
        return news + 1
    return 4 + news // 2


def ranked(pages, terms, language, operator="and"):
    """Pages matching the terms, best first: pages with every word ("and"), or with any
    ("or")."""
    # Phrases lose their question words as the reader's query does ("someone to speak for me"
    # is searched as "someone speak me"), or a phrase with one would never match.
    synonyms = _synonyms(language)
    all_variants = variants(terms, synonyms)
    if ranking.ranks_in_sql():
        match = ranking.Match(all_variants, lambda w: word_forms(w, language), operator)
        head, rest, count = _ranked_in_sql(pages, match)
        past_events = {page.pk for page in head if page.has_ended}
    else:
        query = build_query(terms, synonyms, operator=operator, language=language)
        head = list(pages.search(query)[:RERANKED])
        rest = pages.exclude(pk__in=[p.pk for p in head]).specific().search(query)
        ended = EventPage.objects.filter(pk__in=[p.pk for p in head], end__lt=timezone.now())
        past_events = set(ended.values_list("pk", flat=True))
        count = None
    order = {page.pk: rank for rank, page in enumerate(head)}
    head.sort(key=lambda p: (tier(p, terms, all_variants[1:], language, past_events), order[p.pk]))
    return RerankedResults(head, rest, count)


def best_results(pages, terms, language, correct=True):
    """(results, loose, correction): the pages with every word; else, for a misspelled word,
    the pages with every word of its closest spelling ("conferance" finds what "conference"
    finds, "care proceedins" what "care proceedings" finds); else the pages with any of the
    words (loose); else those with any word of the closest spelling. Each search runs only if
    the one before found nothing."""
    found = ranked(pages, terms, language)
    if found.count():
        return found, False, None
    correction = spelling.correction(terms, pages) if correct else None
    if correction:
        better = ranked(pages, correction, language)
        if better.count():
            return better, False, correction
    if len(terms.split()) > 1:
        loose = ranked(pages, terms, language, "or")
        if loose.count():
            return loose, True, None
        if correction:
            better = ranked(pages, correction, language, "or")
            if better.count():
                return better, True, correction
    return found, False, None


class Candidate:
    """What tiering and fetching need of a matching page, read without building the page
    (a page object costs far more than its row: 400 of them took 15 ms)."""

    __slots__ = ("pk", "title", "specific_class", "has_ended")

    def __init__(self, pk, title, content_type_id, has_ended):
        self.pk, self.title, self.has_ended = pk, title, has_ended
        self.specific_class = ContentType.objects.get_for_id(content_type_id).model_class()


def _synonyms(language):
    groups = remembered("synonyms", SearchSynonym.groups)
    return [[search_terms(phrase, language) for phrase in group] for group in groups]


def _page_types():
    return [ct.pk for ct in ContentType.objects.get_for_models(*get_page_models()).values()]


def match_counts(query, codes):
    """{language code: how many public pages in that language best_results would find for
    the query, with every word, else with any}, without ranking them: one query for every
    language, both ways."""
    pages = public_pages().not_type(HomePage)
    terms = {code: words for code in codes if (words := search_terms(query, code))}
    operators = {
        code: ("and", "or") if len(words.split()) > 1 else ("and",) for code, words in terms.items()
    }
    if not ranking.ranks_in_sql():
        # A search engine filters on the fields pages are indexed with: the locale, by id.
        locales = defaultdict(list)
        for pk, code in locale_codes().items():
            locales[code].append(pk)
        counts = {}
        for code, words in terms.items():
            in_language = pages.filter(locale__in=locales[code])
            for operator in operators[code]:
                counts[code] = ranked(in_language, words, code, operator).count()
                if counts[code]:
                    break
        return counts
    counted, types = {}, _page_types()
    for code, words in terms.items():
        forms = partial(word_forms, language=code)
        all_variants = variants(words, _synonyms(code))
        for operator in operators[code]:
            match = ranking.Match(all_variants, forms, operator)
            matching = ranking.matching(match, types)
            counted[f"{operator}_{len(counted)}"] = (
                code,
                Count("pk", filter=Q(locale__language_code=code, pk__in=matching)),
            )
    if not counted:
        return {}
    totals = pages.aggregate(**{alias: count for alias, (_code, count) in counted.items()})
    counts = {}
    for alias, (code, _count) in counted.items():  # "and" before "or" for each language
        if not counts.get(code):
            counts[code] = totals[alias]
    return counts


def _ranked_in_sql(pages, match):
    types = _page_types()
    # The best candidates, and of them the ones the reader may see with what tiering needs
    # (title, type, past event), in one query.
    ended = EventPage.objects.filter(pk=OuterRef("pk"), end__lt=timezone.now())
    shown = pages.annotate(has_ended=Exists(ended)).values(
        "id", "title", "content_type_id", "has_ended"
    )
    candidates, count = ranking.best_pages(match, types, shown.order_by())
    head = [Candidate(*row) for row in candidates if row is not None][:RERANKED]
    if count is None:
        every_match_in_head = len(candidates) < ranking.CANDIDATES and len(head) < RERANKED
    else:
        every_match_in_head = count <= len(head)
    if every_match_in_head:
        return head, None, len(head)
    rest = (
        pages.filter(pk__in=ranking.matching(match, types))
        .exclude(pk__in=[page.pk for page in head])
        .order_by("-first_published_at", "-pk")
    )
    return head, rest, count


def _specific(pages):
    """The pages as their own types, in order, in one query."""
    found = Page.objects.filter(pk__in=[page.pk for page in pages])
    found = specific_pages(found, models={page.specific_class for page in pages})
    found = {page.pk: page for page in found}
    return [found[page.pk] for page in pages if page.pk in found]


def promotions_for(terms):
    """The best bets comms staff set for this search, live and in the reader's language."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=terms)
        .select_related("page")
        .order_by("sort_order")
    )
    pages = localized_pages(p.page for p in promotions)
    by_key = {page.translation_key: page for page in pages}
    result = []
    for promotion in promotions:
        if promotion.page:
            page = by_key.get(promotion.page.translation_key)
            if page is not None:
                result.append({"page": page.specific, "description": promotion.description})
        elif promotion.external_link_url:
            result.append(
                {
                    "url": promotion.external_link_url,
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return result


def popular_topics(language, limit=6):
    """The most searched queries comms staff have set best bets for: curated, so a search for
    someone's name never appears here. Only those whose best bet is a page in the reader's
    language: their words are in that language, not English offered to a Welsh reader."""
    since = timezone.now().date() - timedelta(days=30)
    return list(
        Query.objects.filter(editors_picks__page__locale__language_code=language)
        .annotate(recent=Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since)))
        .order_by("-recent", "query_string")
        .distinct()[:limit]
    )


def search(request):
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query, reader_language())
    selected_type = request.GET.get("type", "")
    if selected_type not in TYPES:
        selected_type = ""
    # Only a topic the filter offers: one no public page carries (a draft's, say) would show
    # "Any topic" over no results.
    used_topics = remembered("used-topics", _used_topics)
    slug = request.GET.get("tag", "")
    tag = next((topic for topic in used_topics if topic.slug == slug), None) if slug else None
    context = {
        "search_query": query,
        "types": [(key, label) for key, (label, _models) in TYPES.items()],
        "selected_type": selected_type,
        "tags": used_topics,
        "selected_tag": tag.slug if tag else "",
        "filtered": bool(selected_type or tag),
        "nothing_typed": "q" in request.GET and not query,
        "results": None,
        "now": timezone.now(),
    }
    if query:
        pages = in_reader_language(public_pages(), as_values=not uses_database_search())
        if selected_type:
            pages = pages.type(*TYPES[selected_type][1])
        if tag:
            pages = pages.filter(pk__in=as_filter(tagged_pages(tag)))
        first_page = request.GET.get("page", "1") in ("", "1")
        promotions = promotions_for(terms) if terms and not context["filtered"] else []
        if promotions:
            promoted = [p["page"].pk for p in promotions if "page" in p]
            pages = pages.exclude(pk__in=promoted)
        found, loose, corrected = [], False, None
        if terms:
            searched = pages.not_type(HomePage)
            found, loose, corrected = best_results(
                searched, terms, reader_language(), correct=not promotions
            )
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        shown = [*results, *(p["page"] for p in promotions if first_page and "page" in p)]
        # An event shown as to come is marked "Past event" once it ends.
        now = context["now"]
        fresh_until(request, *(page.end for page in shown if getattr(page, "end", now) > now))
        context.update(
            results=results,
            result_count=results.paginator.count + len(promotions),
            promotions=promotions if first_page else [],
            loose_match=loose,
            corrected=corrected,
            highlight=[w for w in words_of(corrected or terms) if len(w) > 1],
        )
        if not context["result_count"]:
            context["popular_topics"] = popular_topics(reader_language())
        # English words typed on the Polish hub find one English page there (one the Polish
        # hub has not translated) and eight in English: offered, as for no result at all.
        if not context["filtered"] and context["result_count"] <= FEW_RESULTS:
            elsewhere = other_language_results(query)
            if elsewhere and elsewhere["count"] > context["result_count"]:
                context["elsewhere"] = elsewhere
        # Counted by search.counting.CountSearches, also when the page comes from the cache.
    return render(request, "search/search.html", context)


# Up to this many results, a search also looks in the hub's other languages.
FEW_RESULTS = 2


def other_language_results(query):
    """For a search that found little or nothing: the other hub language with the most results
    for it, as {"code", "count", "url", "text", "link", "native_text", "native_link"}, or None. A
    Polish query typed on the English hub finds nothing in English, but may in Polish; the
    offer is in the reader's language and in that language."""
    reader = reader_language()
    counts = match_counts(query, [code for code, _name in settings.LANGUAGES if code != reader])
    found = [(count, code) for code, count in counts.items() if count]
    if not found:
        return None
    count, code = max(found, key=lambda item: item[0])
    info = get_language_info(code)
    with translation.override(code):
        url = f"{reverse('search')}?{urlencode({'q': query})}"
        native_text = gettext("This may be in %(language)s:") % {"language": info["name_local"]}
        native_link = gettext("see results in %(language)s") % {"language": info["name_local"]}
    name = info["name_translated"]
    return {
        "code": code,
        "dir": "rtl" if info["bidi"] else "ltr",
        "count": count,
        "url": url,
        "text": gettext("This may be in %(language)s:") % {"language": name},
        "link": gettext("see results in %(language)s") % {"language": name},
        "native_text": native_text,
        "native_link": native_link,
    }


def _used_topics():
    """Topics that pages the public may see carry, by name: a draft's new topic stays unseen.
    Worked out once per change (hub.caching)."""
    used = Q(pk__in=[])
    shown = public_pages().values("pk")
    for through in tagged_item_models():
        used |= Q(pk__in=through.objects.filter(content_object__in=shown).values("tag_id"))
    return list(Tag.objects.filter(used).order_by("name"))


@require_safe
@cache_control(public=True, max_age=60)
def suggest(request):
    """Page titles for the search box's suggestions as the reader types (JSON)."""
    terms = search_terms(clean_query(request.GET.get("q", "")), reader_language())
    suggestions = []
    if len(terms) >= 2:
        pages = in_reader_language(public_pages(), as_values=not uses_database_search())
        for page in pages.autocomplete(terms)[:SUGGESTIONS]:
            suggestions.append({"title": page.title, "url": page.get_url(request=request)})
    return JsonResponse({"suggestions": suggestions})
