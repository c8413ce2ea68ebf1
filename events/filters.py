"""The events list's filters: access needs, type of event, how to take part and month.

They come from the address (?access=step-free&type=group&month=2026-12), so the list works
without JavaScript and a filtered list can be shared. A value that names nothing is ignored:
the reader gets the list without that filter, never an error.
"""

import datetime
import re

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# Access needs a reader can filter events by: (key in the address, venue field, label in the
# filters, short label in each listed event).
ACCESS_NEEDS = [
    ("step-free", "step_free_access", capfirst(_("step-free access")), _("Step-free")),
    ("accessible-toilet", "accessible_toilet", *[capfirst(_("accessible toilet"))] * 2),
    ("hearing-loop", "hearing_loop", *[capfirst(_("hearing loop"))] * 2),
    (
        "bsl",
        "bsl_on_request",
        _("British Sign Language interpreter on request"),
        _("BSL on request"),
    ),
    ("quiet-space", "quiet_space", *[capfirst(_("quiet space"))] * 2),
    ("creche", "childcare", capfirst(_("crèche or childcare")), _("Crèche")),
]

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# EventPage.attendance's values ("both" events are in person and online).
IN_PERSON, ONLINE = "in_person", "online"
ATTENDANCE = [(IN_PERSON, _("In person")), (ONLINE, _("Online"))]


class EventFilters:
    def __init__(self, params, months_of, kinds):
        """``params``: the request's GET; ``months_of``: the upcoming events whose months are
        offered; ``kinds``: the types of event (EventPage.Kind)."""
        self.kinds = kinds
        asked = set(params.getlist("access"))
        self.access = [key for key, *_rest in ACCESS_NEEDS if key in asked]
        kind = params.get("type", "")
        self.kind = kind if kind in kinds.values else ""
        attendance = params.get("attendance", "")
        self.attendance = attendance if attendance in dict(ATTENDANCE) else ""
        self.month = _month(params.get("month", ""))
        self.months = [
            moment.date()
            for moment in months_of.datetimes(
                "start", "month", tzinfo=timezone.get_default_timezone()
            )
        ]
        if self.month and self.month not in self.months:
            self.months = sorted([*self.months, self.month])

    @property
    def active(self):
        return bool(self.access or self.kind or self.attendance or self.month)

    def apply(self, events):
        fields = {key: field for key, field, *_rest in ACCESS_NEEDS}
        for key in self.access:
            # Only a venue parents have approved counts: an unconfirmed one promises nothing.
            events = events.filter(venue__live=True, **{f"venue__{fields[key]}": "yes"}).exclude(
                attendance=ONLINE
            )
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.attendance == ONLINE:
            events = events.exclude(attendance=IN_PERSON)
        elif self.attendance == IN_PERSON:
            events = events.exclude(attendance=ONLINE)
        if self.month:
            start = datetime.datetime.combine(
                self.month, datetime.time(), tzinfo=timezone.get_default_timezone()
            )
            following = (self.month + datetime.timedelta(days=31)).replace(day=1)
            end = datetime.datetime.combine(
                following, datetime.time(), tzinfo=timezone.get_default_timezone()
            )
            events = events.filter(start__gte=start, start__lt=end)
        return events

    # For the template: each option with whether it is chosen.
    def access_options(self):
        return [(key, label, key in self.access) for key, _field, label, _short in ACCESS_NEEDS]

    def kind_options(self):
        return [(value, label, value == self.kind) for value, label in self.kinds.choices]

    def attendance_options(self):
        return [(value, label, value == self.attendance) for value, label in ATTENDANCE]

    def month_options(self):
        return [(f"{m:%Y-%m}", m, m == self.month) for m in self.months]


def _month(value):
    found = MONTH.match(value)
    if not found:
        return None
    year, month = int(found[1]), int(found[2])
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    return datetime.date(year, month, 1)
