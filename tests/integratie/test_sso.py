"""Single sign-on for the widget (bot/channels/oidc.py) against a fake
OpenID Connect provider on 127.0.0.1 (tests/fake_oidc.py).

First the token check and the conversation binding on their own, with a
clock the tests move; then the widget's real socket.io channel on a Rasa
server set up as an organisation would: OIDC beside WIDGET_JWT_SECRET."""
from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Callable, Dict, NamedTuple

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from bot import servers
from bot.channels import launch, oidc
from bot.channels.widget import AANMELDDIENST_WEG, NIET_AANGEMELD, geldige_sessie
from fake_oidc import AUDIENCE, FakeProvider, Key, hs256_with_public_key, unsigned
from gedeeld import settings
from kanalen import Widget, database_path, events, model_voor_kanalen, omgeving, senders
from lokale_server import als_json

LEEWAY = 30
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SESSION_KEY = "sessiesleutel-" + uuid.uuid4().hex


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def provider():
    with FakeProvider() as fake:
        yield fake


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def verifier(provider, clock):
    return oidc.Verifier(provider.issuer, AUDIENCE, LEEWAY, clock=clock)


def _now() -> int:
    return int(time.time())


# Tokens that must never sign anyone in; each uses a published key id
# unless the case is about the key.
REFUSED: Dict[str, Callable[[FakeProvider], str]] = {
    "wrong issuer": lambda p: p.token(iss="https://login.example.com/ander/v2.0"),
    "wrong audience": lambda p: p.token(aud="een-andere-app"),
    "audience list without ours": lambda p: p.token(aud=["een-andere-app", "nog-een"]),
    "expired": lambda p: p.token(exp=_now() - LEEWAY - 60),
    "no exp": lambda p: p.token(exp=None),
    "nbf beyond the leeway": lambda p: p.token(nbf=_now() + LEEWAY + 120),
    "iat beyond the leeway": lambda p: p.token(iat=_now() + LEEWAY + 120),
    "no sub": lambda p: p.token(sub=None),
    "empty sub": lambda p: p.token(sub=""),
    "alg none": lambda p: unsigned({"alg": "none", "kid": p.rsa.kid}, p.claims()),
    "HS256 signed with the public key": lambda p: hs256_with_public_key(p.rsa, p.claims()),
    "RS256 with the kid of the EC key": lambda p: jwt.encode(p.claims(), p.rsa.private, algorithm="RS256",
                                                             headers={"kid": p.ec.kid}),
    "signature of another key": lambda p: jwt.encode(p.claims(), Key.new("RS256").private, algorithm="RS256",
                                                     headers={"kid": p.rsa.kid}),
    "unknown kid": lambda p: p.token(Key.new("RS256")),
    "no kid": lambda p: jwt.encode(p.claims(), p.rsa.private, algorithm="RS256"),
    "not a JWT": lambda p: "abc.def.ghi",
}


# ---- the token check ----

def test_rs256_and_es256_tokens_sign_in_their_subject_with_one_key_fetch(provider, verifier):
    assert verifier.verify(provider.token(provider.rsa)) == oidc.Subject(provider.issuer, "medewerker-a")
    assert verifier.verify(provider.token(provider.ec, sub="medewerker-b")).sub == "medewerker-b"
    assert (provider.discovery_fetches, provider.key_fetches) == (1, 1)


def test_clock_differences_within_the_leeway_are_accepted(provider, verifier):
    now = int(time.time())
    assert verifier.verify(provider.token(nbf=now + LEEWAY - 10, iat=now + LEEWAY - 10, exp=now - LEEWAY + 10))


@pytest.mark.parametrize("case", REFUSED)
def test_invalid_tokens_are_refused(provider, verifier, case):
    with pytest.raises(oidc.TokenRefused):
        verifier.verify(REFUSED[case](provider))


def test_key_rotation_needs_one_refetch_and_drops_the_old_key(provider, verifier, clock):
    old_token = provider.token(provider.rsa)
    verifier.verify(old_token)
    new = Key.new("RS256")
    provider.publish(new, provider.ec)
    clock.now += oidc.REFETCH_INTERVAL_SECONDS
    assert verifier.verify(provider.token(new)).sub == "medewerker-a"
    assert provider.key_fetches == 2
    with pytest.raises(oidc.TokenRefused):  # its kid is gone; refetching again so soon is not allowed
        verifier.verify(old_token)
    assert provider.key_fetches == 2
    clock.now += oidc.REFETCH_INTERVAL_SECONDS
    with pytest.raises(oidc.TokenRefused):
        verifier.verify(old_token)
    assert provider.key_fetches == 3


def test_a_flood_of_unknown_kids_costs_the_provider_one_fetch_per_interval(provider, verifier, clock):
    verifier.verify(provider.token())
    clock.now += oidc.REFETCH_INTERVAL_SECONDS
    for _ in range(50):
        with pytest.raises(oidc.TokenRefused):
            verifier.verify(provider.token(Key(uuid.uuid4().hex, "RS256", provider.rsa.private)))
        clock.now += 0.1
    assert provider.key_fetches == 2


def test_the_keys_are_refetched_after_the_cache_time(provider, verifier, clock):
    verifier.verify(provider.token())
    clock.now += oidc.JWKS_CACHE_SECONDS - 1
    verifier.verify(provider.token())
    assert provider.key_fetches == 1
    clock.now += 1
    verifier.verify(provider.token())
    assert provider.key_fetches == 2


def test_a_provider_that_is_down_refuses_every_token_and_is_not_hammered(provider, verifier, clock):
    provider.down()
    for _ in range(5):
        with pytest.raises(oidc.ProviderUnavailable):
            verifier.verify(provider.token())
    assert provider.discovery_fetches == 1
    provider.up()
    clock.now += oidc.REFETCH_INTERVAL_SECONDS
    assert verifier.verify(provider.token()).sub == "medewerker-a"


def test_old_keys_are_not_used_when_the_provider_cannot_confirm_them(provider, verifier, clock):
    verifier.verify(provider.token())
    provider.down()
    clock.now += oidc.JWKS_CACHE_SECONDS
    with pytest.raises(oidc.ProviderUnavailable):
        verifier.verify(provider.token())


def test_an_unreachable_provider_is_unavailable_not_an_open_door(clock):
    closed_port = servers.free_port()
    verifier = oidc.Verifier(f"http://127.0.0.1:{closed_port}/tenant", AUDIENCE, clock=clock)
    with pytest.raises(oidc.ProviderUnavailable):
        verifier.verify(unsigned({"alg": "RS256", "kid": "k"}, {"sub": "x"}, b"sig"))


def test_a_discovery_document_of_another_issuer_is_not_trusted(provider, verifier):
    provider.server.zet("/tenant/v2.0" + oidc.DISCOVERY_PATH,
                        als_json({"issuer": "https://elders.example.com", "jwks_uri": provider.server.url("/keys")}))
    with pytest.raises(oidc.ProviderUnavailable, match="issuer"):
        verifier.verify(provider.token())
    assert provider.key_fetches == 0


def test_only_rs256_and_es256_signing_keys_are_taken_from_the_jwks(provider):
    rsa = provider.rsa.jwk()
    rsa_sleutel, ec_sleutel = oidc._signing_key(rsa), oidc._signing_key(provider.ec.jwk())
    assert rsa_sleutel is not None and rsa_sleutel.algorithm_name == "RS256"
    assert ec_sleutel is not None and ec_sleutel.algorithm_name == "ES256"
    p384 = {**ECAlgorithm.to_jwk(ec.generate_private_key(ec.SECP384R1()).public_key(), as_dict=True),
            "kid": "p384"}
    for entry in ({"kty": "oct", "k": "c2VjcmV0", "kid": "hmac"}, {**rsa, "use": "enc"}, {**rsa, "alg": "RS384"},
                  p384, {k: v for k, v in rsa.items() if k != "kid"}, {"kid": "x", "kty": "RSA"}, "geen object"):
        assert oidc._signing_key(entry) is None, entry


# ---- binding a conversation to the worker ----

def test_a_conversation_id_belongs_only_to_the_worker_it_was_issued_to():
    signin = oidc.SignIn(oidc.Verifier("https://login.example.com/t/v2.0", AUDIENCE), SESSION_KEY.encode())
    anna = oidc.Subject("https://login.example.com/t/v2.0", "anna")
    session_id = signin.new_session(anna)
    assert geldige_sessie(session_id) and session_id != signin.new_session(anna)
    assert signin.owns(anna, session_id)
    assert not signin.owns(oidc.Subject(anna.issuer, "bram"), session_id)
    assert not signin.owns(oidc.Subject("https://login.example.com/ander/v2.0", "anna"), session_id)
    assert not oidc.SignIn(signin.verifier, b"een-andere-sleutel").owns(anna, session_id)
    for other in (uuid.uuid4().hex, session_id[:16] + "0" * 16, "é" * 32, None, 42, session_id + "0"):
        assert not signin.owns(anna, other), other


# ---- settings ----

def test_settings_off_without_an_issuer_and_refused_when_incomplete():
    complete = {"OIDC_ISSUER": "https://login.microsoftonline.com/t/v2.0", "OIDC_AUDIENCE": AUDIENCE,
                "OIDC_SESSION_KEY": SESSION_KEY, "OIDC_LEEWAY_SECONDS": ""}
    with omgeving(**{**complete, "OIDC_ISSUER": ""}):
        assert oidc.from_settings() is None
    with omgeving(**complete):
        signin = oidc.from_settings()
    assert signin is not None
    assert (signin.verifier.issuer, signin.verifier.audience, signin.verifier.leeway) == (
        complete["OIDC_ISSUER"], AUDIENCE, oidc.DEFAULT_LEEWAY_SECONDS)
    for change, problem in [({"OIDC_AUDIENCE": ""}, "OIDC_AUDIENCE"), ({"OIDC_SESSION_KEY": "kort"}, "openssl"),
                            ({"OIDC_ISSUER": "http://login.example.com/t"}, "https"),
                            ({"OIDC_LEEWAY_SECONDS": "een minuut"}, "OIDC_LEEWAY_SECONDS")]:
        with omgeving(**{**complete, **change}):
            assert problem in (oidc.configuration_problem() or "")
            assert launch.main(["run", "--model", "geen"]) == 2


def test_the_leeway_is_bounded():
    assert [oidc.leeway_seconds(v) for v in ("", "0", "45", "120", "3600", "-5")] == [60, 0, 45, 120, 120, 0]


def test_keys_come_only_over_https_or_from_this_machine():
    assert [oidc.trusted_url(u) for u in (
        "https://login.microsoftonline.com/t/v2.0", "http://127.0.0.1:8080/realms/x", "http://localhost/x",
        "http://[::1]:9000/", "http://login.example.com/", "ftp://login.example.com/", "https://")] == [
        True, True, True, True, False, False, False]


# ---- the widget's socket on a running Rasa server ----

INTRANET = "https://intranet.voorbeeldstad.nl"
WIDGET_SECRET = "widget-geheim-" + uuid.uuid4().hex


class Sso(NamedTuple):
    provider: FakeProvider
    log: Path
    fetches_at_start: int


@pytest.fixture(scope="module")
def sso(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sso")
    with servers.own_ports(), FakeProvider() as fake, omgeving(
            TRACKER_STORE_URL=f"sqlite:///{tmp / 'tracker.db'}", CORS_ORIGINS=f"{INTRANET}, {servers.demo_url()}",
            WIDGET_JWT_SECRET=WIDGET_SECRET, OIDC_ISSUER=fake.issuer, OIDC_AUDIENCE=AUDIENCE,
            OIDC_SESSION_KEY=SESSION_KEY, OIDC_LEEWAY_SECONDS=str(LEEWAY)):
        with servers.running(model_voor_kanalen(), log_dir=tmp):
            yield Sso(fake, tmp / "rasa.log", fake.discovery_fetches + fake.key_fetches)


def connect(token):
    """(accepted, the refusal the widget got) of one connection."""
    async def scenario():
        widget = Widget()
        accepted = await widget.connect(INTRANET, token)
        await widget.close()
        return accepted, widget.refusal

    return asyncio.run(scenario())


def wait_for_refetch() -> None:
    """Let the server's refetch interval pass, so an unknown kid is fetched."""
    time.sleep(oidc.REFETCH_INTERVAL_SECONDS + 0.5)


def test_the_server_fetches_nothing_from_the_provider_at_start(sso):
    assert sso.fetches_at_start == 0


@pytest.mark.parametrize("alg", ["RS256", "ES256"])
def test_a_signed_in_worker_chats_and_nothing_of_the_token_is_stored(sso, alg):
    provider = sso.provider
    token = provider.token(provider.rsa if alg == "RS256" else provider.ec, sub=f"werker-{uuid.uuid4().hex}")

    async def scenario():
        widget = Widget()
        assert await widget.connect(INTRANET, token)
        session_id, history = await widget.session(None)
        answer = await widget.say("hallo", session_id)
        await widget.close()
        return session_id, history, answer

    session_id, history, answer = asyncio.run(scenario())
    assert geldige_sessie(session_id) and history["messages"] == []
    assert "digitale assistent, geen mens" in answer["text"]
    assert [e["text"] for e in events(session_id) if e["type"] == "user"] == ["hallo"]
    stored = Path(database_path()).read_bytes()
    assert session_id.encode() in stored and b"hallo" in stored
    for secret in (token, provider.claims()["sub"], "werker-", "anna@voorbeeldstad.nl", "Anna de Vries",
                   provider.issuer):
        assert secret.encode() not in stored, secret


@pytest.mark.parametrize("case", REFUSED)
def test_the_widget_refuses_invalid_tokens_with_a_dutch_message(sso, case):
    provider = sso.provider
    before = senders()
    accepted, refusal = connect(REFUSED[case](provider))
    assert not accepted
    assert refusal == {"message": NIET_AANGEMELD, "data": {"tijdelijk": False}}
    assert senders() == before


def test_the_widget_secret_still_works_beside_oidc(sso):
    widget_jwt = jwt.encode({"sub": "intranet", "exp": int(time.time()) + 3600}, WIDGET_SECRET, algorithm="HS256")
    assert connect(widget_jwt) == (True, None)
    assert connect(None) == (False, {"message": NIET_AANGEMELD, "data": {"tijdelijk": False}})


def test_a_worker_cannot_open_or_read_another_workers_conversation(sso):
    provider = sso.provider
    anna, bram = provider.token(sub="anna-" + uuid.uuid4().hex), provider.token(provider.ec, sub="bram")

    async def scenario():
        first = Widget()
        assert await first.connect(INTRANET, anna)
        annas, _ = await first.session(None)
        await first.say("hallo", annas)
        await first.close()

        other = Widget()
        assert await other.connect(INTRANET, bram)
        given, bram_history = await other.session(annas)
        await other.client.emit("user_uttered", {"message": "ik lees mee", "session_id": annas})
        random_id, _ = await other.session(uuid.uuid4().hex)
        await asyncio.sleep(1)
        await other.close()

        again = Widget()
        assert await again.connect(INTRANET, anna)
        reopened, anna_history = await again.session(annas)
        await again.close()
        return annas, given, bram_history, random_id, reopened, anna_history

    annas, given, bram_history, random_id, reopened, anna_history = asyncio.run(scenario())
    assert given != annas and bram_history == {"session_id": given, "messages": []}
    assert geldige_sessie(random_id)
    assert [e["text"] for e in events(annas) if e["type"] == "user"] == ["hallo"]
    assert events(given) == []
    assert reopened == annas and anna_history["messages"][0] == {"van": "gebruiker", "text": "hallo"}


def test_a_rotated_key_is_fetched_once_and_the_old_one_refused(sso):
    provider = sso.provider
    old = provider.token(provider.rsa)
    assert connect(old)[0]
    wait_for_refetch()
    provider.rsa = Key.new("RS256")
    provider.publish(provider.rsa, provider.ec)
    fetches = provider.key_fetches
    assert connect(provider.token(provider.rsa)) == (True, None)
    assert provider.key_fetches == fetches + 1
    assert connect(old) == (False, {"message": NIET_AANGEMELD, "data": {"tijdelijk": False}})


def test_a_provider_that_is_down_gives_a_clear_refusal_and_stores_nothing(sso):
    """A token with a key the server has not seen, while the provider cannot
    be reached: the server must ask the provider and, failing that, refuse."""
    provider = sso.provider
    wait_for_refetch()
    provider.down()
    before = senders()
    token = provider.token(Key.new("ES256"))
    try:
        assert connect(token) == (False, {"message": AANMELDDIENST_WEG, "data": {"tijdelijk": True}})
    finally:
        provider.up()
    assert senders() == before
    text = sso.log.read_text(errors="replace")
    assert f"no keys from the identity provider {provider.issuer}" in text
    assert token not in text and token.split(".")[1] not in text


def test_the_widget_in_a_browser_passes_a_token_from_a_promise_and_shows_a_refusal(sso, tmp_path):
    node = shutil.which("node")
    assert node and Path(CHROMIUM).exists(), "needs node and Chromium, as tests/integratie/test_widget_browser.py"
    provider = sso.provider
    with servers.demo_site() as demo_url:
        result = subprocess.run(
            [node, str(settings.ROOT / "tests" / "widget_sso_browser.mjs")], cwd=settings.ROOT,
            capture_output=True, text=True, timeout=300,
            env={**os.environ, "DEMO_URL": demo_url, "RASA_URL": servers.widget_server_url(), "CHROMIUM": CHROMIUM,
                 "GOOD_TOKEN": provider.token(provider.ec, sub="browser-werker"),
                 "BAD_TOKEN": provider.token(aud="een-andere-app"), "REFUSAL": NIET_AANGEMELD})
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
