"""Settings from the environment and `.env`, with the embedded defaults.

Every Rasa command of this project runs through `python -m bot`, which calls
`load()` first: `endpoints.yml` refers to these names as `${NAME}`, so the
defaults below are what makes the embedded set-up (SQLite, in-process lock
store) work without a `.env` file.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

from dotenv import load_dotenv

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
KENNIS_DIR = DATA_DIR / "kennis"
VAR_DIR = ROOT / "var"
MODELS_DIR = ROOT / "models"
SPACY_MODEL_DIR = VAR_DIR / "spacy_nl"


def _defaults() -> Dict[str, str]:
    return {
        "SERVER_INTERFACE": "127.0.0.1",
        "RASA_PORT": "5005",
        "ACTION_PORT": "5055",
        "ACTION_ENDPOINT_URL": "http://localhost:5055/webhook",
        "TRACKER_STORE_URL": f"sqlite:///{VAR_DIR / 'tracker.db'}",
        "LOCK_STORE_TYPE": "in_memory",
        "REDIS_HOST": "localhost",
        "REDIS_PORT": "6379",
        "LOG_LEVEL": "INFO",
        # Days a conversation is kept after its last activity (python -m bot.privacy purge).
        "RETENTION_DAYS": "90",
        # Intervention catalogue (actions/interventies): the organisation's
        # imported list, an optional social-map service, and the postcode
        # service, which stays off unless GEOCODER_ENABLED is set.
        "CATALOGUE_FILE": str(VAR_DIR / "interventies_eigen.yml"),
        "CATALOGUE_URL": "",
        "CATALOGUE_CONNECT_TIMEOUT": "2",
        "CATALOGUE_READ_TIMEOUT": "4",
        "CATALOGUE_RETRIES": "2",
        "CATALOGUE_CACHE_SECONDS": "300",
        "GEOCODER_ENABLED": "false",
        "GEOCODER_URL": "https://api.pdok.nl/bzk/locatieserver",
        "GEOCODER_CONNECT_TIMEOUT": "2",
        "GEOCODER_READ_TIMEOUT": "3",
        "GEOCODER_RETRIES": "2",
        "GEOCODER_CACHE_SECONDS": "86400",
        # Channels (bot/channels, README "Channels and deployment"). The demo
        # intranet page of `make run`; the widget's Rasa URL (empty: this
        # machine's RASA_PORT); the browser origins allowed to call the
        # servers (empty: only the demo page).
        "DEMO_PORT": "8005",
        "WIDGET_SERVER_URL": "",
        "CORS_ORIGINS": "",
        # Empty: REST channel and HTTP API open (on 127.0.0.1 only). Set a
        # token and/or a JWT secret to require them.
        "API_TOKEN": "",
        "JWT_SECRET": "",
        "JWT_METHOD": "HS256",
        # Optional: the widget's socket then needs a JWT signed with this.
        "WIDGET_JWT_SECRET": "",
        # Optional sign-in with the organisation's OpenID Connect provider
        # (bot/channels/oidc.py): off while OIDC_ISSUER is empty; with it,
        # OIDC_AUDIENCE and OIDC_SESSION_KEY are required. Clock difference
        # allowed for exp/nbf/iat, at most 120 s.
        "OIDC_ISSUER": "",
        "OIDC_AUDIENCE": "",
        "OIDC_SESSION_KEY": "",
        "OIDC_LEEWAY_SECONDS": "60",
        # Telegram for volunteers: off while TELEGRAM_TOKEN is empty.
        "TELEGRAM_TOKEN": "",
        "TELEGRAM_BOT_NAME": "",
        "TELEGRAM_WEBHOOK_URL": "",
        "TELEGRAM_WEBHOOK_SECRET": "",
        "TELEGRAM_API_URL": "https://api.telegram.org",
        # WhatsApp (Cloud API) for volunteers: off while WHATSAPP_TOKEN is
        # empty, and while any other of these secrets is.
        "WHATSAPP_TOKEN": "",
        "WHATSAPP_PHONE_NUMBER_ID": "",
        "WHATSAPP_APP_SECRET": "",
        "WHATSAPP_VERIFY_TOKEN": "",
        "WHATSAPP_ID_KEY": "",
        "WHATSAPP_API_URL": "https://graph.facebook.com/v19.0",
        # `make cluster` (bot/cluster.py): Rasa replicas and action servers
        # behind HAProxy, which listens on CLUSTER_PORT of 127.0.0.1.
        "CLUSTER_RASA_REPLICAS": "2",
        "CLUSTER_ACTION_SERVERS": "2",
        "CLUSTER_PORT": "5080",
        # Bounded work per message (bot/channels/limits.py): longer messages
        # are read up to MAX_MESSAGE_CHARS, with a notice; a bigger request gets 413.
        "MAX_MESSAGE_CHARS": "3000",
        "REQUEST_MAX_BYTES": "1000000",
        # Messages one conversation may send a minute; more get a kind notice only.
        "RATE_LIMIT_PER_MINUTE": "30",
        # Messages (and widget connections) one client address may send a
        # minute on the REST channel and the widget; 0: no limit per address.
        # Behind a reverse proxy, list it in TRUSTED_PROXIES (addresses or
        # networks): only then is X-Forwarded-For believed.
        "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "120",
        "TRUSTED_PROXIES": "",
        # Empty: the action server listens on 127.0.0.1 only. Set: every call
        # must carry it (endpoints.yml action_endpoint token); required on any
        # other interface.
        "ACTION_TOKEN": "",
    }


def load(env_file: Path | None = None) -> Dict[str, str]:
    """Read `.env` (never overriding real environment variables), fill in the
    defaults, export the result to `os.environ` and return it."""
    load_dotenv(env_file or ROOT / ".env", override=False)
    for name, value in _defaults().items():
        os.environ.setdefault(name, value)
    VAR_DIR.mkdir(exist_ok=True)
    return {name: os.environ[name] for name in _defaults()}


def get(name: str) -> str:
    """One setting; `load()` must have run."""
    return os.environ[name]


@contextmanager
def overridden(**values: Optional[str]) -> Iterator[None]:
    """Set these settings in the environment for the block (None removes
    one), then put the earlier values back."""
    old = {name: os.environ.get(name) for name in values}
    try:
        _set(values)
        yield
    finally:
        _set(old)


def _set(values: Dict[str, Optional[str]]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
