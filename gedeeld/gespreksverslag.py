"""The case log (gespreksverslag): what a conversation led to, at the moments
that matter (picture made, plan made, interventions suggested, conversation
ended), so a worker and their team can look back.

One table, `gespreksverslag`, in the tracker store's database
(TRACKER_STORE_URL), so retention and erasure (bot/privacy.py) cover both at
once. Every text is redacted (gedeeld/redactie.py) before it is written. Plain
SQLAlchemy Core, no Rasa: the action server writes here through `schrijf`.
"""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence, Union

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from gedeeld import settings
from gedeeld.redactie import redigeer

MOMENTS = ("beeld", "plan", "interventies", "einde")

METADATA = sa.MetaData()
TABLE = sa.Table(
    "gespreksverslag", METADATA,
    sa.Column("id", sa.Integer, sa.Sequence("gespreksverslag_seq", optional=True), primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("timestamp", sa.Float, nullable=False),  # seconds since 1970, like Rasa's events
    sa.Column("moment", sa.String(32), nullable=False),
    sa.Column("kanaal", sa.String(64)),
    sa.Column("rol", sa.String(64)),
    sa.Column("voorgesteld_type", sa.Text),
    sa.Column("trede", sa.Text),
    sa.Column("urgentie", sa.Text),
    sa.Column("fase", sa.Text),
    sa.Column("plan", sa.Text),
    sa.Column("interventies", sa.Text),  # a JSON list of the interventions shown
)
TEXT_FIELDS = ("kanaal", "rol", "voorgesteld_type", "trede", "urgentie", "fase", "plan")


def database(url: Optional[str] = None) -> Engine:
    """The engine for `url` (default: TRACKER_STORE_URL), with the table made."""
    return _engine(url or settings.get("TRACKER_STORE_URL"))


@lru_cache(maxsize=None)
def _engine(url: str) -> Engine:
    engine = sa.create_engine(url)
    METADATA.create_all(engine)
    return engine


def _text(value: Union[str, int, None]) -> Optional[str]:
    return None if value is None else redigeer(str(value))


def schrijf(
    conversation_id: str,
    moment: str,
    *,
    kanaal: Optional[str] = None,
    rol: Optional[str] = None,
    voorgesteld_type: Optional[str] = None,
    trede: Union[str, int, None] = None,
    urgentie: Optional[str] = None,
    fase: Optional[str] = None,
    plan: Optional[str] = None,
    interventies: Sequence[str] = (),
    tijdstip: Optional[float] = None,
    url: Optional[str] = None,
) -> None:
    """Add one entry; every text is redacted first."""
    if moment not in MOMENTS:
        raise ValueError(f"moment must be one of {', '.join(MOMENTS)}, not {moment!r}")
    fields = dict(kanaal=kanaal, rol=rol, voorgesteld_type=voorgesteld_type, trede=trede,
                  urgentie=urgentie, fase=fase, plan=plan)
    row = {name: _text(value) for name, value in fields.items()}
    with database(url).begin() as connection:
        connection.execute(TABLE.insert().values(
            conversation_id=conversation_id, moment=moment,
            timestamp=time.time() if tijdstip is None else tijdstip,
            interventies=json.dumps([redigeer(str(i)) for i in interventies], ensure_ascii=False),
            **row,
        ))


def _entry(row: Any) -> Dict[str, Any]:
    entry = {"conversation_id": row.conversation_id, "timestamp": row.timestamp,
             "tijd": datetime.fromtimestamp(row.timestamp, timezone.utc).isoformat(timespec="seconds"),
             "moment": row.moment}
    entry.update({name: getattr(row, name) for name in TEXT_FIELDS})
    entry["interventies"] = json.loads(row.interventies or "[]")
    return entry


def lees(conversation_id: str, url: Optional[str] = None) -> List[Dict[str, Any]]:
    """The entries of one conversation, oldest first, as JSON-ready dicts."""
    query = (TABLE.select().where(TABLE.c.conversation_id == conversation_id)
             .order_by(TABLE.c.timestamp, TABLE.c.id))
    with database(url).connect() as connection:
        return [_entry(row) for row in connection.execute(query)]


def wis(conversation_id: str, url: Optional[str] = None) -> int:
    """Remove every entry of one conversation; returns how many there were."""
    with database(url).begin() as connection:
        return connection.execute(TABLE.delete().where(TABLE.c.conversation_id == conversation_id)).rowcount


def laatste_activiteit(url: Optional[str] = None) -> Dict[str, float]:
    """The newest entry's timestamp of each conversation (for retention)."""
    query = sa.select(TABLE.c.conversation_id, sa.func.max(TABLE.c.timestamp)).group_by(TABLE.c.conversation_id)
    with database(url).connect() as connection:
        return dict(connection.execute(query).all())


def ouder_dan(tijdstip: float, url: Optional[str] = None) -> List[str]:
    """The conversations with entries older than `tijdstip` (for retention)."""
    query = sa.select(TABLE.c.conversation_id).where(TABLE.c.timestamp < tijdstip).distinct()
    with database(url).connect() as connection:
        return [row[0] for row in connection.execute(query)]


def wis_ouder_dan(tijdstip: float, url: Optional[str] = None) -> int:
    """Remove every entry older than `tijdstip`; returns how many there were."""
    with database(url).begin() as connection:
        return connection.execute(TABLE.delete().where(TABLE.c.timestamp < tijdstip)).rowcount
