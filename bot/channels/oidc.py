"""Sign-in to the widget with the organisation's OpenID Connect provider.

The intranet page hands the widget the signed-in worker's ID token (or an
access token for this assistant), and the widget's socket (bot/channels/
widget.py) accepts it when:

- it is signed with RS256 or ES256 by a key the provider publishes. The
  keys come from the provider's discovery document
  (`{OIDC_ISSUER}/.well-known/openid-configuration`, its `jwks_uri`); never
  `none`, never an HMAC algorithm (which would let anyone sign with the
  provider's *public* key as the secret);
- `iss` is OIDC_ISSUER, `aud` contains OIDC_AUDIENCE, `exp` is present and
  not past, `nbf` and `iat` are not in the future, each with at most
  OIDC_LEEWAY_SECONDS of clock difference, and `sub` names the worker.

The keys are cached for JWKS_CACHE_SECONDS. A token with an unknown key id
(`kid`) makes the cache refresh at once, since the provider may have rotated
its keys, but at most one fetch per REFETCH_INTERVAL_SECONDS: a flood of
made-up key ids costs the provider one request per interval. Fetching blocks,
so the channel verifies in a worker thread; nothing is fetched on import or
at start, only when the first token arrives. When the provider cannot be
reached, or the cached keys are too old and cannot be refreshed, tokens are
refused (ProviderUnavailable), never let through.

A conversation belongs to the worker who started it: its id (the widget's
32 hex digits) is a random half plus a keyed hash (OIDC_SESSION_KEY) of that
half, the issuer and `sub`. Only the same worker can reopen it, and the
database holds no subject, e-mail address or name, only ids that cannot be
linked to a worker without the key.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional
from urllib.parse import urlsplit

import jwt
import requests

ALGORITHMS = ("RS256", "ES256")
REQUIRED_CLAIMS = ("exp", "iss", "aud", "sub")
DEFAULT_LEEWAY_SECONDS = 60
MAX_LEEWAY_SECONDS = 120
JWKS_CACHE_SECONDS = 3600
REFETCH_INTERVAL_SECONDS = 10.0
FETCH_TIMEOUT_SECONDS = (3.0, 5.0)  # connect, read
DISCOVERY_PATH = "/.well-known/openid-configuration"
MIN_SESSION_KEY_CHARS = 32
NONCE_HEX = 16  # the random half of a conversation id; the other half is the keyed hash


class TokenRefused(Exception):
    """The token is not a valid sign-in for this assistant (the reason is safe to log)."""


class ProviderUnavailable(Exception):
    """The provider's keys could not be fetched, so no token can be checked now."""


@dataclass(frozen=True)
class Subject:
    """The signed-in worker: only used to bind conversations, never stored."""
    issuer: str
    sub: str


def trusted_url(url: str) -> bool:
    """https, or plain http to this machine only (a local provider, the tests'
    fake one): keys fetched over the network without TLS could be anyone's."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


def header_algorithm(token: str) -> Optional[str]:
    """The `alg` a token claims, unverified (to choose how to check it)."""
    try:
        alg = jwt.get_unverified_header(token).get("alg")
    except jwt.PyJWTError:
        return None
    return alg if isinstance(alg, str) else None


def _signing_key(data: Any) -> Optional[jwt.PyJWK]:
    """A JWKS entry as a key for RS256 or ES256, or None for anything else
    (encryption keys, HMAC keys, other algorithms, entries without a kid)."""
    if not isinstance(data, dict) or not isinstance(data.get("kid"), str) or data.get("use", "sig") != "sig":
        return None
    try:
        key = jwt.PyJWK(data)
    except jwt.PyJWTError:
        return None
    return key if key.algorithm_name in ALGORITHMS else None


@dataclass
class Verifier:
    issuer: str
    audience: str
    leeway: int = DEFAULT_LEEWAY_SECONDS
    cache_seconds: float = JWKS_CACHE_SECONDS
    refetch_interval: float = REFETCH_INTERVAL_SECONDS
    clock: Callable[[], float] = time.monotonic
    _keys: Dict[str, jwt.PyJWK] = field(default_factory=dict, init=False)
    _fetched_at: Optional[float] = field(default=None, init=False)
    _attempted_at: Optional[float] = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def verify(self, token: str) -> Subject:
        """The worker a token signs in; blocks while the keys are fetched."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise TokenRefused("not a JWT") from None
        if header.get("alg") not in ALGORITHMS:
            raise TokenRefused(f"algorithm {header.get('alg')!r} not accepted")
        kid = header.get("kid")
        if not isinstance(kid, str):
            raise TokenRefused("no key id (kid) in the token")
        key = self._key(kid)
        try:
            claims = jwt.decode(token, key, algorithms=list(ALGORITHMS), audience=self.audience,
                                issuer=self.issuer, leeway=self.leeway,
                                options={"require": list(REQUIRED_CLAIMS)})
        except jwt.PyJWTError as error:
            raise TokenRefused(f"{type(error).__name__}: {error}") from None
        if not isinstance(claims["sub"], str) or not claims["sub"]:
            raise TokenRefused("empty subject (sub)")
        return Subject(self.issuer, claims["sub"])

    def _key(self, kid: str) -> jwt.PyJWK:
        with self._lock:
            now = self.clock()
            stale = self._fetched_at is None or now - self._fetched_at >= self.cache_seconds
            if stale or kid not in self._keys:
                self._refresh(now, required=stale)
            key = self._keys.get(kid)
        if key is None:
            raise TokenRefused("unknown key id (kid)")
        return key

    def _refresh(self, now: float, required: bool) -> None:
        """Fetch the keys unless that was tried less than `refetch_interval`
        ago. `required`: the cached keys are too old to use, so a failed or
        skipped fetch means no token can be checked."""
        if self._attempted_at is not None and now - self._attempted_at < self.refetch_interval:
            if required:
                raise ProviderUnavailable("the last attempt to fetch the keys failed moments ago")
            return
        self._attempted_at = now
        try:
            self._keys = self._fetch_keys()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(f"{type(error).__name__}: {error}") from None
        self._fetched_at = now

    def _fetch_keys(self) -> Dict[str, jwt.PyJWK]:
        discovery = _get_json(self.issuer.rstrip("/") + DISCOVERY_PATH)
        if discovery.get("issuer") != self.issuer:
            raise ValueError(f"the discovery document names the issuer {discovery.get('issuer')!r}, "
                             f"not OIDC_ISSUER {self.issuer!r}")
        jwks_uri = discovery.get("jwks_uri")
        if not isinstance(jwks_uri, str) or not trusted_url(jwks_uri):
            raise ValueError(f"no https jwks_uri in the discovery document ({jwks_uri!r})")
        entries = _get_json(jwks_uri).get("keys")
        keys: Dict[str, jwt.PyJWK] = {}
        for entry in entries if isinstance(entries, list) else []:
            key = _signing_key(entry)
            if key is not None:
                keys[entry["kid"]] = key
        if not keys:
            raise ValueError("the provider publishes no RS256 or ES256 signing keys")
        return keys


def _get_json(url: str) -> Dict[str, Any]:
    response = requests.get(url, timeout=FETCH_TIMEOUT_SECONDS, allow_redirects=False,
                            headers={"Accept": "application/json"})
    if response.status_code != 200:
        raise ValueError(f"{url} answered HTTP {response.status_code}")
    data = response.json()
    if not isinstance(data, dict):
        raise ValueError(f"{url} did not answer with a JSON object")
    return data


@dataclass(frozen=True)
class SignIn:
    """OIDC sign-in as configured: the token check and the conversation binding."""
    verifier: Verifier
    session_key: bytes

    def new_session(self, subject: Subject) -> str:
        nonce = secrets.token_hex(NONCE_HEX // 2)
        return nonce + self._mac(subject, nonce)

    def owns(self, subject: Subject, session_id: Any) -> bool:
        """Whether `session_id` was issued to this worker by new_session."""
        if not isinstance(session_id, str) or len(session_id) != 2 * NONCE_HEX:
            return False
        nonce, mac = session_id[:NONCE_HEX], session_id[NONCE_HEX:]
        return hmac.compare_digest(mac.encode(), self._mac(subject, nonce).encode())

    def _mac(self, subject: Subject, nonce: str) -> str:
        message = json.dumps([subject.issuer, subject.sub, nonce]).encode()
        return hmac.new(self.session_key, message, hashlib.sha256).hexdigest()[:NONCE_HEX]


def _setting(name: str) -> str:
    return os.environ.get(name, "").strip()


def leeway_seconds(value: str) -> int:
    """OIDC_LEEWAY_SECONDS: empty is the default, negative is 0, above the maximum is the maximum."""
    if not value:
        return DEFAULT_LEEWAY_SECONDS
    try:
        return min(max(int(value), 0), MAX_LEEWAY_SECONDS)
    except ValueError:
        raise ValueError(f"OIDC_LEEWAY_SECONDS={value!r} is not a whole number of seconds") from None


def from_settings() -> Optional[SignIn]:
    """The configured sign-in, None when OIDC_ISSUER is empty. Raises
    ValueError (with what to change) for an incomplete or unsafe set-up."""
    issuer = _setting("OIDC_ISSUER")
    if not issuer:
        return None
    if not trusted_url(issuer):
        raise ValueError(f"OIDC_ISSUER={issuer} must be an https address.")
    audience = _setting("OIDC_AUDIENCE")
    if not audience:
        raise ValueError("OIDC_ISSUER is set but OIDC_AUDIENCE is empty: without it the widget would accept "
                         "tokens the provider issued for any other application. Set it to this "
                         "assistant's client id (application id) at the provider.")
    key = _setting("OIDC_SESSION_KEY")
    if len(key) < MIN_SESSION_KEY_CHARS:
        raise ValueError(f"OIDC_ISSUER is set but OIDC_SESSION_KEY is empty or shorter than "
                         f"{MIN_SESSION_KEY_CHARS} characters. Generate one with: openssl rand -hex 32")
    verifier = Verifier(issuer, audience, leeway_seconds(_setting("OIDC_LEEWAY_SECONDS")))
    return SignIn(verifier, key.encode())


def configuration_problem() -> Optional[str]:
    """What is wrong with the OIDC settings, for a refusal to start."""
    try:
        from_settings()
    except ValueError as error:
        return str(error)
    return None
