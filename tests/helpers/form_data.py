"""Admin form data for each page type, as the Wagtail editor would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def _base(page):
    return {"title": page.title, "slug": page.slug}


def home_page(page):
    return {
        **_base(page),
        "intro": page.intro,
        "featured_heading": page.featured_heading,
        "featured_guides": inline_formset([]),
    }


def standard_page(page):
    return {**_base(page), "intro": page.intro, "body": streamfield([])}


def index_page(page):
    return {**_base(page), "intro": page.intro}


def co_production_charter_page(page):
    return {
        **_base(page),
        "intro": page.intro,
        "closing_text": "",
        "principles": inline_formset(
            [
                {
                    "title": principle.title,
                    "summary": principle.summary,
                    "promises": inline_formset(
                        [{"text": p.text} for p in principle.promises.all()]
                    ),
                }
                for principle in page.principles.all()
            ]
        ),
    }


def parent_rights_charter_page(page):
    return {
        **_base(page),
        "intro": page.intro,
        "closing_text": "",
        "rights": streamfield(
            [
                (
                    "right",
                    {
                        "title": block.value["title"],
                        "what_it_means": rich_text(block.value["what_it_means"].source),
                        "if_not_met": rich_text(block.value["if_not_met"].source),
                    },
                )
                for block in page.rights
            ]
        ),
    }


def guide_page(page):
    return {
        **_base(page),
        "summary_text": page.summary_text,
        "is_easy_read": "on" if page.is_easy_read else "",
        "standard_version": page.standard_version_id or "",
        "steps": streamfield(
            [
                (
                    "step",
                    {
                        "heading": step.value["heading"],
                        "logic": step.value["logic"] or "",
                        "summary": step.value["summary"],
                        "body": streamfield(
                            [("paragraph", rich_text(b.value.source)) for b in step.value["body"]]
                        ),
                    },
                )
                for step in page.steps
            ]
        ),
        "downloads": streamfield([]),
        "videos": streamfield([]),
        "related_guides": inline_formset([]),
        "last_reviewed": "",
        "tags": "",
    }


def event_page(page):
    fmt = "%Y-%m-%d %H:%M"
    from django.utils import timezone

    return {
        **_base(page),
        "summary_text": page.summary_text,
        "kind": page.kind,
        "start": timezone.localtime(page.start).strftime(fmt),
        "end": timezone.localtime(page.end).strftime(fmt),
        "attendance": page.attendance,
        "venue": page.venue_id or "",
        "joining_instructions": page.joining_instructions,
        "body": streamfield([]),
        "cost": page.cost,
        "booking_url": page.booking_url,
        "booking_instructions": page.booking_instructions,
        "places": page.places or "",
        "tags": "",
    }


def story_page(page, **overrides):
    data = {
        **_base(page),
        "said_summary": page.said_summary,
        "said_by": page.said_by,
        "said_on": page.said_on.isoformat(),
        "what_we_did": rich_text(page.what_we_did),
        "status": page.status,
        "not_possible_reason": page.not_possible_reason,
        "updates": inline_formset([]),
        "promises_kept": inline_formset([]),
        "tags": "",
    }
    data.update(overrides)
    return data


BY_MODEL = {
    "HomePage": home_page,
    "StandardPage": standard_page,
    "GuideIndexPage": index_page,
    "EventIndexPage": index_page,
    "StoryIndexPage": index_page,
    "CoProductionCharterPage": co_production_charter_page,
    "ParentRightsCharterPage": parent_rights_charter_page,
    "GuidePage": guide_page,
    "EventPage": event_page,
    "StoryPage": story_page,
}


def for_page(page):
    return nested_form_data(BY_MODEL[type(page).__name__](page))
