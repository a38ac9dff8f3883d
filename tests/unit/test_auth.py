"""Who may call the servers: a JWT must carry `exp`."""
from __future__ import annotations

import time

import jwt
import pytest

from bot.channels import auth

SECRET = "jwt-geheim-voor-tests"


@pytest.fixture(autouse=True)
def jwt_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("API_TOKEN", raising=False)
    monkeypatch.setenv("JWT_SECRET", SECRET)
    monkeypatch.setenv("JWT_METHOD", "HS256")


def bearer(**payload: object) -> str:
    return auth.BEARER + jwt.encode({"user": {"role": "admin"}, **payload}, SECRET, algorithm="HS256")


def test_een_jwt_met_exp_in_de_toekomst_wordt_aanvaard() -> None:
    assert auth.check(None, bearer(exp=int(time.time()) + 600), "gesprek-1") == 200


@pytest.mark.parametrize("payload", [{}, {"exp": int(time.time()) - 60}], ids=["zonder exp", "verlopen"])
def test_een_jwt_zonder_of_met_verlopen_exp_wordt_geweigerd(payload: dict) -> None:
    assert auth.check(None, bearer(**payload), "gesprek-1") == 401
    assert auth.decode_jwt(bearer(**payload), SECRET, "HS256") is None
