"""Pages, feeds and calendar files go out gzipped to browsers that accept it: a guide's 25 KB
of HTML is about 6 KB on a phone's slow connection, whatever sits in front of the hub.

Django's ``GZipMiddleware`` (with its mitigation of the BREACH attack), for the public site's
text only: a leaflet, a picture or a video is already as small as compressing makes it, and a
file's bytes go out as uploaded. It sits inside the page cache (middleware.py), so a cached page
is kept compressed, beside a plain copy for browsers that do not accept gzip (its ``Vary:
Accept-Encoding``): a hit costs no compressing, and no reader is given what they cannot read.
"""

from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import set_response_etag

from hub.caching.middleware import NOT_PAGES

TEXT = (
    "text/",
    "application/xml",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)


class CompressTextMiddleware(GZipMiddleware):
    def process_request(self, request):
        # Only "takes gzip or not" matters here, so the cache keeps two copies of a page, not
        # one for each browser's way of saying it ("gzip, deflate, br, zstd", "gzip, br"...).
        accepted = request.META.pop("HTTP_ACCEPT_ENCODING", "")
        if re_accepts_gzip.search(accepted):
            request.META["HTTP_ACCEPT_ENCODING"] = "gzip"

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if (
            not content_type.startswith(TEXT)
            # Not the admin (a page there can hold a secret, such as a new authenticator's key,
            # and compressing secrets beside what a visitor sends is how BREACH reads them), and
            # not uploaded files, text ones included: their bytes go out as uploaded.
            or request.path.startswith(NOT_PAGES)
            or response.has_header("X-Accel-Redirect")
        ):
            return response
        if request.method == "GET" and not response.streaming and not response.has_header("ETag"):
            # The ETag of the page as written, before gzip adds its random bytes: the same page
            # built again keeps it, so a browser asking again still gets a small 304.
            set_response_etag(response)
        return super().process_response(request, response)
