"""Documents and images under parent review: what the public may fetch, and who may change
a file that live pages use.

- A file is public only while a live, public page uses it (Wagtail's reference index says
  which pages use what). A leaflet uploaded for a draft answers 404 to the public until
  parents approve the page, and again once every page using it is unpublished. Signed-in
  staff and parent reviewers see every file, so previews work.
- Comms staff cannot replace, retitle or delete a file that a live page uses: the change
  would reach the public without review. They upload a new file and choose it in the page,
  which then goes through parent review. Hub administrators keep an emergency route, and
  each use of it is logged and listed in "Published without parent review".
"""

import mimetypes
import posixpath

from django import forms
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import CharField
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import FileResponse, Http404, HttpResponse
from django.utils.text import get_text_list
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm
from wagtail.log_actions import log
from wagtail.models import GroupCollectionPermission, Page, PageViewRestriction, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.signals import page_published, page_unpublished, post_page_move

from hub.public import public_pages
from hub.uploads import SafeUploadFormMixin

EMERGENCY_FILE_CHANGE = "hub.review.files.changed_while_live"
# Bumped whenever what the public may see changes (see connect()).
GENERATION_KEY = "hub:public-files:generation"


# -- Which pages use a file -------------------------------------------------------------


def _page_ids_using(obj):
    page_type = ContentType.objects.get_for_model(Page)
    return (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values("object_id")
    )


def live_pages_using(obj):
    """The live pages (public or restricted) whose approved content uses ``obj``.

    Not the public door (hub.public): this guards changes, and a file a password-protected
    page shows must not change without review either, so restricted pages count here."""
    if obj.pk is None:
        return Page.objects.none()
    ids = _page_ids_using(obj)
    return Page.objects.live().annotate(pk_text=Cast("pk", CharField())).filter(pk_text__in=ids)


def pages_using(obj):
    """Every page whose saved content uses ``obj``: live ones and drafts never published."""
    if obj.pk is None:
        return Page.objects.none()
    ids = _page_ids_using(obj)
    return Page.objects.annotate(pk_text=Cast("pk", CharField())).filter(pk_text__in=ids)


def may_change_live_files(user, model):
    """Hub administrators (who hold the delete permission on files) and superusers."""
    if user is None or not user.is_active:
        return False
    if user.is_superuser:
        return True
    content_type = ContentType.objects.get_for_model(model)
    return GroupCollectionPermission.objects.filter(
        group__user=user,
        permission__in=Permission.objects.filter(
            content_type=content_type, codename=f"delete_{model._meta.model_name}"
        ),
    ).exists()


def describe_pages(pages):
    titles = [f"“{page.get_admin_display_title()}”" for page in pages[:5]]
    more = pages.count() - len(titles) if hasattr(pages, "count") else 0
    text = get_text_list(titles, "and")
    return f"{text} and {more} more" if more > 0 else text


# -- Who may delete a file ----------------------------------------------------------------


class ReviewedFilePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection permissions for documents and images, except that "change" no
    longer means "delete": without the delete permission, a file can be deleted only while no
    page (live or draft) uses it."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if "delete" in actions and not may_change_live_files(user, self.model):
            actions.discard("delete")
            if not pages_using(instance).exists():
                actions.add("change")
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


# -- Who may change a file --------------------------------------------------------------


class ReviewedFileFormMixin:
    """Refuses a change that would reach the public without review, naming the pages."""

    # What a reader never sees: comms staff may always sort files.
    unreviewed_fields = {"tags", "collection"}

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, user=user, **kwargs)
        self.say_which_live_pages_use_it()

    def say_which_live_pages_use_it(self):
        """Before anything is typed, not after a refused save: the file and title of a file
        live pages use cannot change here (hub administrators may, in an emergency)."""
        if not self.instance.pk or may_change_live_files(self.user, type(self.instance)):
            return
        live = live_pages_using(self.instance)
        if not live.exists():
            return
        note = (
            f"Live pages use this file: {describe_pages(live)}. Its file and title cannot "
            "change here: upload the new version as a new file and choose it on those pages."
        )
        for name in ("title", "file"):
            if name in self.fields:
                self.fields[name].help_text = note

    def clean(self):
        cleaned = super().clean()
        changed = set(self.changed_data) - self.unreviewed_fields
        if not (self.instance.pk and changed):
            return cleaned
        live = live_pages_using(self.instance)
        if not live.exists():
            return cleaned
        if may_change_live_files(self.user, type(self.instance)):
            self.emergency_change = {
                "fields": sorted(changed),
                "pages": list(live.values_list("pk", flat=True)),
            }
            return cleaned
        self.add_error(
            None,
            forms.ValidationError(
                "Live pages use this file: %(pages)s. A change here would reach the public "
                "without parent review. Upload the new version as a new file and choose it on "
                "those pages, then send them to parent review.",
                code="used_by_live_pages",
                params={"pages": describe_pages(live)},
            ),
        )
        # Keep the refused values off the file as shown again: it is still the approved one.
        for name in changed:
            cleaned.pop(name, None)
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=commit)
        emergency = getattr(self, "emergency_change", None)
        if commit and emergency:
            log(instance=instance, action=EMERGENCY_FILE_CHANGE, user=self.user, data=emergency)
        return instance


class ReviewedDocumentForm(SafeUploadFormMixin, ReviewedFileFormMixin, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE."""


class ReviewedImageForm(SafeUploadFormMixin, ReviewedFileFormMixin, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE."""


def log_emergency_delete(sender, instance, **kwargs):
    """pre_delete: an administrator deleting a file that live pages use is recorded."""
    live = live_pages_using(instance)
    if live.exists():
        log(
            instance=instance,
            action=EMERGENCY_FILE_CHANGE,
            data={"fields": ["deleted"], "pages": list(live.values_list("pk", flat=True))},
        )


# -- What the public may fetch ----------------------------------------------------------


def forget_public_files(**kwargs):
    """Anything that changes which pages are public changes which files are."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _public_ids(model):
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    key = f"hub:public-files:{model._meta.label_lower}:{generation}"
    ids = cache.get(key)
    if ids is None:
        pages = public_pages().annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        ids = {
            int(pk)
            for pk in ReferenceIndex.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                to_content_type=ContentType.objects.get_for_model(model),
                object_id__in=pages,
            ).values_list("to_object_id", flat=True)
        }
        cache.set(key, ids, 60 * 60)
    return ids


def is_public(obj):
    """Whether a document or image is used by a live page the public may see."""
    return obj.pk in _public_ids(type(obj))


def is_staff_reader(user):
    """Signed-in people who may use the admin see every file (for previews and review)."""
    return user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")


def check_document_is_public(document, request):
    """Wagtail's before_serve_document hook: a document only drafts use is not found."""
    if not (is_public(document) or is_staff_reader(request.user)):
        raise Http404("No such document")


# Every uploaded file the hub lets through: browsers may keep it a few minutes, shared caches
# never (a file stops being public when the last public page using it is unpublished). In
# production nginx sends the bytes and passes this header on (deploy/nginx).
FILE_CACHE_CONTROL = "private, max-age=300"


@require_safe
def serve_media(request, path):
    """Uploaded files (MEDIA_URL): images and their renditions, for those who may see them.

    Documents are served only by Wagtail's document view (with its checks), never from
    here. In production the web server sends the bytes (X-Accel-Redirect), after this check.
    """
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or path.startswith("documents/"):
        raise Http404
    Image = get_image_model()
    image = None
    if path.startswith("original_images/"):
        image = Image.objects.filter(file=path).first()
    elif path.startswith("images/"):
        rendition = Image.get_rendition_model().objects.filter(file=path).select_related("image")
        rendition = rendition.first()
        image = rendition.image if rendition else None
    if image is None or not (is_public(image) or is_staff_reader(request.user)):
        raise Http404
    accel = getattr(settings, "HUB_MEDIA_ACCEL_REDIRECT", "")
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
    else:
        storage = image.file.storage
        if not storage.exists(path):
            raise Http404
        response = FileResponse(storage.open(path, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = FILE_CACHE_CONTROL
    return response


def connect():
    """Called from hub.apps once Wagtail's own apps have registered their permission policies:
    the files' policy, the emergency log, and forgetting which files are public whenever which
    pages are public changes."""
    for model in (get_document_model(), get_image_model()):
        register_permission_policy(
            model,
            ReviewedFilePermissionPolicy(
                model, auth_model=model, owner_field_name="uploaded_by_user"
            ),
            exact_class=True,
        )
        pre_delete.connect(log_emergency_delete, sender=model)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_public_files, dispatch_uid=f"hub_public_files_{id(signal)}")
    for model in (Page, PageViewRestriction):
        post_delete.connect(forget_public_files, sender=model)
    post_save.connect(forget_public_files, sender=PageViewRestriction)
