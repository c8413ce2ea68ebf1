"""Builds the demo hub. Safe to run again: what already exists is left as it is."""

import datetime
import io
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from charter.models import CoProductionCharterPage, ParentRightsCharterPage, Principle, Promise
from events.models import EventIndexPage, EventPage, Venue
from guides.models import GuideIndexPage, GuidePage, RelatedGuide
from home.demo import content, leaflets, pictures
from home.demo.indexing import indexed_once
from home.demo.translations import translate_demo
from home.models import HomePage, HomePageFeaturedGuide, StandardPage
from hub.models import HubSettings
from hub.topics.models import TopicName
from search.models import SearchSynonym
from stories.models import StoryIndexPage, StoryPage, StoryPromise, StoryUpdate


def stream(blocks):
    """StreamField raw data from (type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def steps_stream(steps):
    return stream(
        [
            (
                "step",
                {
                    "heading": step["heading"],
                    "logic": step.get("logic", ""),
                    "summary": step.get("summary", ""),
                    "body": [{"type": k, "value": v} for k, v in step["body"]],
                },
            )
            for step in steps
        ]
    )


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    @transaction.atomic
    def load(self):
        with indexed_once():
            return self._load()

    def _load(self):
        self.locale = Locale.get_default()
        self.home = self.ensure_home()
        self.pictures = self.ensure_pictures()
        self.documents = self.ensure_leaflets()
        pages = {page["slug"]: self.ensure_standard_page(page) for page in content.STANDARD_PAGES}
        charter = self.ensure_co_production_charter()
        self.ensure_rights_charter()
        guides = self.ensure_guides()
        self.ensure_events()
        self.ensure_stories(charter)
        self.ensure_featured_guides(guides)
        self.ensure_settings(pages)
        self.ensure_search_words()
        self.ensure_topic_names()
        self.created += translate_demo(self.home, log=self.log)
        return self.created

    # -- helpers ---------------------------------------------------------------------------

    def existing(self, parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def publish_new(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"  created {page._meta.verbose_name}: {page.title}")
        return page

    # -- site ------------------------------------------------------------------------------

    def ensure_home(self):
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's install creates a placeholder "Welcome" page; the hub's home replaces it.
            for page in root.get_children().filter(slug="home"):
                if page.specific_class is Page:
                    page.delete()
            home = HomePage(
                title="Help and information for parents",
                slug="home",
                intro=content.HOME_INTRO,
                tagline=content.HOME_TAGLINE,
                contact_hours=content.HOME_CONTACT_HOURS,
                contact_hours_easy_read=content.HOME_CONTACT_HOURS_EASY_READ,
                seo_title="Kingsbrook Parent Partnership",
                search_description=content.HOME_INTRO[:155],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
            self.log("  created the home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=content.ORGANISATION["organisation_name"],
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = content.ORGANISATION["organisation_name"]
            site.save()
        return home

    def ensure_topic_names(self):
        languages = ["cy", "pl", "ur"]
        for english, *names in content.TOPIC_NAMES:
            tag = Tag.objects.filter(name=english).first()
            if tag is None:
                continue
            for code, name in zip(languages, names, strict=True):
                TopicName.objects.get_or_create(
                    tag=tag, language_code=code, defaults={"name": name}
                )

    def ensure_search_words(self):
        for words, note in content.SEARCH_SYNONYMS:
            SearchSynonym.objects.get_or_create(words=words, defaults={"note": note})
        for query_string, slug, description in content.BEST_BETS:
            page = self.existing(self.home, Page, slug)
            query = Query.get(query_string)
            if page and not query.editors_picks.filter(page=page).exists():
                SearchPromotion.objects.create(
                    query=query, page=page, description=description, sort_order=0
                )

    def ensure_settings(self, pages):
        site = Site.objects.get(is_default_site=True)
        settings = HubSettings.for_site(site)
        if settings.contact_email:
            if settings.cover_your_tracks_id is None:  # a demo loaded before the page existed
                settings.cover_your_tracks = pages["cover-your-tracks"]
                settings.save()
            return
        for field, value in content.ORGANISATION.items():
            setattr(settings, field, value)
        settings.accessibility_statement = pages["accessibility"]
        settings.cover_your_tracks = pages["cover-your-tracks"]
        settings.footer_links = stream(
            [
                ("link", {"page": pages["contact"].pk, "label": ""}),
                ("link", {"page": pages["forums-and-groups"].pk, "label": ""}),
                ("link", {"page": pages["what-is-co-production"].pk, "label": ""}),
                ("link", {"page": pages["privacy"].pk, "label": ""}),
            ]
        )
        settings.save()

    def ensure_pictures(self):
        Image = get_image_model()
        ids = {}
        for key, (_draw, alt) in pictures.PICTURES.items():
            title = f"Easy Read: {alt}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(
                    title=title,
                    description=alt,
                    file=ImageFile(
                        io.BytesIO(pictures.png_bytes(key)), name=f"easy-read-{key}.png"
                    ),
                )
                image.save()
            ids[key] = image.pk
        return ids

    def ensure_leaflets(self):
        Document = get_document_model()
        ids = {}
        for key, (title, paragraphs) in content.LEAFLETS.items():
            document = Document.objects.filter(title=title).first()
            if document is None:
                data = leaflets.pdf_bytes(title, paragraphs)
                document = Document(title=title, file_size=len(data))
                document.file.save(f"{key}.pdf", ContentFile(data), save=False)
                document._set_file_hash()
                document.save()
            ids[key] = document.pk
        return ids

    # -- pages -----------------------------------------------------------------------------

    def ensure_standard_page(self, data):
        page = self.existing(self.home, StandardPage, data["slug"])
        if page:
            return page
        return self.publish_new(
            self.home,
            StandardPage(
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                body=stream(data["body"]),
                show_in_menus=data["menu"],
            ),
        )

    def ensure_co_production_charter(self):
        page = self.existing(self.home, CoProductionCharterPage, "co-production-charter")
        if page:
            return page
        page = CoProductionCharterPage(
            title="Our charter",
            seo_title="Our co-production charter",
            slug="co-production-charter",
            intro=content.CO_PRODUCTION_INTRO,
            closing_text=content.CO_PRODUCTION_CLOSING,
            show_in_menus=True,
        )
        page.principles = [
            Principle(title=title, summary=summary, promises=[Promise(text=t) for t in promises])
            for title, summary, promises in content.PRINCIPLES
        ]
        return self.publish_new(self.home, page)

    def ensure_rights_charter(self):
        page = self.existing(self.home, ParentRightsCharterPage, "parent-rights-charter")
        if page:
            return page
        rights = [
            ("right", {"title": title, "what_it_means": means, "if_not_met": not_met})
            for title, means, not_met in content.RIGHTS
        ]
        return self.publish_new(
            self.home,
            ParentRightsCharterPage(
                title="Your rights as a parent",
                slug="parent-rights-charter",
                intro=content.RIGHTS_INTRO,
                closing_text=content.RIGHTS_CLOSING,
                rights=stream(rights),
                show_in_menus=True,
            ),
        )

    def ensure_guides(self):
        index = self.existing(self.home, GuideIndexPage, "guides")
        if index is None:
            index = self.publish_new(
                self.home,
                GuideIndexPage(
                    title="Guides",
                    slug="guides",
                    intro="Step-by-step guides, written with parents, to what happens when "
                    "children's services get involved.",
                    show_in_menus=True,
                ),
            )
        reviewed = timezone.localdate() - datetime.timedelta(days=45)
        guides = {}
        specs = [
            (
                "child-protection-and-care-proceedings",
                "Child protection conferences and care proceedings",
                content.CP_GUIDE_SUMMARY,
                steps_stream(content.child_protection_steps(self.documents["rights-leaflet"])),
                ["child protection", "care proceedings", "conferences"],
                False,
            ),
            (
                "child-protection-easy-read",
                "Child protection and court: Easy Read",
                content.EASY_READ_SUMMARY,
                steps_stream(content.easy_read_steps(self.pictures)),
                ["child protection", "care proceedings", "easy read"],
                True,
            ),
            (
                "taking-part",
                "Taking part: how your voice makes a difference",
                content.PARTICIPATION_SUMMARY,
                steps_stream(content.participation_steps()),
                ["co-production"],
                False,
            ),
        ]
        for slug, title, summary, steps, tags, easy_read in specs:
            page = self.existing(index, GuidePage, slug)
            if page is None:
                page = GuidePage(
                    title=title,
                    slug=slug,
                    summary_text=summary,
                    steps=steps,
                    is_easy_read=easy_read,
                    standard_version=guides.get("child-protection-and-care-proceedings")
                    if easy_read
                    else None,
                    last_reviewed=reviewed,
                )
                if slug == "child-protection-and-care-proceedings":
                    page.downloads = stream(
                        [
                            (
                                "download",
                                {
                                    "document": self.documents["conference-leaflet"],
                                    "title": "Your first child protection conference",
                                    "description": "What to expect, on two sides",
                                },
                            ),
                            (
                                "download",
                                {
                                    "document": self.documents["rights-leaflet"],
                                    "title": "Your rights as a parent",
                                    "description": "Your rights, on one page",
                                },
                            ),
                        ]
                    )
                    page.videos = stream(
                        [
                            (
                                "video",
                                {
                                    "title": "Your first child protection conference",
                                    "url": "https://www.example.org/videos/first-conference",
                                    "duration": "4 minutes",
                                    "has_captions": True,
                                    "transcript": content.p(
                                        "Parents from our group explain who will be at the "
                                        "conference, what happens in it, and how to get your "
                                        "views across."
                                    ),
                                },
                            )
                        ]
                    )
                page.tags.add(*tags)
                page = self.publish_new(index, page)
            guides[slug] = page
        main = guides["child-protection-and-care-proceedings"]
        if not main.related_guides.exists():
            main.related_guides = [RelatedGuide(guide=guides["taking-part"])]
            main.save_revision().publish()
        return guides

    def ensure_featured_guides(self, guides):
        if self.home.featured_guides.exists():
            return
        self.home.featured_guides = [
            HomePageFeaturedGuide(guide=guides[slug])
            for slug in (
                "child-protection-and-care-proceedings",
                "child-protection-easy-read",
                "taking-part",
            )
        ]
        self.home.save_revision().publish()

    def ensure_events(self):
        index = self.existing(self.home, EventIndexPage, "events")
        if index is None:
            index = self.publish_new(
                self.home,
                EventIndexPage(
                    title="Events",
                    slug="events",
                    intro="Forums, groups and sessions where parents and carers meet, get "
                    "support and help shape services.",
                    show_in_menus=True,
                ),
            )
        venues = []
        for data in content.VENUES:
            venue = Venue.objects.filter(name=data["name"], locale=self.locale).first()
            if venue is None:
                venue = Venue(locale=self.locale, **data)
                venue.save()
                venue.save_revision().publish()
            venues.append(venue)
        today = timezone.localdate()
        london = timezone.get_default_timezone()
        for (
            slug,
            title,
            summary,
            days,
            hour,
            hours,
            attendance,
            venue_index,
            cost,
            places,
            tags,
        ) in content.EVENTS:
            if self.existing(index, EventPage, slug):
                continue
            day = today + datetime.timedelta(days=days)
            start = datetime.datetime.combine(day, datetime.time(hour), tzinfo=london)
            page = EventPage(
                title=title,
                slug=slug,
                summary_text=summary,
                kind=content.EVENT_KINDS.get(slug, EventPage.Kind.OTHER),
                start=start,
                end=start + datetime.timedelta(hours=hours),
                attendance=attendance,
                venue=venues[venue_index] if venue_index is not None else None,
                joining_instructions=content.JOINING_ONLINE if attendance != "in_person" else "",
                live_captions=attendance != "in_person",
                cost=cost,
                places=places,
                booking_instructions="Call or email the partnership to book. If you need "
                "anything to help you take part, tell us when you book.",
                body=stream([("paragraph", content.EVENT_WELCOME)]),
            )
            page.tags.add(*tags)
            self.publish_new(index, page)

    def ensure_stories(self, charter):
        index = self.existing(self.home, StoryIndexPage, "you-said-we-did")
        if index is None:
            index = self.publish_new(
                self.home,
                StoryIndexPage(
                    title="You said, we did",
                    slug="you-said-we-did",
                    intro="What parents told us, what we changed, and what we could not change "
                    "and why.",
                    show_in_menus=True,
                ),
            )
        promises = {
            (principle.title, n): promise
            for principle in charter.principles.all()
            for n, promise in enumerate(principle.promises.all())
        }
        today = timezone.localdate()
        for (
            slug,
            title,
            said,
            said_by,
            months_ago,
            did,
            status,
            reason,
            updates,
            kept,
            tags,
        ) in content.STORIES:
            if self.existing(index, StoryPage, slug):
                continue
            page = StoryPage(
                title=title,
                slug=slug,
                said_summary=said,
                said_by=said_by,
                said_on=today - datetime.timedelta(days=30 * months_ago),
                what_we_did=did,
                status=status,
                not_possible_reason=reason,
            )
            page.updates = [
                StoryUpdate(date=today + datetime.timedelta(days=30 * m), text=text)
                for m, text in updates
            ]
            page.promises_kept = [StoryPromise(promise=promises[key]) for key in kept]
            page.tags.add(*tags)
            self.publish_new(index, page)
