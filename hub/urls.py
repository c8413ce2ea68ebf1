"""The site's URLs: admin, documents, media, sitemap, robots, and (per language) search, topics,
calendars and pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import health
from hub import views as hub_views
from hub.accounts import page_passwords
from hub.review import files, sign_in
from hub.sitemap import MultilingualSitemap
from hub.topics import views as topic_views
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view (its checks, its hooks), minus one header it gets wrong.
    re_path(r"^documents/(\d+)/(.*)$", hub_views.serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", hub_views.robots_txt, name="robots_txt"),
    path(
        "favicon.ico",
        # Looked up on request, not at import: `migrate` must work before `collectstatic`.
        RedirectView.as_view(
            url=lazy(staticfiles_storage.url, str)("hub/images/favicon.ico"), permanent=True
        ),
    ),
    path("healthz", health.healthz, name="healthz"),
    # Parent reviewers may sign in by emailed link (hub/review/sign_in.py).
    path("review-sign-in/", sign_in.request_link, name="review_sign_in_request"),
    path("review-sign-in/<str:secret>/", sign_in.use_link, name="review_sign_in"),
]

# Uploaded images go through a check (hub/review/files.py) in every environment: a file only drafts
# use is not public yet. Documents are served by Wagtail's view above, never from here.
urlpatterns += [
    path(settings.MEDIA_URL.lstrip("/") + "<path:path>", files.serve_media, name="media"),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("tags/<slug:slug>/", topic_views.topic_page, name="topic"),
    path("calendar/", include("events.urls")),
    # A page's password form, with no cookie (hub/accounts/page_passwords.py), and Wagtail's
    # page-login form: before the pattern for pages, which would otherwise take their
    # addresses and answer 404.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *(
        pattern
        for pattern in wagtail_urls.urlpatterns
        if pattern.name not in {"wagtail_serve", "wagtailcore_authenticate_with_password"}
    ),
    # Pages: Wagtail's serve view, with the page found by its address (hub/views.py).
    re_path(wagtail_urls.serve_pattern, hub_views.serve_page, name="wagtail_serve"),
    prefix_default_language=False,
)
