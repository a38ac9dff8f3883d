"""Retention and the rights of the people in a conversation (AVG/GDPR):

    python -m bot.privacy purge [--older-than 90d]   # default: RETENTION_DAYS
    python -m bot.privacy erase CONVERSATION_ID
    python -m bot.privacy export CONVERSATION_ID      # JSON on stdout

A conversation is its tracker events (Rasa's `events` table) plus its case
log (gedeeld/gespreksverslag.py), both in the database of TRACKER_STORE_URL.
`purge` removes everything older than the retention period: whole
conversations whose last activity, in either table, is older, and the older
events and case log entries inside conversations that are still active (a
volunteer who chats every month keeps only the last period). Rasa rebuilds
such a tracker from the events that remain; what was said or set before the
cutoff is gone, as promised. Each command says in Dutch what it did.

Exit codes: 0 done, 1 unknown conversation, 2 wrong command or value,
3 database not reachable.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, NoReturn, Optional, Sequence, Tuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from gedeeld import gespreksverslag, settings

UNKNOWN_CONVERSATION, WRONG_USAGE, NO_DATABASE = 1, 2, 3
SECONDS_PER_DAY = 24 * 3600

# The columns of Rasa's SQLTrackerStore table that this module reads; Rasa
# creates the table, this module never does.
EVENTS = sa.Table(
    "events", sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("data", sa.Text),
)


class PrivacyFout(Exception):
    """An error to show the user, with the exit code to end with."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def check_database(url: str) -> None:
    """Raise a PrivacyFout unless the database of `url` exists and answers."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise PrivacyFout(f"TRACKER_STORE_URL is geen geldige database-URL: {url!r}.", NO_DATABASE) from error
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise PrivacyFout(f"De database {shown} bestaat niet: er is nog niets opgeslagen.", NO_DATABASE)
    try:
        with gespreksverslag.database(url).connect():
            pass
    except DBAPIError as error:
        raise PrivacyFout(f"Kan de database {shown} niet bereiken: {_reason(error)}", NO_DATABASE) from error


def _reason(error: DBAPIError) -> str:
    return (str(error.orig).strip().splitlines() or ["onbekende fout"])[0]


def _has_events(connection: Connection) -> bool:
    return sa.inspect(connection).has_table(EVENTS.name)


def last_activity(url: str) -> Dict[str, float]:
    """Each conversation's newest timestamp, over events and case log."""
    latest = gespreksverslag.laatste_activiteit(url)
    with gespreksverslag.database(url).connect() as connection:
        if _has_events(connection):
            query = sa.select(EVENTS.c.sender_id, sa.func.max(EVENTS.c.timestamp)).group_by(EVENTS.c.sender_id)
            for conversation_id, timestamp in connection.execute(query):
                latest[conversation_id] = max(timestamp or 0.0, latest.get(conversation_id, 0.0))
    return latest


def erase(url: str, conversation_id: str) -> Tuple[int, int]:
    """Remove one conversation; returns (events, case log entries) removed."""
    with gespreksverslag.database(url).begin() as connection:
        events = 0
        if _has_events(connection):
            events = connection.execute(EVENTS.delete().where(EVENTS.c.sender_id == conversation_id)).rowcount
    return events, gespreksverslag.wis(conversation_id, url)


def purge(url: str, days: int) -> Tuple[int, int, int, int]:
    """Remove every event and case log entry older than `days` days; returns
    (conversations removed whole, active conversations trimmed, events,
    case log entries) removed."""
    cutoff = time.time() - days * SECONDS_PER_DAY
    activity = last_activity(url)
    old = {cid for cid, timestamp in activity.items() if timestamp < cutoff}
    with gespreksverslag.database(url).begin() as connection:
        trimmed, events = set(), 0
        if _has_events(connection):
            trimmed = {row[0] for row in connection.execute(
                sa.select(EVENTS.c.sender_id).where(EVENTS.c.timestamp < cutoff).distinct())}
            events = connection.execute(EVENTS.delete().where(EVENTS.c.timestamp < cutoff)).rowcount
    trimmed |= set(gespreksverslag.ouder_dan(cutoff, url))
    entries = gespreksverslag.wis_ouder_dan(cutoff, url)
    return len(old), len(trimmed - old), events, entries


def export(url: str, conversation_id: str) -> Dict[str, Any]:
    """Everything stored about one conversation."""
    events: List[Dict] = []
    with gespreksverslag.database(url).connect() as connection:
        if _has_events(connection):
            query = EVENTS.select().where(EVENTS.c.sender_id == conversation_id).order_by(EVENTS.c.id)
            events = [json.loads(row.data) for row in connection.execute(query)]
    return {"conversation_id": conversation_id, "events": events,
            "gespreksverslag": gespreksverslag.lees(conversation_id, url)}


def parse_days(value: str, name: str = "--older-than") -> int:
    """'90d' or '90' -> 90."""
    match = re.fullmatch(r"\s*(\d+)\s*d?\s*", value)
    if not match:
        raise PrivacyFout(f"Ongeldige waarde voor {name}: {value!r}. Geef een aantal dagen, "
                           f"bijvoorbeeld 90d.", WRONG_USAGE)
    return int(match.group(1))


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def _removed(events: int, entries: int) -> str:
    return (f"{_count(events, 'gebeurtenis', 'gebeurtenissen')} en "
            f"{_count(entries, 'verslagregel', 'verslagregels')}")


def _unknown(conversation_id: str) -> PrivacyFout:
    return PrivacyFout(f"Onbekend gesprek: {conversation_id!r}. Er is niets over opgeslagen.",
                        UNKNOWN_CONVERSATION)


def cmd_purge(url: str, args: argparse.Namespace) -> None:
    days = args.days
    conversations, trimmed, events, entries = purge(url, days)
    if conversations == trimmed == 0:
        print(f"Geen gesprekken ouder dan {days} dagen; niets verwijderd.")
        return
    parts = []
    if conversations:
        parts.append(f"{_count(conversations, 'gesprek', 'gesprekken')} verwijderd "
                     f"{'dat ouder is' if conversations == 1 else 'die ouder zijn'} dan {days} dagen")
    if trimmed:
        parts.append(f"uit {_count(trimmed, 'lopend gesprek', 'lopende gesprekken')} "
                     f"alles ouder dan {days} dagen verwijderd")
    text = "; ".join(parts)
    print(f"{text[0].upper()}{text[1:]} ({_removed(events, entries)}).")


def cmd_erase(url: str, args: argparse.Namespace) -> None:
    events, entries = erase(url, args.conversation_id)
    if events == entries == 0:
        raise _unknown(args.conversation_id)
    print(f"Gesprek {args.conversation_id} gewist: {_removed(events, entries)} verwijderd.")


def cmd_export(url: str, args: argparse.Namespace) -> None:
    data = export(url, args.conversation_id)
    if not data["events"] and not data["gespreksverslag"]:
        raise _unknown(args.conversation_id)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    print(f"Gesprek {args.conversation_id} geëxporteerd: "
          f"{_removed(len(data['events']), len(data['gespreksverslag']))}.", file=sys.stderr)


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(WRONG_USAGE, f"Fout: {message}\n")


def parser() -> argparse.ArgumentParser:
    main = DutchArgumentParser(prog="python -m bot.privacy",
                               description="Bewaartermijn, wissen en inzage van opgeslagen gesprekken.")
    commands = main.add_subparsers(dest="command", required=True, metavar="{purge,erase,export}")
    purge_cmd = commands.add_parser("purge", help="verwijder gesprekken ouder dan de bewaartermijn")
    purge_cmd.add_argument("--older-than", metavar="DAGEN",
                           help="bijvoorbeeld 90d (standaard: RETENTION_DAYS)")
    purge_cmd.set_defaults(handler=cmd_purge)
    for name, handler, text in [("erase", cmd_erase, "wis alles van één gesprek"),
                                ("export", cmd_export, "alles van één gesprek als JSON")]:
        command = commands.add_parser(name, help=text)
        command.add_argument("conversation_id", metavar="CONVERSATION_ID")
        command.set_defaults(handler=handler)
    return main


def run_command(command: Callable[[], None]) -> int:
    """Run a command of a database CLI: 0 when done, else the Dutch error on
    stderr and its exit code (bot.privacy, bot.leerlus, bot.inzicht)."""
    try:
        command()
    except PrivacyFout as error:
        print(f"Fout: {error}", file=sys.stderr)
        return error.exit_code
    except DBAPIError as error:
        print(f"Fout: de database gaf een fout: {_reason(error)}", file=sys.stderr)
        return NO_DATABASE
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    settings.load()
    args = parser().parse_args(argv)

    def command() -> None:
        if args.command == "purge":
            args.days = (parse_days(args.older_than) if args.older_than is not None
                         else parse_days(settings.get("RETENTION_DAYS"), "RETENTION_DAYS"))
        url = settings.get("TRACKER_STORE_URL")
        check_database(url)
        args.handler(url, args)

    return run_command(command)


if __name__ == "__main__":
    sys.exit(main())
