"""The launcher refuses to start when a channel is reachable from outside
without protection, and Telegram without its webhook secret."""
from __future__ import annotations

import pytest

from bot.channels import launch

SETTINGS = ("SERVER_INTERFACE", "WIDGET_SERVER_URL", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_TOKEN",
            "TELEGRAM_WEBHOOK_SECRET", "API_TOKEN", "JWT_SECRET", "OIDC_ISSUER")


@pytest.fixture(autouse=True)
def loopback(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("name, value", [
    ("WIDGET_SERVER_URL", "https://assistent.example.nl"),
    ("TELEGRAM_WEBHOOK_URL", "https://assistent.example.nl/webhooks/telegram/webhook"),
    ("SERVER_INTERFACE", "0.0.0.0"),
])
def test_een_publiek_kanaal_zonder_token_start_niet(loopback, capsys, name, value):
    loopback.setenv(name, value)

    assert launch.main(["run", "--model", "geen"]) == 2

    error = capsys.readouterr().err
    assert error.startswith(f"Niet gestart: {name}={value} maakt de servers bereikbaar voor andere computers")
    assert "API_TOKEN" in error and "JWT_SECRET" in error


@pytest.mark.parametrize("protection", ["API_TOKEN", "JWT_SECRET"])
def test_een_publiek_kanaal_met_token_of_jwt_geheim_mag(loopback, protection):
    loopback.setenv("WIDGET_SERVER_URL", "https://assistent.example.nl")
    loopback.setenv(protection, "geheim-1234")

    assert launch.refusal() is None


def test_adressen_op_deze_computer_zijn_niet_publiek(loopback):
    loopback.setenv("WIDGET_SERVER_URL", "http://127.0.0.1:5005")
    loopback.setenv("TELEGRAM_WEBHOOK_URL", "http://localhost:5005/webhooks/telegram/webhook")

    assert launch.exposure() == []
    assert launch.refusal() is None


def test_telegram_zonder_webhookgeheim_start_niet(loopback, capsys):
    loopback.setenv("TELEGRAM_TOKEN", "123:abc")

    assert launch.main(["run", "--model", "geen"]) == 2

    assert capsys.readouterr().err.startswith("Niet gestart: Telegram staat aan (TELEGRAM_TOKEN), "
                                              "maar TELEGRAM_WEBHOOK_SECRET is leeg.")
    loopback.setenv("TELEGRAM_WEBHOOK_SECRET", "geheim-5678")
    assert launch.refusal() is None
