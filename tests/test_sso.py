"""Single sign-on for the widget (bot/channels/oidc.py) against a fake
OpenID Connect provider on 127.0.0.1 (tests/fake_oidc.py): the token check
and the conversation binding on their own, with a clock the tests move."""
from __future__ import annotations

import time
import uuid
from typing import Callable, Dict

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from bot import servers
from bot.channels import launch, oidc
from bot.channels.widget import geldige_sessie
from fake_oidc import AUDIENCE, FakeProvider, Key, hs256_with_public_key, unsigned
from kanalen import omgeving
from lokale_server import als_json

LEEWAY = 30
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
    assert oidc._signing_key(rsa).algorithm_name == "RS256"
    assert oidc._signing_key(provider.ec.jwk()).algorithm_name == "ES256"
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
    assert (signin.verifier.issuer, signin.verifier.audience, signin.verifier.leeway) == (
        complete["OIDC_ISSUER"], AUDIENCE, oidc.DEFAULT_LEEWAY_SECONDS)
    for change, problem in [({"OIDC_AUDIENCE": ""}, "OIDC_AUDIENCE"), ({"OIDC_SESSION_KEY": "kort"}, "openssl"),
                            ({"OIDC_ISSUER": "http://login.example.com/t"}, "https"),
                            ({"OIDC_LEEWAY_SECONDS": "een minuut"}, "OIDC_LEEWAY_SECONDS")]:
        with omgeving(**{**complete, **change}):
            assert problem in oidc.configuration_problem()
            assert launch.main(["run", "--model", "geen"]) == 2


def test_the_leeway_is_bounded():
    assert [oidc.leeway_seconds(v) for v in ("", "0", "45", "120", "3600", "-5")] == [60, 0, 45, 120, 120, 0]


def test_keys_come_only_over_https_or_from_this_machine():
    assert [oidc.trusted_url(u) for u in (
        "https://login.microsoftonline.com/t/v2.0", "http://127.0.0.1:8080/realms/x", "http://localhost/x",
        "http://[::1]:9000/", "http://login.example.com/", "ftp://login.example.com/", "https://")] == [
        True, True, True, True, False, False, False]
