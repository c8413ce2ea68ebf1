"""What changed in a draft, in words a parent reviewer reads without relying on colour.

Wagtail's comparison classes (wagtail.admin.compare) say which fields, blocks and inline items
changed; the rendering is ours: only what changed, under a label a parent understands ("Title",
"Step 2: What happens at the conference"), as a word-level diff that reads in order, removed
words in <del> and added words in <ins> (templates/review/changes.html), each with hidden
"removed:"/"added:" words for screen readers. A changed picture, leaflet or link says what it
was and what it is now.
"""

import difflib
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin import compare
from wagtail.admin.panels import get_edit_handler
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText

# How many unchanged words stay around a change; the rest of a long text becomes "…".
CONTEXT_WORDS = 12
SAME, REMOVED, ADDED, GAP = "same", "removed", "added", "gap"


@dataclass
class Segment:
    kind: str  # SAME, REMOVED, ADDED or GAP (elided unchanged words)
    text: str


@dataclass
class Change:
    """One changed field, block or item: its label and what changed in it."""

    label: str
    # "changed", "added" (new in the draft) or "removed" (gone from it)
    kind: str = "changed"
    segments: list = field(default_factory=list)
    # For things that are not text (a picture, a leaflet, a choice): what it was, what it is.
    before: str = ""
    after: str = ""

    @property
    def is_text(self):
        return bool(self.segments)


# -- Text -----------------------------------------------------------------------------------


def as_text(value):
    """A value as the plain words a reader would read."""
    if value is None or value is False:
        return ""
    if value is True:
        return _("Yes")
    if isinstance(value, RichText):
        value = value.source
    if isinstance(value, Page):
        return value.title
    if isinstance(value, AbstractImage):
        return _("picture: %(title)s") % {"title": value.title}
    if isinstance(value, AbstractDocument):
        return _("document: %(title)s") % {"title": value.title}
    if isinstance(value, StreamValue):
        return "\n".join(filter(None, (as_text(child.value) for child in value)))
    if isinstance(value, StructValue):
        return "\n".join(filter(None, (as_text(child) for child in value.values())))
    if isinstance(value, ListValue | list | tuple):
        return "\n".join(filter(None, (as_text(item) for item in value)))
    if hasattr(value, "strftime"):
        return value.strftime("%-d %B %Y")
    text = str(value)
    if "<" in text and ">" in text:
        soup = BeautifulSoup(text, "html.parser")
        for block in soup.find_all(["p", "li", "h2", "h3", "h4", "br"]):
            block.insert_after("\n")
        text = soup.get_text()
    return re.sub(r"[ \t]+", " ", text).strip()


def tokens(text):
    return re.findall(r"\S+|\n", text)


def word_diff(before, after):
    """Segments that read in order: unchanged words, then removed ones, then added ones."""
    a, b = tokens(before), tokens(after)
    segments = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment(SAME, _join(a[a1:a2])))
        if op in ("delete", "replace"):
            segments.append(Segment(REMOVED, _join(a[a1:a2])))
        if op in ("insert", "replace"):
            segments.append(Segment(ADDED, _join(b[b1:b2])))
    return _elide(segments)


def _join(words):
    return " ".join(words).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")


def _elide(segments):
    """Long runs of unchanged words keep a little context each side of a change."""
    result = []
    for index, segment in enumerate(segments):
        if segment.kind != SAME:
            result.append(segment)
            continue
        words = segment.text.split(" ")
        keep_before = CONTEXT_WORDS if index > 0 else 0
        keep_after = CONTEXT_WORDS if index < len(segments) - 1 else 0
        if len(words) <= keep_before + keep_after + 3:
            result.append(segment)
            continue
        if keep_before:
            result.append(Segment(SAME, " ".join(words[:keep_before])))
        result.append(Segment(GAP, "…"))
        if keep_after:
            result.append(Segment(SAME, " ".join(words[-keep_after:])))
    return result


def text_change(label, before, after):
    before, after = as_text(before), as_text(after)
    if before == after:
        return None
    if not before:
        return Change(label, "added", [Segment(ADDED, after)])
    if not after:
        return Change(label, "removed", [Segment(REMOVED, before)])
    return Change(label, "changed", word_diff(before, after))


def thing_change(label, before, after):
    """A change to something that is not text: what it was, and what it is now."""
    before, after = as_text(before), as_text(after)
    if before == after:
        return None
    kind = "added" if not before else "removed" if not after else "changed"
    return Change(label, kind, before=before or _("nothing"), after=after or _("nothing"))


# -- Fields, blocks and inline items -----------------------------------------------------------


def edit_handler_for(obj):
    """The editor's panels for a page or a snippet: what the comparison walks through."""
    return obj.get_edit_handler() if isinstance(obj, Page) else get_edit_handler(type(obj))


def changes_between(obj_before, obj_after, edit_handler, request=None):
    """Every change from one version of a page or snippet to another, in the editor's order."""
    bound = edit_handler.get_bound_panel(instance=obj_after, request=request, form=None)
    found = []
    for comparison_class in bound.get_comparison():
        comparison = comparison_class(obj_before, obj_after)
        if comparison.has_changed():
            found += _changes_of(comparison, obj_before, obj_after)
    return found


def _changes_of(comparison, obj_before, obj_after):
    label = capfirst(str(comparison.field_label()))
    if isinstance(comparison, compare.ChildRelationComparison):
        return _child_changes(comparison, label)
    field_name = comparison.field.name
    before = _value(obj_before, field_name)
    after = _value(obj_after, field_name)
    if isinstance(comparison, compare.StreamFieldComparison):
        return _stream_changes(comparison, label, obj_after)
    if isinstance(comparison, compare.TagsFieldComparison | compare.M2MFieldComparison):
        return _set_change(label, before, after)
    if isinstance(comparison, compare.ChoiceFieldComparison):
        display = dict(comparison.field.flatchoices)
        change = thing_change(label, display.get(before, before), display.get(after, after))
        return [change] if change else []
    if isinstance(comparison, compare.ForeignObjectComparison):
        change = thing_change(label, before, after)
        return [change] if change else []
    change = text_change(label, before, after)
    return [change] if change else []


def _value(obj, field_name):
    value = getattr(obj, field_name, None)
    if hasattr(value, "all") and callable(value.all):  # a manager (tags, many-to-many)
        return list(value.all())
    return value


def _set_change(label, before, after):
    names_before = {str(item) for item in before or []}
    names_after = {str(item) for item in after or []}
    if names_before == names_after:
        return []  # the same topics, whatever their order: nothing a reader would see
    segments = []
    for name in sorted(names_before | names_after):
        kind = SAME if name in names_before & names_after else REMOVED
        if name not in names_before:
            kind = ADDED
        segments.append(Segment(kind, name))
    return [Change(label, "changed", segments)]


def _stream_changes(comparison, label, obj_after):
    """Blocks matched by their ids: new, removed or changed ones, in the draft's order."""
    before = {child.id: child for child in comparison.val_a or []}
    after_ids = {child.id for child in comparison.val_b or []}
    numbers = _step_numbers(obj_after, comparison.field.name)
    found = []
    pairs = [(before.get(child.id), child) for child in comparison.val_b or []]
    pairs += [(child, None) for child in comparison.val_a or [] if child.id not in after_ids]
    for old, new in pairs:
        shown = new or old
        block_label = _block_label(label, shown, numbers)
        old_value = old.value if old else None
        new_value = new.value if new else None
        if old is None or new is None:  # a whole block added or taken out
            change = text_change(block_label, old_value, new_value)
            found += [change] if change else []
        elif _is_thing(old_value) or _is_thing(new_value):
            change = thing_change(block_label, old_value, new_value)
            found += [change] if change else []
        else:
            found += _struct_changes(block_label, old_value, new_value)
    return found


def _struct_changes(label, before, after):
    """A changed block: its words as a diff, and each picture, leaflet or page it holds that
    changed as "was ... now ..."."""
    if not (isinstance(before, StructValue) and isinstance(after, StructValue)):
        change = text_change(label, before, after)
        return [change] if change else []
    found = []
    words_before = {k: v for k, v in before.items() if not _is_thing(v)}
    words_after = {k: v for k, v in after.items() if not _is_thing(v)}
    change = text_change(label, list(words_before.values()), list(words_after.values()))
    if change:
        found.append(change)
    for name in after:
        if _is_thing(before.get(name)) or _is_thing(after.get(name)):
            change = thing_change(label, before.get(name), after.get(name))
            if change:
                found.append(change)
    return found


def _is_thing(value):
    return isinstance(value, AbstractImage | AbstractDocument | Page)


def _step_numbers(obj, field_name):
    """{block id: step number} for a guide's steps ("and"/"or" steps share a number)."""
    steps = getattr(obj, "numbered_steps", None)
    if field_name != "steps" or steps is None:
        return {}
    stream = getattr(obj, field_name)
    return {child.id: step["number"] for child, step in zip(stream, steps, strict=False)}


def _block_label(field_label, child, numbers):
    """ "Step 2: What happens at the conference", "Downloads: Your rights leaflet"..."""
    value = child.value
    heading = ""
    if isinstance(value, StructValue):
        heading = as_text(value.get("heading") or value.get("title") or "")
        if not heading and value.get("document") is not None:
            heading = as_text(value.get("document")).split(": ", 1)[-1]
    if child.id in numbers:
        title = _("Step %(number)s") % {"number": numbers[child.id]}
        return f"{title}: {heading}" if heading else title
    kind = capfirst(str(child.block.label))
    if field_label.lower().startswith(kind.lower()):  # "Downloads" holds "Download" blocks
        return f"{field_label}: {heading}" if heading else field_label
    name = f"{kind}: {heading}" if heading else kind
    return f"{field_label}: {name}"


def _child_changes(comparison, label):
    """Inline items (principles, promises, updates, related guides...), one change each."""
    found = []
    singular = capfirst(str(comparison.field.related_model._meta.verbose_name))
    for position, child in enumerate(comparison.get_child_comparisons(), start=1):
        if not child.has_changed():
            continue
        before = "" if child.is_addition() else _child_text(child, "a")
        after = "" if child.is_deletion() else _child_text(child, "b")
        change = text_change(f"{singular} {position}", before, after)
        if change is None:
            continue
        found.append(change)
    return found


def _child_text(child, side):
    obj = child.obj_a if side == "a" else child.obj_b
    parts = []
    for comparison in child.get_field_comparisons():
        if isinstance(comparison, compare.ChildRelationComparison):
            related = getattr(obj, comparison.field.name).all()
            parts += [str(item) for item in related]
        else:
            parts.append(as_text(_value(obj, comparison.field.name)))
    return "\n".join(filter(None, parts))
