#!/usr/bin/env python3
"""Parses an iCalendar feed from stdin with python3-icalendar and prints it as JSON.

A second, independent parser for e2e/feeds.spec.ts: what ical.js reads, this must read the same.
Exits 1 (with a message on stderr) when the feed does not parse.
"""
import json
import sys

try:
    import icalendar
except ImportError:
    # Debian's package lives in the system interpreter's dist-packages; another python3 on the PATH
    # (pyenv, a virtualenv) does not see it.
    sys.path.append("/usr/lib/python3/dist-packages")
    import icalendar


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def instant(component, name):
    """A DATE-TIME as ISO 8601 in UTC, and whether the feed wrote it in UTC."""
    prop = component.get(name)
    if prop is None:
        return None
    value = prop.dt
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(f"{name} is a floating time: {prop.to_ical()!r}")
    utc = (value - offset).replace(tzinfo=None)
    return utc.isoformat() + "Z"


def main():
    data = sys.stdin.buffer.read()
    calendar = icalendar.Calendar.from_ical(data)
    errors = [[name, message] for name, message in calendar.errors]
    events = []
    for event in calendar.walk("VEVENT"):
        errors.extend([name, message] for name, message in event.errors)
        sequence = event.get("SEQUENCE")
        events.append(
            {
                "uid": text(event, "UID"),
                "summary": text(event, "SUMMARY"),
                "description": text(event, "DESCRIPTION"),
                "location": text(event, "LOCATION"),
                "url": text(event, "URL"),
                "status": text(event, "STATUS"),
                "sequence": None if sequence is None else int(sequence),
                "dtstart": instant(event, "DTSTART"),
                "dtend": instant(event, "DTEND"),
                "dtstamp": instant(event, "DTSTAMP"),
                "lastModified": instant(event, "LAST-MODIFIED"),
            }
        )
    json.dump(
        {
            "version": text(calendar, "VERSION"),
            "prodid": text(calendar, "PRODID"),
            "calscale": text(calendar, "CALSCALE"),
            "method": text(calendar, "METHOD"),
            "calname": text(calendar, "X-WR-CALNAME"),
            "timezone": text(calendar, "X-WR-TIMEZONE"),
            "errors": errors,
            "events": events,
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - any failure to parse is the answer
        print(f"check-ics: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
