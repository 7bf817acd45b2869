#!/usr/bin/env python3
"""Regenerates pyjwt_tokens.json: tokens made by PyJWT, which SigilJWT must verify.

Run from this folder:  python3 make_pyjwt_fixtures.py
Needs PyJWT and cryptography (pip install pyjwt cryptography).

Every time claim is fixed, and the Swift test validates at the fixed "now" below, so the
fixtures never expire. The RSA key is generated fresh on each run (its public half is
written into the file with the tokens, and so is the private half, for the CLI tests: it is a
throwaway test key); the HMAC secrets are fixed.
"""
import json

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

NOW = 1_700_000_000
IAT = NOW - 10
EXP = NOW + 3600

SECRETS = {
    "HS256": "pyjwt-fixture-secret-HS256-0123456789abcdef",          # 43 bytes
    "HS384": "pyjwt-fixture-secret-HS384-0123456789abcdef-0123456789",  # 54 bytes
    "HS512": "pyjwt-fixture-secret-HS512-" + "0123456789abcdef" * 3,  # 75 bytes
}

EXAMPLE_PAYLOAD = {
    "sub": "user_admin",
    "username": "admin",
    "roles": ["admin"],
    "permissions": ["read:*", "write:*", "delete:*"],
    "iat": IAT,
    "exp": EXP,
}


def main():
    cases = []

    def add(name, alg, payload, headers=None, expect="valid", **verify):
        key = SECRETS.get(alg, private_pem)
        token = jwt.encode(payload, key, algorithm=alg, headers=headers)
        cases.append({"name": name, "alg": alg, "token": token, "expect": expect, "verify": verify})

    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    public_jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key()))

    for alg in ("HS256", "HS384", "HS512"):
        add(f"example payload {alg}", alg, EXAMPLE_PAYLOAD)
    add("kid header", "HS256", EXAMPLE_PAYLOAD, headers={"kid": "key-1"}, kid="key-1")
    add("string aud", "HS256", {**EXAMPLE_PAYLOAD, "aud": "blog-api", "iss": "https://auth.example"},
        audience="blog-api", issuer="https://auth.example")
    add("array aud", "HS256", {**EXAMPLE_PAYLOAD, "aud": ["web", "blog-api"]}, audience="blog-api")
    add("nbf in the past", "HS256", {**EXAMPLE_PAYLOAD, "nbf": NOW - 5})
    add("float exp", "HS256", {**EXAMPLE_PAYLOAD, "exp": EXP + 0.5})
    add("unicode claims", "HS256", {**EXAMPLE_PAYLOAD, "name": "J\u00fcrgen \u2019\U0001F600", "nested": {"a": [1, 2.5, None, True]}})
    add("no typ header", "HS256", EXAMPLE_PAYLOAD, headers={"typ": None})
    add("expired", "HS256", {**EXAMPLE_PAYLOAD, "exp": NOW - 3600}, expect="expired")
    add("not yet valid", "HS256", {**EXAMPLE_PAYLOAD, "nbf": NOW + 3600}, expect="notYetValid")
    add("wrong audience", "HS256", {**EXAMPLE_PAYLOAD, "aud": "other"}, expect="audienceMismatch", audience="blog-api")
    for alg in ("RS256", "RS384", "RS512"):
        add(f"example payload {alg}", alg, EXAMPLE_PAYLOAD)

    document = {
        "description": "Tokens made by PyJWT %s (generator: make_pyjwt_fixtures.py). Validate at now." % jwt.__version__,
        "now": NOW,
        "secrets": SECRETS,
        "rsaPublicKeyPEM": public_pem,
        "rsaTestPrivateKeyPEM": private_pem.decode(),  # a throwaway test key
        "rsaPublicJWK": public_jwk,
        "cases": cases,
    }
    with open("pyjwt_tokens.json", "w") as handle:
        json.dump(document, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {len(cases)} cases to pyjwt_tokens.json")


if __name__ == "__main__":
    main()
