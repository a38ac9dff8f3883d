"""A fake OpenID Connect provider on 127.0.0.1 for the sign-in tests: it
serves a discovery document and a JWKS (through tests/lokale_server.py, which
counts the requests), makes RSA and EC keys, signs tokens with them, rotates
keys and can be taken down."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any, Dict, Optional

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from bot.channels.oidc import DISCOVERY_PATH
from lokale_server import Antwoord, LokaleServer, als_json

JWKS_PATH = "/keys"
AUDIENCE = "assistent-client-id"


@dataclass(frozen=True)
class Key:
    kid: str
    alg: str
    private: Any

    @classmethod
    def new(cls, alg: str) -> "Key":
        private = (rsa.generate_private_key(public_exponent=65537, key_size=2048) if alg == "RS256"
                   else ec.generate_private_key(ec.SECP256R1()))
        return cls(f"{alg.lower()}-{uuid.uuid4().hex[:8]}", alg, private)

    def jwk(self) -> Dict[str, Any]:
        algorithm = RSAAlgorithm if self.alg == "RS256" else ECAlgorithm
        return {**algorithm.to_jwk(self.private.public_key(), as_dict=True),
                "kid": self.kid, "use": "sig", "alg": self.alg}

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(serialization.Encoding.PEM,
                                                      serialization.PublicFormat.SubjectPublicKeyInfo)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned(header: Dict[str, Any], claims: Dict[str, Any], signature: bytes = b"") -> str:
    """A JWT put together by hand, for tokens PyJWT refuses to make."""
    return ".".join([_b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode()), _b64(signature)])


def hs256_with_public_key(key: Key, claims: Dict[str, Any]) -> str:
    """The classic attack: HS256 with the provider's public key as the secret."""
    header = {"alg": "HS256", "typ": "JWT", "kid": key.kid}
    signing_input = ".".join(unsigned(header, claims).split(".")[:2]).encode()
    return signing_input.decode() + "." + _b64(hmac.new(key.public_pem(), signing_input, hashlib.sha256).digest())


class FakeProvider:
    def __init__(self):
        self.server = LokaleServer()
        self.rsa, self.ec = Key.new("RS256"), Key.new("ES256")
        self.published = [self.rsa, self.ec]

    def __enter__(self) -> "FakeProvider":
        self.server.__enter__()
        self.up()
        return self

    def __exit__(self, *exc):
        self.server.__exit__(*exc)

    @property
    def issuer(self) -> str:
        return self.server.url("/tenant/v2.0")

    def up(self) -> None:
        self.server.zet("/tenant/v2.0" + DISCOVERY_PATH,
                        als_json({"issuer": self.issuer, "jwks_uri": self.server.url(JWKS_PATH),
                                  "id_token_signing_alg_values_supported": ["RS256", "ES256"]}))
        self.server.zet(JWKS_PATH, als_json({"keys": [key.jwk() for key in self.published]}))

    def down(self) -> None:
        for path in ("/tenant/v2.0" + DISCOVERY_PATH, JWKS_PATH):
            self.server.zet(path, Antwoord(503, b"Service Unavailable"))

    def publish(self, *keys: Key) -> None:
        """Replace the published keys (a rotation)."""
        self.published = list(keys)
        self.up()

    @property
    def key_fetches(self) -> int:
        return self.server.aantal[JWKS_PATH]

    @property
    def discovery_fetches(self) -> int:
        return self.server.aantal["/tenant/v2.0" + DISCOVERY_PATH]

    def claims(self, sub: Optional[str] = "medewerker-a", **overrides: Any) -> Dict[str, Any]:
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": AUDIENCE, "sub": sub, "iat": now, "nbf": now, "exp": now + 600,
                  "name": "Anna de Vries", "email": "anna@voorbeeldstad.nl"}
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def token(self, key: Optional[Key] = None, sub: Optional[str] = "medewerker-a", **overrides: Any) -> str:
        """A token signed with `key` (default the RSA key); an override of None leaves that claim out."""
        key = key or self.rsa
        return jwt.encode(self.claims(sub, **overrides), key.private, algorithm=key.alg, headers={"kid": key.kid})
