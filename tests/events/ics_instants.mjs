// Reads an .ics file on stdin with ical.js, a calendar reader independent of the Python
// icalendar library that writes it, and prints JSON: each event's UID -> its start and end
// as UTC instants, with the time zone ical.js placed them in, and its description.
//
// Times with a TZID are placed with the VTIMEZONE in the file itself (registered with
// ICAL.TimezoneService), never with a built-in database: that block is what clients read.
import { readFileSync } from "node:fs";

import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));

ICAL.TimezoneService.reset();
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}

function instant(vevent, name) {
  const property = vevent.getFirstProperty(name);
  let time = property.getFirstValue();
  const tzid = property.getParameter("tzid");
  if (tzid) {
    if (!ICAL.TimezoneService.has(tzid)) {
      throw new Error(`${name} names TZID=${tzid}, but the file has no VTIMEZONE for it`);
    }
    // The wall-clock time, placed afresh in the zone registered from the file.
    const { year, month, day, hour, minute, second } = time;
    time = new ICAL.Time(
      { year, month, day, hour, minute, second },
      ICAL.TimezoneService.get(tzid),
    );
  } else if (time.zone === ICAL.Timezone.localTimezone) {
    throw new Error(`${name} is a floating time: it names no time zone`);
  }
  return {
    utc: time.toJSDate().toISOString(),
    zone: time.zone.tzid,
    offset_minutes: time.utcOffset() / 60,
  };
}

const events = {};
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  events[vevent.getFirstPropertyValue("uid")] = {
    start: instant(vevent, "dtstart"),
    end: instant(vevent, "dtend"),
    description: vevent.getFirstPropertyValue("description"),
  };
}
process.stdout.write(JSON.stringify(events, null, 2) + "\n");
