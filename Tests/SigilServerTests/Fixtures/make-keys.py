#!/usr/bin/env python3
"""Makes the RSA test keys of SigilServerTests' RS256 tests (issue 7).

Writes, next to this script:
  signing-key-pkcs8.pem   a 2048-bit RSA private key, PKCS#8 ("PRIVATE KEY")
  signing-key-pkcs1.pem   the same key, PKCS#1 ("RSA PRIVATE KEY")
  signing-key.private.jwk.json   the same key as a private JWK (n, e, d, p, q, dp, dq, qi)
  signing-key.jwks.json   its public key as a JWK Set, kid = the RFC 7638 SHA-256 thumbprint,
                          computed here independently of Sigil

These keys are public test fixtures: never use them for anything else.

Usage: python3 make-keys.py   (needs `cryptography`; re-running makes a new key)
"""
import base64
import hashlib
import json
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def b64url_uint(value):
    data = value.to_bytes((value.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for name, form in [("signing-key-pkcs8.pem", serialization.PrivateFormat.PKCS8),
                       ("signing-key-pkcs1.pem", serialization.PrivateFormat.TraditionalOpenSSL)]:
        with open(os.path.join(here, name), "wb") as handle:
            handle.write(key.private_bytes(serialization.Encoding.PEM, form, serialization.NoEncryption()))
    numbers = key.public_key().public_numbers()
    n, e = b64url_uint(numbers.n), b64url_uint(numbers.e)
    # RFC 7638 §3: the required members, sorted, no whitespace.
    canonical = json.dumps({"e": e, "kty": "RSA", "n": n}, separators=(",", ":"), sort_keys=True)
    kid = base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode("ascii")
    private = key.private_numbers()
    jwk = {"kty": "RSA", "n": n, "e": e, "d": b64url_uint(private.d), "p": b64url_uint(private.p),
           "q": b64url_uint(private.q), "dp": b64url_uint(private.dmp1), "dq": b64url_uint(private.dmq1),
           "qi": b64url_uint(private.iqmp)}
    with open(os.path.join(here, "signing-key.private.jwk.json"), "w") as handle:
        json.dump(jwk, handle, indent=2)
        handle.write("\n")
    jwks = {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid, "n": n, "e": e}]}
    with open(os.path.join(here, "signing-key.jwks.json"), "w") as handle:
        json.dump(jwks, handle, indent=2)
        handle.write("\n")
    print("kid", kid)


if __name__ == "__main__":
    main()
