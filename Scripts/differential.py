#!/usr/bin/env python3
"""Differential testing of Sigil against Python's hashlib/hmac/base64, `cryptography`
and `pyjwt` (issue #8).

    python3 Scripts/differential.py                 # builds sigil-difftest (release), runs all
    python3 Scripts/differential.py --seed 1234     # reproduce a run
    python3 Scripts/differential.py --binary PATH   # use an already built sigil-difftest
    python3 Scripts/differential.py --only base64url

Thousands of random cases per run go to one `sigil-difftest` process over its batch
protocol (one request line in, one answer line out; see Sources/sigil-difftest). Every
answer is compared with what Python computes; any disagreement fails the run with the
case, both answers and the seed. Needs `pip install cryptography pyjwt`.
"""

import argparse
import base64
import binascii
import dataclasses
import hashlib
import hmac as py_hmac
import json
import os
import random
import subprocess
import sys
import time
import warnings

import jwt as pyjwt
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclasses.dataclass
class Case:
    section: str
    request: str
    expected: str
    detail: str = ""


def hexf(data: bytes) -> str:
    """A protocol byte field: lowercase hex, '-' for empty."""
    return data.hex() if data else "-"


def unhexf(field: str) -> bytes:
    return b"" if field == "-" else bytes.fromhex(field)


# ---------------------------------------------------------------------------------------
# base64url and base64


URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
STD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
NOISE = [b"=", b"+", b"/", b"-", b"_", b" ", b"\n", b"\r\n", b"\t", b"\x00", b"\xff", b"\xc3\xa9", b".", b"%"]


def python_b64u_decode(text: bytes):
    """The reference for strict unpadded base64url (RFC 4648 §5, RFC 7515 §2): Python's
    strict standard decoder after translating the alphabet and adding the padding, plus the
    canonical-form rule of RFC 4648 §3.5 (re-encoding gives the input back)."""
    if any(ch not in URL_ALPHABET.encode() for ch in text):
        return None
    if len(text) % 4 == 1:
        return None
    translated = text.translate(bytes.maketrans(b"-_", b"+/")) + b"=" * (-len(text) % 4)
    try:
        decoded = binascii.a2b_base64(translated, strict_mode=True)
    except binascii.Error:
        return None
    if base64.urlsafe_b64encode(decoded).rstrip(b"=") != text:
        return None
    return decoded


def python_b64_decode(text: bytes, padded: bool):
    """Reference for strict standard base64: binascii strict mode plus the canonical-form
    rule. Unpadded: no '=' at all, then the same after adding the padding."""
    if padded:
        candidate = text
    else:
        if b"=" in text or len(text) % 4 == 1:
            return None
        candidate = text + b"=" * (-len(text) % 4)
    try:
        decoded = binascii.a2b_base64(candidate, strict_mode=True)
    except binascii.Error:
        return None
    if base64.b64encode(decoded) != candidate:
        return None
    return decoded


def random_encoded_text(rng: random.Random, alphabet: str, padded: bool) -> bytes:
    """Mostly-valid looking text: a real encoding, random symbols, or either with noise."""
    kind = rng.random()
    if kind < 0.35:
        raw = rng.randbytes(rng.randrange(0, 40))
        text = base64.b64encode(raw)
        if alphabet == URL_ALPHABET:
            text = text.translate(bytes.maketrans(b"+/", b"-_"))
        if not padded:
            text = text.rstrip(b"=")
    else:
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24))).encode()
        if padded and rng.random() < 0.5:
            text += b"=" * rng.randrange(0, 3)
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        position = rng.randrange(0, len(text) + 1)
        action = rng.random()
        if action < 0.6:
            text = text[:position] + rng.choice(NOISE) + text[position:]
        elif action < 0.8 and text:
            text = text[:position] + text[position + 1:]
        elif text:
            index = rng.randrange(0, len(text))
            text = text[:index] + bytes([rng.randrange(0, 128)]) + text[index + 1:]
    return text


def answer_bytes(decoded):
    return "err" if decoded is None else "ok " + hexf(decoded)


def section_base64url(rng, count):
    cases = []
    for _ in range(count):
        raw = rng.randbytes(rng.choice([0, 1, 2, 3, rng.randrange(0, 200)]))
        encoded = base64.urlsafe_b64encode(raw).rstrip(b"=")
        cases.append(Case("base64url", f"b64u-encode {hexf(raw)}", "ok " + hexf(encoded), f"bytes {raw.hex()}"))
        cases.append(Case("base64url", f"b64u-decode {hexf(encoded)}", "ok " + hexf(raw), f"text {encoded!r}"))
    for _ in range(count * 2):
        text = random_encoded_text(rng, URL_ALPHABET, padded=False)
        cases.append(Case("base64url", f"b64u-decode {hexf(text)}", answer_bytes(python_b64u_decode(text)),
                          f"text {text!r}"))
    return cases


def section_base64(rng, count):
    cases = []
    for _ in range(count):
        padded = rng.random() < 0.5
        alphabet = STD_ALPHABET if rng.random() < 0.9 else URL_ALPHABET
        text = random_encoded_text(rng, alphabet, padded)
        cases.append(Case("base64", f"b64-decode {hexf(text)} {1 if padded else 0}",
                          answer_bytes(python_b64_decode(text, padded)), f"text {text!r} padded={padded}"))
    return cases


# ---------------------------------------------------------------------------------------
# SHA-2, HMAC, PBKDF2


HASHES = {"sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}
# Lengths around the padding boundaries of 64- and 128-byte blocks, and some long ones.
BOUNDARY_LENGTHS = [0, 1, 55, 56, 57, 63, 64, 65, 111, 112, 113, 119, 120, 127, 128, 129, 255, 256]


def random_length(rng):
    pick = rng.random()
    if pick < 0.3:
        return rng.choice(BOUNDARY_LENGTHS)
    if pick < 0.97:
        return rng.randrange(0, 300)
    return rng.randrange(300, 20_000)


def section_sha2(rng, count):
    cases = []
    for _ in range(count):
        name = rng.choice(list(HASHES))
        message = rng.randbytes(random_length(rng))
        cases.append(Case("sha2", f"sha {name} {hexf(message)}", "ok " + HASHES[name](message).hexdigest(),
                          f"{name} of {len(message)} bytes"))
    return cases


def section_hmac(rng, count):
    cases = []
    for _ in range(count):
        name = rng.choice(list(HASHES))
        # Keys shorter than, equal to and longer than the block size (hashed first).
        key = rng.randbytes(rng.choice([0, 1, 16, 32, 48, 63, 64, 65, 127, 128, 129, rng.randrange(0, 300)]))
        message = rng.randbytes(random_length(rng))
        tag = py_hmac.new(key, message, HASHES[name]).hexdigest()
        cases.append(Case("hmac", f"hmac {name} {hexf(key)} {hexf(message)}", "ok " + tag,
                          f"HMAC-{name} key {len(key)} bytes, message {len(message)} bytes"))
    return cases


def section_pbkdf2(rng, count):
    cases = []
    for _ in range(count):
        name = rng.choice(["sha256", "sha512"])
        password = rng.randbytes(rng.choice([0, 1, 8, 64, 65, 128, 129, rng.randrange(0, 200)]))
        salt = rng.randbytes(rng.choice([0, 1, 8, 16, rng.randrange(0, 100)]))
        iterations = rng.choice([1, 2, 3, rng.randrange(1, 64), rng.randrange(1, 2000)])
        length = rng.choice([1, 31, 32, 33, 64, 65, rng.randrange(1, 200)])
        derived = hashlib.pbkdf2_hmac(name, password, salt, iterations, length)
        cases.append(Case("pbkdf2", f"pbkdf2 {name} {hexf(password)} {hexf(salt)} {iterations} {length}",
                          "ok " + derived.hex(), f"PBKDF2-HMAC-{name} c={iterations} dkLen={length}"))
    # Parameters both sides refuse: c < 1 and dkLen < 1 (Python raises ValueError).
    for iterations, length in [(0, 32), (-1, 32), (1, 0), (0, 0), (-5, -5)]:
        for name in ["sha256", "sha512"]:
            try:
                expected = "ok " + hexf(hashlib.pbkdf2_hmac(name, b"pw", b"salt", iterations, length))
            except ValueError:
                expected = "err"
            cases.append(Case("pbkdf2", f"pbkdf2 {name} {hexf(b'pw')} {hexf(b'salt')} {iterations} {length}",
                              expected, f"PBKDF2-HMAC-{name} c={iterations} dkLen={length}"))
    return cases


# ---------------------------------------------------------------------------------------
# RSA PKCS#1 v1.5 verification

PY_HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
_KEY_CACHE = {}


def rsa_keys(rng):
    """A handful of keys from 2048 to 4096 bits (some of odd sizes), generated once per run.

    `cryptography` draws its own randomness, so keys differ between runs; the cases built
    from them follow the seed."""
    if not _KEY_CACHE:
        sizes = [2048, 2048, 2056, 3072, 3080, 4096]
        for index, bits in enumerate(sizes):
            exponent = 3 if index == 1 else 65537
            _KEY_CACHE[index] = rsa.generate_private_key(public_exponent=exponent, key_size=bits)
    return list(_KEY_CACHE.values())


def key_field(public_key, form):
    numbers = public_key.public_numbers()
    if form == "spki-der":
        return hexf(public_key.public_bytes(serialization.Encoding.DER,
                                            serialization.PublicFormat.SubjectPublicKeyInfo))
    if form == "pkcs1-der":
        return hexf(public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.PKCS1))
    if form == "pem":
        return hexf(public_key.public_bytes(serialization.Encoding.PEM,
                                            serialization.PublicFormat.SubjectPublicKeyInfo))
    if form == "pkcs1-pem":
        return hexf(public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1))
    n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
    e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
    return f"{n.hex()}:{e.hex()}"


def python_rsa_verify(public_key, name, message, signature):
    try:
        public_key.verify(signature, message, padding.PKCS1v15(), PY_HASHES[name]())
        return True
    except (InvalidSignature, ValueError):
        return False


def corrupt_signature(rng, signature, modulus):
    size = len(signature)
    choice = rng.randrange(9)
    if choice == 0:  # one bit flipped
        index = rng.randrange(size)
        return bytes(signature[:index]) + bytes([signature[index] ^ (1 << rng.randrange(8))]) + signature[index + 1:], "bit flip"
    if choice == 1:
        return b"\x00" * size, "zero signature"
    if choice == 2:
        return signature[1:] if signature[0] == 0 else signature[:-1], "one byte short"
    if choice == 3:
        return b"\x00" + signature, "leading zero byte added"
    if choice == 4:  # s + n, when it still fits in k bytes
        value = int.from_bytes(signature, "big") + modulus
        if value < 256 ** size:
            return value.to_bytes(size, "big"), "s + n"
        return modulus.to_bytes(size, "big"), "s = n"
    if choice == 5:
        return (1).to_bytes(size, "big"), "s = 1"
    if choice == 6:
        return (modulus - 1).to_bytes(size, "big"), "s = n - 1"
    if choice == 7:
        return rng.randbytes(size), "random"
    return b"", "empty"


def section_rsa(rng, count):
    keys = rsa_keys(rng)
    cases = []
    for _ in range(count):
        private_key = rng.choice(keys)
        public_key = private_key.public_key()
        modulus = public_key.public_numbers().n
        name = rng.choice(list(PY_HASHES))
        message = rng.randbytes(rng.randrange(0, 200))
        signature = private_key.sign(message, padding.PKCS1v15(), PY_HASHES[name]())
        form = rng.choice(["spki-der", "pkcs1-der", "pem", "pkcs1-pem", "ne"])
        kind = rng.random()
        what = "valid"
        checked_name, checked_message = name, message
        if kind < 0.35:
            pass
        elif kind < 0.75:
            signature, what = corrupt_signature(rng, signature, modulus)
        elif kind < 0.88:
            checked_message = message + b"\x00" if rng.random() < 0.5 else rng.randbytes(len(message))
            what = "other message"
        else:
            checked_name = rng.choice([h for h in PY_HASHES if h != name])
            what = f"signed with {name}"
        expected = "ok 1" if python_rsa_verify(public_key, checked_name, checked_message, signature) else "ok 0"
        cases.append(Case("rsa", f"rsa-verify {checked_name} {form} {key_field(public_key, form)} "
                                 f"{hexf(checked_message)} {hexf(signature)}", expected,
                          f"{modulus.bit_length()}-bit key ({form}), {checked_name}, {what}"))
    return cases


# ---------------------------------------------------------------------------------------
# RSASSA-PSS verification (issue #12)

PSS_HASH_NAMES = list(PY_HASHES)


def python_pss_verify(public_key, name, mgf_name, salt_length, message, signature):
    # RFC 8017 §8.1.2 step 1: a signature that is not exactly k octets is invalid. OpenSSL
    # (under `cryptography`) accepts a PSS signature whose leading zero octet was dropped;
    # Sigil follows the RFC, so such a case is expected to be rejected.
    if len(signature) != (public_key.key_size + 7) // 8:
        return False
    try:
        public_key.verify(signature, message,
                          padding.PSS(mgf=padding.MGF1(PY_HASHES[mgf_name]()), salt_length=salt_length),
                          PY_HASHES[name]())
        return True
    except (InvalidSignature, ValueError):
        return False


def section_rsa_pss(rng, count):
    """PSS signatures made by `cryptography` with random hash, MGF1 hash and salt length,
    verified by both sides as made or after a change (corruption, another message, another
    salt length or hash, or a PKCS#1 v1.5 signature in its place)."""
    keys = rsa_keys(rng)
    cases = []
    for _ in range(count):
        private_key = rng.choice(keys)
        public_key = private_key.public_key()
        modulus = public_key.public_numbers().n
        name = rng.choice(PSS_HASH_NAMES)
        mgf_name = name if rng.random() < 0.6 else rng.choice(PSS_HASH_NAMES)
        digest_size = PY_HASHES[name].digest_size
        room = (modulus.bit_length() - 1 + 7) // 8 - digest_size - 2
        salt_length = rng.choice([digest_size, digest_size, 0, rng.randrange(0, room + 1), room])
        message = rng.randbytes(rng.randrange(0, 200))
        signature = private_key.sign(
            message, padding.PSS(mgf=padding.MGF1(PY_HASHES[mgf_name]()), salt_length=salt_length),
            PY_HASHES[name]())
        form = rng.choice(["spki-der", "pkcs1-der", "pem", "pkcs1-pem", "ne"])
        checked = [name, mgf_name, salt_length, message]
        kind = rng.random()
        what = "valid"
        if kind < 0.35:
            pass
        elif kind < 0.65:
            signature, what = corrupt_signature(rng, signature, modulus)
        elif kind < 0.75:
            checked[3] = message + b"\x00" if rng.random() < 0.5 else rng.randbytes(len(message))
            what = "other message"
        elif kind < 0.85:
            checked[2] = rng.choice([salt_length + 1, max(0, salt_length - 1), room + 1, rng.randrange(0, 300)])
            what = f"signed with salt {salt_length}"
        elif kind < 0.93:
            checked[rng.randrange(2)] = rng.choice(PSS_HASH_NAMES)
            what = f"signed with {name}/MGF1-{mgf_name}"
        else:
            signature = private_key.sign(message, padding.PKCS1v15(), PY_HASHES[name]())
            what = "PKCS#1 v1.5 signature"
        expected = "ok 1" if python_pss_verify(public_key, checked[0], checked[1], checked[2], checked[3],
                                               signature) else "ok 0"
        cases.append(Case("rsa-pss", f"rsa-pss-verify {checked[0]} {checked[1]} {checked[2]} {form} "
                                     f"{key_field(public_key, form)} {hexf(checked[3])} {hexf(signature)}",
                          expected, f"{modulus.bit_length()}-bit key ({form}), {checked[0]}/MGF1-{checked[1]} "
                                    f"salt {checked[2]}, {what}"))
    return cases


# ---------------------------------------------------------------------------------------
# ECDSA P-256/P-384/P-521 verification (issue #12)

# name: (curve, hash, coordinate bytes, group order n)
EC_CURVES = {
    "p256": (ec.SECP256R1, hashes.SHA256, 32,
             0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551),
    "p384": (ec.SECP384R1, hashes.SHA384, 48,
             0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973),
    "p521": (ec.SECP521R1, hashes.SHA512, 66,
             0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409),
}
_EC_KEY_CACHE = {}


def ec_keys(name):
    """Three keys per curve, generated once per run (by `cryptography`'s own randomness)."""
    if name not in _EC_KEY_CACHE:
        _EC_KEY_CACHE[name] = [ec.generate_private_key(EC_CURVES[name][0]()) for _ in range(3)]
    return _EC_KEY_CACHE[name]


def ec_point_bytes(public_key):
    return public_key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def ec_key_field(point, form):
    """A public key request field from an uncompressed point 0x04 ‖ x ‖ y, or None when
    `cryptography` cannot encode that form (the point is not a valid key)."""
    if form == "raw":
        return hexf(point[1:])
    if form == "x963":
        return hexf(point)
    return None


def python_ec_public_key(name, point):
    """The key `cryptography` reads from an uncompressed point, or None when it refuses it."""
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(EC_CURVES[name][0](), point)
    except ValueError:
        return None


def der_integer(value, extra_zero=False):
    body = value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big")
    if extra_zero:
        body = b"\x00" + body
    return b"\x02" + der_length(len(body)) + body


def der_length(count):
    return bytes([count]) if count < 0x80 else b"\x81" + bytes([count])


def der_signature(r, s, extra_zero=False):
    body = der_integer(r, extra_zero) + der_integer(s)
    return b"\x30" + der_length(len(body)) + body


def mutate_ecdsa(rng, r, s, size, n):
    """(r, s, what) after one change that keeps the values encodable in `size` bytes."""
    choice = rng.randrange(9)
    if choice == 0:
        return r ^ (1 << rng.randrange(min(8 * size, n.bit_length()))), s, "r bit flip"
    if choice == 1:
        return r, s ^ (1 << rng.randrange(min(8 * size, n.bit_length()))), "s bit flip"
    if choice == 2:
        return 0, s, "r = 0"
    if choice == 3:
        return r, 0, "s = 0"
    if choice == 4:
        return n, s, "r = n"
    if choice == 5:
        return (r + n, s, "r + n") if r + n < 256 ** size else (r, n, "s = n")
    if choice == 6:
        return r, n - s, "s = n - s (the other valid s)"
    if choice == 7:
        return s, r, "r and s swapped"
    return int.from_bytes(rng.randbytes(size), "big"), int.from_bytes(rng.randbytes(size), "big"), "random r, s"


def section_ecdsa(rng, count):
    """ECDSA signatures made by `cryptography`, sent as r ‖ s (the JWS form) or DER, with
    the key as x ‖ y, X9.62, SPKI DER or PEM; verified as made or after a change to the
    signature (values, length, DER encoding), the message or the key (a flipped coordinate
    bit, another key, another curve's key)."""
    cases = []
    for _ in range(count):
        name = rng.choice(list(EC_CURVES))
        curve, hash_type, size, n = EC_CURVES[name]
        private_key = rng.choice(ec_keys(name))
        public_key = private_key.public_key()
        message = rng.randbytes(rng.randrange(0, 200))
        r, s = decode_dss_signature(private_key.sign(message, ec.ECDSA(hash_type())))
        sig_form = rng.choice(["raw", "raw", "der"])
        key_form = rng.choice(["raw", "x963", "spki-der", "pem"])
        point = ec_point_bytes(public_key)
        checked_message = message
        what = "valid"
        raw_override = None
        der_override = None
        kind = rng.random()
        if kind < 0.3:
            pass
        elif kind < 0.6:
            r, s, what = mutate_ecdsa(rng, r, s, size, n)
        elif kind < 0.7:
            checked_message = message + b"\x00" if rng.random() < 0.5 else rng.randbytes(len(message))
            what = "other message"
        elif kind < 0.85:
            raw = r.to_bytes(size, "big") + s.to_bytes(size, "big")
            der = der_signature(r, s)
            if sig_form == "raw":
                choice = rng.randrange(4)
                if choice == 0:
                    raw_override, what = raw[:-1], "r ‖ s one byte short"
                elif choice == 1:
                    raw_override, what = b"\x00" + raw, "r ‖ s with a leading zero byte"
                elif choice == 2:
                    raw_override, what = b"", "empty signature"
                else:
                    # JWS takes r ‖ s only (RFC 7518 §3.4): a DER signature in its place is invalid.
                    raw_override, what = der, "DER where r ‖ s is expected"
            else:
                choice = rng.randrange(5)
                if choice == 0:
                    der_override, what = der_signature(r, s, extra_zero=True), "DER: non-minimal INTEGER"
                elif choice == 1 and der[1] < 0x80:
                    der_override, what = b"\x30\x81" + der[1:], "DER: non-minimal length"
                elif choice == 2:
                    der_override, what = der[:-1], "DER truncated"
                elif choice == 3:
                    der_override, what = raw, "r ‖ s where DER is expected"
                else:
                    der_override, what = der + b"\x00", "DER with a trailing byte"
        elif kind < 0.92:
            if key_form in ("raw", "x963"):
                index = 1 + rng.randrange(2 * size)
                point = point[:index] + bytes([point[index] ^ (1 << rng.randrange(8))]) + point[index + 1:]
                what = "key: coordinate bit flip"
            else:
                point = ec_point_bytes(rng.choice([k for k in ec_keys(name) if k is not private_key]).public_key())
                what = "key: another key"
        else:
            other = rng.choice([c for c in EC_CURVES if c != name])
            point = ec_point_bytes(ec_keys(other)[0].public_key())
            what = f"key: a {other} key"

        checked_key = python_ec_public_key(name, point) if len(point) == 1 + 2 * size else None
        if key_form in ("raw", "x963"):
            key_field = ec_key_field(point, key_form)
        else:
            # SPKI names its curve; a point of another curve is sent under its own curve's SPKI.
            source = python_ec_public_key(name, point)
            if source is None:
                other_curve = next((c for c in EC_CURVES if len(point) == 1 + 2 * EC_CURVES[c][2]), None)
                source = python_ec_public_key(other_curve, point) if other_curve else None
            if source is None:
                key_form = "raw"
                key_field = ec_key_field(point, "raw")
            else:
                encoding = serialization.Encoding.DER if key_form == "spki-der" else serialization.Encoding.PEM
                key_field = hexf(source.public_bytes(encoding, serialization.PublicFormat.SubjectPublicKeyInfo))

        if sig_form == "raw":
            if raw_override is not None:
                signature = raw_override
            elif r < 256 ** size and s < 256 ** size:
                signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
            else:
                signature = b""
        else:
            signature = der_override if der_override is not None else der_signature(r, s)

        if checked_key is None:
            expected = "err"
        else:
            expected = "ok 1" if python_ecdsa_verify(checked_key, hash_type, sig_form, size, signature,
                                                     checked_message) else "ok 0"
        cases.append(Case("ecdsa", f"ecdsa-verify {name} {sig_form} {key_form} {key_field} "
                                   f"{hexf(checked_message)} {hexf(signature)}", expected,
                          f"{name}, {sig_form} signature, key {key_form}, {what}"))
    return cases


def python_ecdsa_verify(public_key, hash_type, sig_form, size, signature, message):
    """`cryptography` (OpenSSL) verifies DER; an r ‖ s signature must be exactly 2 × size
    bytes (RFC 7518 §3.4) and is re-encoded as DER for it."""
    if sig_form == "raw":
        if len(signature) != 2 * size:
            return False
        signature = encode_dss_signature(int.from_bytes(signature[:size], "big"),
                                         int.from_bytes(signature[size:], "big"))
    try:
        public_key.verify(signature, message, ec.ECDSA(hash_type()))
        return True
    except (InvalidSignature, ValueError):
        return False


# ---------------------------------------------------------------------------------------
# Ed25519 verification (issue #12)

ED25519_L = 2**252 + 27742317777372353535851937790883648493
_ED_KEY_CACHE = []


def section_ed25519(rng, count):
    """Ed25519 signatures made by `cryptography`, verified as made or after a change to the
    signature (a flipped bit, S + L, S = L, wrong length, R and S swapped), the message or the
    key (a flipped bit, another key). Where a changed key is no valid point Sigil refuses it
    when read and OpenSSL when verifying: either is a rejection."""
    if not _ED_KEY_CACHE:
        _ED_KEY_CACHE.extend(ed25519.Ed25519PrivateKey.generate() for _ in range(4))
    cases = []
    for _ in range(count):
        private_key = rng.choice(_ED_KEY_CACHE)
        message = rng.randbytes(rng.choice([0, 1, rng.randrange(0, 300)]))
        signature = private_key.sign(message)
        raw_key = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        key_form = rng.choice(["raw", "spki-der", "pem"])
        checked_message = message
        what = "valid"
        key_changed = False
        kind = rng.random()
        if kind < 0.35:
            pass
        elif kind < 0.7:
            choice = rng.randrange(7)
            s_value = int.from_bytes(signature[32:], "little")
            if choice == 0:
                index = rng.randrange(64)
                signature = signature[:index] + bytes([signature[index] ^ (1 << rng.randrange(8))]) + \
                    signature[index + 1:]
                what = "signature bit flip"
            elif choice == 1:
                signature, what = signature[:32] + (s_value + ED25519_L).to_bytes(32, "little"), "S + L"
            elif choice == 2:
                signature, what = signature[:32] + ED25519_L.to_bytes(32, "little"), "S = L"
            elif choice == 3:
                signature, what = signature[:-1], "63 bytes"
            elif choice == 4:
                signature, what = signature + b"\x00", "65 bytes"
            elif choice == 5:
                signature, what = signature[32:] + signature[:32], "R and S swapped"
            else:
                signature, what = rng.randbytes(64), "random"
        elif kind < 0.85:
            checked_message = message + b"\x00" if rng.random() < 0.5 else rng.randbytes(len(message))
            what = "other message"
        else:
            key_changed = True
            if rng.random() < 0.5:
                index = rng.randrange(32)
                raw_key = raw_key[:index] + bytes([raw_key[index] ^ (1 << rng.randrange(8))]) + raw_key[index + 1:]
                what = "key bit flip"
            else:
                other = rng.choice([k for k in _ED_KEY_CACHE if k is not private_key])
                raw_key = other.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
                what = "another key"
        try:
            public_key = ed25519.Ed25519PublicKey.from_public_bytes(raw_key)
        except ValueError:
            public_key = None
        if key_form == "raw" or public_key is None:
            key_form = "raw"
            key_field = hexf(raw_key)
        else:
            encoding = serialization.Encoding.DER if key_form == "spki-der" else serialization.Encoding.PEM
            key_field = hexf(public_key.public_bytes(encoding, serialization.PublicFormat.SubjectPublicKeyInfo))
        try:
            if public_key is None:
                raise InvalidSignature()
            public_key.verify(signature, checked_message)
            valid = True
        except InvalidSignature:
            valid = False
        expected = "ok 1" if valid else ("ok 0 or err" if key_changed else "ok 0")
        cases.append(Case("ed25519", f"ed25519-verify {key_form} {key_field} {hexf(checked_message)} "
                                     f"{hexf(signature)}", expected, f"key {key_form}, {what}"))
    return cases


# ---------------------------------------------------------------------------------------
# JWT verification (pyjwt)


def canonical_segments(token):
    """Sigil's base64url is strict (RFC 7515 §2, RFC 4648 §3.5); pyjwt's is lenient. A
    token whose segments are not canonical is expected to be rejected by Sigil whatever
    pyjwt says."""
    parts = token.split(".")
    return len(parts) == 3 and all(python_b64u_decode(part.encode()) is not None for part in parts)


def pyjwt_verdict(token, key, alg, now):
    """'ok', 'expired' or 'invalid' by pyjwt (exp required, leeway 0), the algorithm
    fixed by the key as in Sigil."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pyjwt.decode(token, key, algorithms=[alg], options={"require": ["exp"]}, leeway=0)
    except pyjwt.ExpiredSignatureError:
        return "expired"
    except pyjwt.PyJWTError:
        return "invalid"
    return "ok"


def random_claims(rng, now):
    claims = {"sub": f"user_{rng.randrange(1000)}", "roles": rng.sample(["admin", "user", "viewer"], rng.randrange(0, 3))}
    pick = rng.random()
    if pick < 0.55:
        claims["exp"] = now + rng.randrange(120, 10**6)
    elif pick < 0.85:
        claims["exp"] = now - rng.randrange(120, 10**6)
    elif pick < 0.9:
        claims["exp"] = now + rng.randrange(120, 10**6) + 0.5
    # else: no exp at all (required by both)
    if rng.random() < 0.2:
        claims["nbf"] = now + rng.choice([-1, 1]) * rng.randrange(120, 10**5)
    if rng.random() < 0.3:
        claims["iat"] = now - rng.randrange(0, 10**5) if rng.random() < 0.8 else now + rng.randrange(120, 10**5)
    if rng.random() < 0.2:
        claims["iss"] = "https://issuer.example"
    if rng.random() < 0.2:
        claims["jti"] = hexf(rng.randbytes(8))
    return claims


def tamper(rng, token):
    header, payload, signature = token.split(".")
    choice = rng.randrange(8)
    if choice == 0 and signature:
        index = rng.randrange(len(signature))
        replacement = rng.choice(URL_ALPHABET)
        return f"{header}.{payload}.{signature[:index]}{replacement}{signature[index + 1:]}", "signature char"
    if choice == 1 and payload:
        index = rng.randrange(len(payload))
        return f"{header}.{payload[:index]}{rng.choice(URL_ALPHABET)}{payload[index + 1:]}.{signature}", "payload char"
    if choice == 2:
        claims = json.loads(pyjwt.utils.base64url_decode(payload))
        claims["exp"] = claims.get("exp", 0) + 10**7 if isinstance(claims.get("exp"), int) else 4102444800
        forged = pyjwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
        return f"{header}.{forged}.{signature}", "payload re-encoded with a later exp"
    if choice == 3:
        forged = pyjwt.utils.base64url_encode(b'{"alg":"none","typ":"JWT"}').decode()
        return f"{forged}.{payload}.", "alg none"
    if choice == 4:
        return f"{header}.{payload}", "two segments"
    if choice == 5:
        return f"{header}.{payload}.{signature}.", "four segments"
    if choice == 6:
        return f"{header}.{payload}.{signature}=", "padded signature"
    return f"{header}.{payload}.{signature[:-1]}", "signature truncated"


def section_jwt(rng, count):
    keys = rsa_keys(rng)
    now = int(time.time())
    cases = []
    for _ in range(count):
        claims = random_claims(rng, now)
        # Mostly HS256 and RS256, the others now and then.
        alg = rng.choice(["HS256", "HS256", "HS256", "HS384", "HS512", "RS256", "RS256", "RS256", "RS384", "RS512",
                          "PS256", "PS384", "PS512", "ES256", "ES256", "ES384", "ES512", "EdDSA", "EdDSA"])
        if alg.startswith("HS"):
            minimum = int(alg[2:]) // 8  # RFC 7518 §3.2: at least the hash size
            secret = rng.randbytes(rng.choice([minimum, minimum + 1, 64, 100]))
            token = pyjwt.encode(claims, secret, algorithm=alg)
            verify_key, key_request = secret, f"hmac {hexf(secret)}"
        else:
            if alg.startswith("ES"):
                private_key = rng.choice(ec_keys({"ES256": "p256", "ES384": "p384", "ES512": "p521"}[alg]))
            elif alg == "EdDSA":
                if not _ED_KEY_CACHE:
                    _ED_KEY_CACHE.extend(ed25519.Ed25519PrivateKey.generate() for _ in range(4))
                private_key = rng.choice(_ED_KEY_CACHE)
            else:
                private_key = rng.choice([k for k in keys if k.key_size >= 2048])
            token = pyjwt.encode(claims, private_key, algorithm=alg)
            public_key = private_key.public_key()
            pem = public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            verify_key, key_request = public_key, f"pem {hexf(pem)}"
        what = "as signed"
        if rng.random() < 0.35:
            token, what = tamper(rng, token)
        verdict = pyjwt_verdict(token, verify_key, alg, now)
        if verdict != "invalid" and not canonical_segments(token):
            verdict = "invalid"
        expected = {"ok": "ok", "expired": "err expired", "invalid": "err"}[verdict]
        cases.append(Case("jwt", f"jwt-verify {alg} {key_request} {now} 0 {hexf(token.encode())}", expected,
                          f"{alg}, {what}, claims {json.dumps(claims)}"))
    return cases


SECTIONS = {
    "base64url": (section_base64url, 1000),
    "base64": (section_base64, 2000),
    "sha2": (section_sha2, 3000),
    "hmac": (section_hmac, 3000),
    "pbkdf2": (section_pbkdf2, 1000),
    "rsa": (section_rsa, 4000),
    "rsa-pss": (section_rsa_pss, 2000),
    "ecdsa": (section_ecdsa, 1500),
    "ed25519": (section_ed25519, 1500),
    "jwt": (section_jwt, 4000),
}


# ---------------------------------------------------------------------------------------
# Driver


def build_binary():
    command = ["swift", "build", "-c", "release", "--product", "sigil-difftest"]
    subprocess.run(command, cwd=ROOT, check=True)
    bin_path = subprocess.run(command[:4] + ["--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "sigil-difftest")


def expected_class(expected: str) -> str:
    """A short name for what Python expects, for the per-section summary."""
    if expected == "ok 0 or err":
        return "invalid signatures or keys"
    if expected == "ok 1":
        return "valid signatures"
    if expected == "ok 0":
        return "invalid signatures"
    if expected.startswith("ok"):
        return "accepted"
    return "rejected" if expected == "err" else f"rejected as {expected[4:]}"


def matches(expected: str, actual: str) -> bool:
    """`err` in an expectation matches any error code, `ok 0 or err` a rejection either way;
    everything else must be equal."""
    if expected == "err":
        return actual.startswith("err")
    if expected == "ok 0 or err":
        return actual == "ok 0" or actual.startswith("err")
    return expected == actual


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="an already built sigil-difftest")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--only", action="append", choices=sorted(SECTIONS), help="run only these sections")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case count")
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    binary = args.binary or build_binary()
    print(f"differential: seed {seed} (reproduce with --seed {seed})", flush=True)

    cases = []
    started = time.monotonic()
    for name in args.only or list(SECTIONS):
        generate, count = SECTIONS[name]
        section_started = time.monotonic()
        # Each section gets its own generator, so --only reproduces the same cases.
        new = generate(random.Random(f"{seed}:{name}"), max(1, int(count * args.scale)))
        print(f"differential: {name}: {len(new)} cases generated in {time.monotonic() - section_started:.1f}s",
              flush=True)
        cases += new

    run_started = time.monotonic()
    stdin = "".join(case.request + "\n" for case in cases)
    result = subprocess.run([binary], input=stdin, capture_output=True, text=True)
    answers = result.stdout.split("\n")[:-1] if result.stdout else []
    if result.returncode != 0 or len(answers) != len(cases):
        print(f"differential: FAIL: sigil-difftest exited {result.returncode} after {len(answers)} of "
              f"{len(cases)} answers", file=sys.stderr)
        if len(answers) < len(cases):
            print(f"  first unanswered request: {cases[len(answers)].request[:300]}", file=sys.stderr)
        print(result.stderr[-3000:], file=sys.stderr)
        sys.exit(1)

    failures = {}
    totals = {}
    classes = {}
    for case, answer in zip(cases, answers):
        totals[case.section] = totals.get(case.section, 0) + 1
        kind = expected_class(case.expected)
        classes.setdefault(case.section, {})
        classes[case.section][kind] = classes[case.section].get(kind, 0) + 1
        if not matches(case.expected, answer):
            failures.setdefault(case.section, []).append((case, answer))

    for name, total in totals.items():
        bad = len(failures.get(name, []))
        histogram = ", ".join(f"{count} {kind}" for kind, count in sorted(classes[name].items()))
        print(f"differential: {name}: {total - bad}/{total} agree ({histogram})")
    print(f"differential: Sigil answered {len(cases)} requests in {time.monotonic() - run_started:.1f}s "
          f"(total {time.monotonic() - started:.1f}s)")

    if failures:
        for name, items in failures.items():
            for case, answer in items[:10]:
                print(f"DISAGREEMENT [{name}] {case.detail}\n  request:  {case.request[:400]}\n"
                      f"  python:   {case.expected[:400]}\n  sigil:    {answer[:400]}", file=sys.stderr)
            if len(items) > 10:
                print(f"  ... and {len(items) - 10} more in {name}", file=sys.stderr)
        print(f"differential: FAIL: {sum(len(v) for v in failures.values())} disagreements (seed {seed})",
              file=sys.stderr)
        sys.exit(1)
    print("differential: ok")


if __name__ == "__main__":
    main()
