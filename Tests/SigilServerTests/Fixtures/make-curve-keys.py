#!/usr/bin/env python3
"""Makes the EC and Ed25519 test keys of SigilServerTests and SigilTokenTests (issue 12).

Writes, next to this script, for each of ES256 (P-256), ES384 (P-384), ES512 (P-521) and
EdDSA (Ed25519), with STEM the lower-case algorithm name:
  STEM-sec1.pem             the private key, SEC 1 ("EC PRIVATE KEY"; EC keys only)
  STEM-pkcs8.pem            the same key, PKCS#8 ("PRIVATE KEY")
  STEM-public.pem           its public key, SubjectPublicKeyInfo ("PUBLIC KEY")
  STEM.private.jwk.json     the private key as a JWK (RFC 7518 §6.2 / RFC 8037 §2), without alg
es256-other-pkcs8.pem, another P-256 key (PKCS#8), whose tokens a server of the first must refuse;
and curve-keys.jwks.json: for each algorithm, the JWK Set a server signing with that key
publishes (kty, crv, x[, y], use sig, alg, kid), kid = the RFC 7638 SHA-256 thumbprint
computed here independently of Sigil.

These keys are public test fixtures: never use them for anything else.

Usage: python3 make-curve-keys.py   (needs `cryptography`; re-running makes new keys)
"""
import base64
import hashlib
import json
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

CURVES = [("ES256", "P-256", ec.SECP256R1(), 32), ("ES384", "P-384", ec.SECP384R1(), 48),
          ("ES512", "P-521", ec.SECP521R1(), 66)]


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def thumbprint(members):
    """RFC 7638 §3: the required members, sorted, no whitespace; SHA-256; base64url."""
    canonical = json.dumps(members, separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as handle:
        handle.write(data)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    published = {}
    for alg, crv, curve, size in CURVES:
        stem = alg.lower()
        key = ec.generate_private_key(curve)
        for form, private_format in [("sec1", serialization.PrivateFormat.TraditionalOpenSSL),
                                     ("pkcs8", serialization.PrivateFormat.PKCS8)]:
            write(os.path.join(here, f"{stem}-{form}.pem"),
                  key.private_bytes(serialization.Encoding.PEM, private_format, serialization.NoEncryption()))
        numbers = key.public_key().public_numbers()
        members = {"crv": crv, "kty": "EC", "x": b64url(numbers.x.to_bytes(size, "big")),
                   "y": b64url(numbers.y.to_bytes(size, "big"))}
        private = dict(members, d=b64url(key.private_numbers().private_value.to_bytes(size, "big")))
        published[alg] = {"keys": [dict(members, use="sig", alg=alg, kid=thumbprint(members))]}
        write(os.path.join(here, f"{stem}-public.pem"), key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        write(os.path.join(here, f"{stem}.private.jwk.json"), json.dumps(private, indent=2) + "\n")

    key = ed25519.Ed25519PrivateKey.generate()
    write(os.path.join(here, "eddsa-pkcs8.pem"), key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    write(os.path.join(here, "eddsa-public.pem"), key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    raw_public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    raw_private = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
    members = {"crv": "Ed25519", "kty": "OKP", "x": b64url(raw_public)}
    published["EdDSA"] = {"keys": [dict(members, use="sig", alg="EdDSA", kid=thumbprint(members))]}
    write(os.path.join(here, "eddsa.private.jwk.json"), json.dumps(dict(members, d=b64url(raw_private)), indent=2)
          + "\n")

    other = ec.generate_private_key(ec.SECP256R1())
    write(os.path.join(here, "es256-other-pkcs8.pem"), other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))

    write(os.path.join(here, "curve-keys.jwks.json"), json.dumps(published, indent=2) + "\n")
    for alg, jwks in published.items():
        print(alg, "kid", jwks["keys"][0]["kid"])


if __name__ == "__main__":
    main()
