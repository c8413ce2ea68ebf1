"""Every admin URL, filled in with real objects, and what a GET of it answers.

Each role's test walks all of them and compares the answers with its table, so a new admin
view (Wagtail's, wagtail-localize's or ours) that forgets its permission check shows up as a
URL missing from every table, and fails.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# A short name for each kind of answer.
OK = "200"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"  # POST only
TO_LOGIN = "302 login"
TO_DASHBOARD = "302 dashboard"  # Wagtail's "Sorry, you do not have permission"


def admin_patterns():
    """(view name, route) for every named admin URL."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), joined)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, prefix + str(pattern.pattern)

    seen = {}
    for name, route in walk(get_resolver().url_patterns):
        if route.startswith("admin/") and name not in seen:
            seen[name] = route
    return seen


def route_kwargs(route):
    return re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)


def url_for(name, route, world):
    """The URL of a view, filled in with the world's objects (see conftest's `world`)."""
    kwargs = {}
    for angle, regex in route_kwargs(route):
        key = angle or regex
        kwargs[key] = value_for(name, key, world)
    return reverse(name, kwargs=kwargs)


def value_for(name, key, world):
    namespace = name.rpartition(":")[0]
    # Snippet URLs about a reviewed snippet point at the venue in review; others at the story.
    reviewed = world["venue"] if namespace == "wagtailsnippets_events_venue" else world["draft"]
    special = {
        "wagtailsettings": {"app_name": "hub", "model_name": "hubsettings"},
        "wagtailadmin_tag_model_autocomplete": {"app_name": "taggit", "model_name": "tag"},
        "wagtailadmin_workflows": {"app_label": "hub", "model_name": "parentpanelreviewtask"},
        "wagtail_bulk_action": {"app_label": "wagtailcore", "model_name": "page"},
        "wagtail_localize:convert_to_alias": {"page_id": world["translation_target"].pk},
    }
    for prefix in (name, namespace):
        if key in special.get(prefix, {}):
            return special[prefix][key]
    if key == "pk":
        return pk_for(namespace, world)
    if key in ("page_id", "page_pk", "page_to_move_id"):
        return world["draft"].pk
    if key == "parent_page_id":
        return world["stories"].pk
    if key == "destination_id":
        return world["home"].pk
    if key in ("content_type_app_name", "app_label", "app_name"):
        return "events" if "snippet" in name or "localize" in name else "stories"
    if key in ("content_type_model_name", "model_name"):
        return "venue" if "snippet" in name or "localize" in name else "storypage"
    if key == "task_state_id":
        return reviewed.current_workflow_task_state.pk
    if key == "task_id":
        return reviewed.current_workflow_task.pk
    if key == "action_name":
        return "approve"
    if key == "action":
        return "delete"
    if key == "revision_id":
        return reviewed.get_latest_revision().pk
    if key == "revision_id_a":
        return "earliest"
    if key == "revision_id_b":
        return "latest"
    if key == "workflow_state_id":
        return reviewed.current_workflow_state.pk
    if key == "workflow_pk":
        return world["workflow"].pk
    if key in ("document_id", "doc_id"):
        return world["document"].pk
    if key == "image_id":
        return world["image"].pk
    if key == "filter_spec":
        return "width-100"
    if key == "collection_id":
        return world["collection"].pk
    if key == "query_id":
        return world["query"].pk
    if key == "redirect_id":
        return world["redirect"].pk
    if key in ("uploaded_file_id", "session_id", "overridable_segment_id"):
        return 999999  # none exists: these answer for objects made on the fly
    if key == "object_id":
        return str(world["venue"].pk)
    if key == "translation_id":
        return world["translation"].pk
    if key == "translation_source_id":
        return world["translation"].source_id
    if key == "string_segment_id":
        return world["string_segment"].pk
    if key == "mode":
        return "default"
    if key == "user_id":
        return world["someone"].pk
    if key == "attempt_id":
        return world["lockout"].pk
    if key == "uidb64":
        return "MQ"
    if key == "token":
        return "set-password"
    raise KeyError(f"No value for <{key}> in {name}: add one to tests/roles/admin_urls.py")


def pk_for(namespace, world):
    by_namespace = {
        "wagtailsnippets_events_venue": "venue",
        "wagtailsnippetchoosers_events_venue": "venue",
        "wagtailsnippets_search_searchsynonym": "synonym",
        "wagtailsnippetchoosers_search_searchsynonym": "synonym",
        "wagtailsnippets_taggit_tag": "tag",
        "wagtailsnippetchoosers_taggit_tag": "tag",
        "wagtaillocales": "locale",
        "wagtailsites": "site",
        "wagtailusers_users": "someone",
        "wagtailusers_groups": "group",
        "wagtailadmin_collections": "collection",
        "wagtailadmin_workflows": "workflow",
        "wagtaildocs_chooser": "document",
        "wagtailimages_chooser": "image",
        "wagtailsettings": "site",  # settings URLs name the site they belong to
        "wagtailadmin_api:pages": "draft",
        "wagtailadmin_api:documents": "document",
        "wagtailadmin_api:images": "image",
        "wagtail_localize": "venue",
        "wagtailadmin_pages": "draft",
    }
    if namespace == "wagtailadmin_workflows":
        return world["workflow"].pk
    return world[by_namespace[namespace]].pk


LOGOUT = "wagtailadmin_logout"
TASK_VIEWS = {"wagtailadmin_workflows:edit_task", "wagtailadmin_workflows:disable_task"}


def answer(client, url):
    """What a GET of the URL answers, in one of the short names above."""
    response = client.get(url)
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return TO_LOGIN
        path = location.split("?")[0]
        if path == "/admin/":
            return TO_DASHBOARD
        return f"{status} {re.sub(r'[0-9]+', 'N', path)}"
    return str(status)


def walk(client, world):
    """{view name: answer} for every admin URL."""
    client.raise_request_exception = False  # Wagtail's /admin/failwhale/ fails on purpose
    answers = {}
    # Signing out last: every other URL is asked for as the signed-in person.
    names = sorted(admin_patterns().items(), key=lambda item: (item[0] == LOGOUT, item[0]))
    for name, route in names:
        if name in TASK_VIEWS:
            url = reverse(name, kwargs={"pk": world["draft"].current_workflow_task.pk})
        elif name == "wagtailadmin_workflows:enable_task":
            url = reverse(name, kwargs={"pk": world["draft"].current_workflow_task.pk})
        elif name == "wagtailadmin_workflows:task_chosen":
            url = reverse(name, kwargs={"task_id": world["draft"].current_workflow_task.pk})
        else:
            url = url_for(name, route, world)
        if name == "wagtail_bulk_action":
            url += f"?id={world['draft'].pk}"
        answers[name] = answer(client, url)
    return answers


def differences(answers, expected):
    """Lines describing every URL whose answer differs from the table (or has no entry)."""
    lines = []
    for name in sorted(set(answers) | set(expected)):
        got, want = answers.get(name, "(no such URL)"), expected.get(name, "(not in the table)")
        if got != want:
            lines.append(f"{name}: answered {got!r}, the table says {want!r}")
    return lines
