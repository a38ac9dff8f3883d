"""Log files of the Rasa server and the action server rotate daily and are
kept no longer than RETENTION_DAYS (issue 19), like the conversations.

bot/servers.py sends a server's output to its log file (when it has one:
tests, benchmarks, `make shell`, `make cluster`) and names that file in the
server's environment as LOG_FILE. `install()`, called early in both server
processes, then:

- moves what an earlier day wrote to `<log>.<date>` and writes on in a fresh
  file: at start, and at every midnight while the server runs. The server's
  stdout and stderr are pointed at the new file with `os.dup2`, so every line
  moves, also what Rasa, Sanic or a library prints outside `logging`;
- removes rotated files of this log whose last line is older than
  RETENTION_DAYS.

Without LOG_FILE (`make run` prints to the terminal) it does nothing.
"""
from __future__ import annotations

import datetime as dt
import os
import threading
import time
from pathlib import Path
from typing import Callable, List, Optional, Sequence

DEFAULT_RETENTION_DAYS = 90
STDOUT_STDERR = (1, 2)


def retention_days() -> int:
    return int(os.environ.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS)


def rotated(log: Path) -> List[Path]:
    """The earlier days of `log`: `<log>.<date>` and `<log>.<date>.<n>`."""
    return sorted(p for p in log.parent.glob(log.name + ".*") if p.is_file())


def remove_expired(log: Path, days: int, now: float) -> List[Path]:
    """Remove the rotated files of `log` last written more than `days` ago; returns them."""
    expired = [p for p in rotated(log) if now - p.stat().st_mtime > days * 86400]
    for path in expired:
        path.unlink(missing_ok=True)
    return expired


def _day(timestamp: float) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp).date()


def rotate(log: Path, fds: Sequence[int] = STDOUT_STDERR) -> Optional[Path]:
    """Move `log` to `<log>.<day of its last line>` and point `fds` at a new,
    empty `log`. Returns the rotated file (None when `log` was empty)."""
    if not log.exists() or log.stat().st_size == 0:
        return None
    day = _day(log.stat().st_mtime).isoformat()
    target, number = log.with_name(f"{log.name}.{day}"), 1
    while target.exists():
        target, number = log.with_name(f"{log.name}.{day}.{number}"), number + 1
    log.rename(target)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        for target_fd in fds:
            os.dup2(fd, target_fd)
    finally:
        os.close(fd)
    return target


def seconds_to_midnight(now: float) -> float:
    tomorrow = dt.datetime.combine(_day(now) + dt.timedelta(days=1), dt.time())
    return max(1.0, tomorrow.timestamp() - now)


def housekeeping(log: Path, fds: Sequence[int], now: float) -> None:
    """Rotate when `log` holds an earlier day's lines, then remove the expired files."""
    if log.exists() and _day(log.stat().st_mtime) < _day(now):
        rotate(log, fds)
    remove_expired(log, retention_days(), now)


def install(fds: Sequence[int] = STDOUT_STDERR, clock: Callable[[], float] = time.time) -> Optional[threading.Thread]:
    """Rotation for the LOG_FILE of this process: now, and at every midnight in a daemon thread."""
    name = os.environ.get("LOG_FILE", "").strip()
    if not name:
        return None
    log = Path(name)
    housekeeping(log, fds, clock())

    def every_midnight() -> None:
        while True:
            time.sleep(seconds_to_midnight(clock()))
            rotate(log, fds)
            remove_expired(log, retention_days(), clock())

    thread = threading.Thread(target=every_midnight, name="log-rotation", daemon=True)
    thread.start()
    return thread
