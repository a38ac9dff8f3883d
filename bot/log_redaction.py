"""No identifying text in any log line of the Rasa server or the action
server (issue 19).

Rasa logs a failed REST message as `text=<message>`, and a failing custom
action's answer (before bot/action_server.py: the whole tracker) ends up in
its error text and traceback. `install()` replaces the process's log-record
factory, so every record of every logger is redacted with
gedeeld/redactie.py when it is made, before any handler or filter sees it:
the formatted message, and the traceback formatted once and kept as
`exc_text`. Records are only made for enabled levels, so the cost is paid
only for lines that are written.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from gedeeld.redactie import redigeer


def redigeer_record(record: logging.LogRecord) -> logging.LogRecord:
    """`record` with its message and traceback redacted (in place)."""
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # arguments that do not fit the format: keep neither raw
        message = f"{record.msg!s} {record.args!r}"
    record.msg, record.args = redigeer(message), None
    if record.exc_info and not record.exc_text:
        record.exc_text = redigeer("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
    if record.stack_info:
        record.stack_info = redigeer(record.stack_info)
    return record


def install() -> None:
    """Redact every log record this process makes from now on (once)."""
    factory: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()
    if getattr(factory, "redacting", False):
        return

    def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return redigeer_record(factory(*args, **kwargs))

    redacting_factory.redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacting_factory)
