"""The hub as production runs it: gunicorn (deploy/gunicorn.conf.py) behind Debian's nginx
(deploy/nginx/partnership-hub.conf) over HTTPS on loopback. nginx serves static files and, after
the hub's check, uploaded files; it never serves a file the privacy rules keep private."""

import json
import re
import warnings

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.core.files.base import ContentFile
from urllib3.exceptions import InsecureRequestWarning
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.review.roles import HUB_ADMINISTRATORS
from tests.conftest import PASSWORD
from tests.deploy.stack import HOST
from tests.helpers.people import totp_code

# Each test commits what the separate gunicorn process reads; serialized rollback puts back
# what the migrations made (root page, locales, roles) afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _self_signed_certificate_is_expected():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureRequestWarning)
        yield


def get(stack, path, scheme="https", **kwargs):
    headers = {"Host": HOST, **kwargs.pop("headers", {})}
    return requests.get(
        stack.url(path, scheme),
        headers=headers,
        verify=False,
        allow_redirects=False,
        timeout=10,
        **kwargs,
    )


def guide_using(parent, image, document, **kwargs):
    picture = {"image": image.pk, "alt_text": "A hall", "decorative": False}
    steps = [
        {
            "type": "step",
            "value": {
                "heading": "A picture",
                "logic": "",
                "summary": "A step with a picture.",
                "body": [{"type": "image", "value": picture}],
            },
        }
    ]
    download = {"document": document.pk, "title": "", "description": ""}
    return GuidePageFactory(
        parent=parent,
        steps=json.dumps(steps),
        downloads=json.dumps([{"type": "download", "value": download}]),
        **kwargs,
    )


def new_files(name):
    image = get_image_model().objects.create(
        title=name, file=get_test_image_file(filename=f"{name}.png")
    )
    document = get_document_model()(title=name)
    document.file.save(f"{name}.pdf", ContentFile(b"%PDF-1.4 " + name.encode()), save=False)
    document.save()
    return image, document


@pytest.fixture
def files(home):
    """Files a live public guide uses, files only a draft uses, and files only a live page
    behind a login uses."""
    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=443)
    guides = GuideIndexPageFactory(parent=home)
    public, draft, restricted = new_files("public"), new_files("draft"), new_files("restricted")
    guide_using(guides, *public, title="Live guide")
    guide_using(guides, *draft, title="Draft guide", live=False)
    members_only = guide_using(guides, *restricted, title="Members only")
    PageViewRestriction.objects.create(page=members_only, restriction_type="login")
    renditions = {
        name: image.get_rendition("width-100")
        for name, (image, _) in (("public", public), ("draft", draft), ("restricted", restricted))
    }
    return {"public": public, "draft": draft, "restricted": restricted, "renditions": renditions}


def test_what_readers_get_through_nginx_static_files_public_files_and_nothing_private(
    hub_behind_nginx, files
):
    stack = hub_behind_nginx()

    # Static files: nginx sends them, hashed names cached for a year.
    html = get(stack, "/").text
    stylesheet = re.search(r'href="(/static/css/hub\.[0-9a-f]{12}\.css)"', html)[1]
    response = get(stack, stylesheet)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "body" in response.text
    assert get(stack, "/static/css/hub.css").headers["Cache-Control"] == "public, max-age=3600"

    # Pages: gzipped for a browser that takes it (requests asks for gzip and unpacks it), plain
    # for one that does not, through nginx and the page cache in either order.
    packed = get(stack, "/")
    plain = get(stack, "/", headers={"Accept-Encoding": "identity"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert int(packed.headers["Content-Length"]) < len(plain.content) / 2
    assert "Content-Encoding" not in plain.headers
    assert plain.text == packed.text == html

    # Files a live public page uses: the hub checks, nginx sends the bytes.
    image, document = files["public"]
    rendition = files["renditions"]["public"]
    response = get(stack, rendition.url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/png"
    assert response.content == rendition.file.open("rb").read()
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "X-Accel-Redirect" not in response.headers
    assert get(stack, image.file.url).status_code == 200
    response = get(stack, document.url)
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4 public"
    assert response.headers["Content-Type"] == "application/pdf"
    # Documents are always downloads, never opened as part of the site (hub/uploads.py).
    assert response.headers["Content-Disposition"] == 'attachment; filename="public.pdf"'
    assert "Content-Encoding" not in response.headers  # sent as it is, by every client
    # One Cache-Control for each file, the hub's: nginx passes it on after X-Accel-Redirect.
    for url in (rendition.url, image.file.url, document.url):
        assert get(stack, url).raw.headers.getlist("Cache-Control") == ["private, max-age=300"]

    # Files only a draft, or only a page behind a login, uses: not found, by any route.
    for name in ("draft", "restricted"):
        private_image, private_document = files[name]
        for url in (
            private_image.file.url,
            files["renditions"][name].url,
            private_document.url,
            f"/media/{private_document.file.name}",
            f"/protected-media/{private_image.file.name}",
            f"/protected-media/{private_document.file.name}",
        ):
            assert get(stack, url).status_code == 404, url
    # Not even a public file is reachable round the check.
    assert get(stack, f"/protected-media/{image.file.name}").status_code == 404
    assert get(stack, f"/media/{document.file.name}").status_code == 404

    # Health, and the logs of it all: one JSON object a line.
    health = get(stack, "/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in health.headers["Cache-Control"]
    assert "Set-Cookie" not in health.headers
    request_id = health.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id, passed through
    assert get(stack, "/", headers={"Host": "evil.example"}).status_code == 400
    stack.stop()
    lines = [json.loads(line) for line in stack.app_log_lines()]  # every line is one JSON event
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert {
        "method": "GET",
        "path": "/healthz",
        "status": 200,
        "request_id": request_id,
    }.items() <= next(line for line in access if line["request_id"] == request_id).items()
    bad_host = [line for line in lines if line["logger"] == "django.security.DisallowedHost"]
    assert len(bad_host) == 1
    assert bad_host[0]["level"] == "WARNING"
    assert "traceback" not in bad_host[0]
    assert "Invalid HTTP_HOST header: 'evil.example'" in bad_host[0]["message"]
    for line in lines:
        assert {"time", "level", "logger", "request_id", "user_id", "message"} <= line.keys()


def test_the_admin_signs_in_over_https_through_nginx(hub_behind_nginx, home, make_member):
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    # Production knows only Django's standard hashers, not the suite's fast MD5.
    admin.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    admin.save()
    totp_code(admin)  # the administrator's authenticator app
    stack = hub_behind_nginx()
    assert get(stack, "/admin/login/", scheme="http").status_code == 301
    assert get(stack, "/admin/login/", scheme="http").headers["Location"] == (
        f"https://{HOST}/admin/login/"
    )

    session = requests.Session()
    session.headers["Host"] = HOST
    page = session.get(stack.url("/admin/login/"), verify=False, timeout=10)
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    # The hub knew the request was secure (X-Forwarded-Proto): its cookies are Secure.
    assert "secure" in page.headers["Set-Cookie"].lower()
    response = session.post(
        stack.url("/admin/login/"),
        data={"username": "hubadmin", "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Origin": f"https://{HOST}", "Referer": f"https://{HOST}/admin/login/"},
        allow_redirects=False,
        verify=False,
        timeout=10,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"
    # Production asks for the code from the administrator's app before any admin screen.
    verify = session.get(stack.url("/admin/"), allow_redirects=False, verify=False, timeout=10)
    assert verify.status_code == 302
    assert verify.headers["Location"].startswith("/admin/two-step-verification/verify/")
    page = session.get(stack.url(verify.headers["Location"]), verify=False, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    response = session.post(
        stack.url("/admin/two-step-verification/verify/"),
        data={"code": totp_code(admin), "next": "/admin/", "csrfmiddlewaretoken": token},
        headers={"Origin": f"https://{HOST}", "Referer": stack.url(verify.headers["Location"])},
        allow_redirects=False,
        verify=False,
        timeout=10,
    )
    assert response.headers["Location"] == "/admin/"
    dashboard = session.get(stack.url("/admin/"), allow_redirects=False, verify=False, timeout=10)
    assert dashboard.status_code == 200
    assert "Dashboard" in dashboard.text


def sign_in(stack, username, password):
    """A sign-in from a new browser: its own session, connection and CSRF token."""
    session = requests.Session()
    session.headers["Host"] = HOST
    page = session.get(stack.url("/admin/login/"), verify=False, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    return session.post(
        stack.url("/admin/login/"),
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Origin": f"https://{HOST}", "Referer": f"https://{HOST}/admin/login/"},
        allow_redirects=False,
        verify=False,
        timeout=10,
    )


def test_after_five_wrong_passwords_even_the_right_one_is_refused_by_every_worker(
    hub_behind_nginx, home, make_member
):
    """Two gunicorn workers behind nginx, each sign-in a new connection: the count of wrong
    passwords is kept in the database (django-axes), so no worker starts it again."""
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    admin.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    admin.save()
    stack = hub_behind_nginx()
    wrong = [sign_in(stack, "hubadmin", "not-the-password").status_code for _ in range(5)]
    assert wrong == [200, 200, 200, 200, 429]  # the form with its error, then locked out
    for _ in range(4):  # the right password, whichever worker answers
        locked = sign_in(stack, "hubadmin", PASSWORD)
        assert locked.status_code == 429
        assert "sessionid" not in locked.cookies
