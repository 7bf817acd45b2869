#!/usr/bin/env python3
"""Interop check between sigil-token and PyJWT, in both directions.

1. Tokens made by `sigil-token generate --quiet` verify with PyJWT (HS256/384/512), and carry
   the NextMCP example's claims.
2. RS256/RS384/RS512 tokens made by `sigil-token generate --alg RS… --key …` with a key made
   here by `cryptography` (PKCS#8 PEM, PKCS#1 PEM and a private JWK; 2048 and 3072 bits)
   verify with PyJWT and the public key, and with no other key or algorithm (issue 7).
3. `sigil-server --signing-key PEM --print-jwks` publishes kid = the RFC 7638 thumbprint
   computed here; a login token from that server verifies with PyJWT through `jwt.PyJWK` made
   from the printed JWK Set (and the `jwks` tool answers the same set).
4. Tokens made by PyJWT verify with `sigil-token verify`; tampered ones do not.
5. ES256/ES384/ES512, EdDSA and PS256/PS384/PS512 (issue 12), both ways, with keys made here
   by `cryptography`: `sigil-token generate --key` (EC as SEC 1 and PKCS#8 PEM and a private
   JWK, Ed25519 as PKCS#8 PEM and a private JWK, RSA as PKCS#8 PEM and a private JWK) makes
   tokens PyJWT verifies; PyJWT's tokens verify with `sigil-token verify` and the public key
   as PEM, JWK and JWK Set. Refused: a tampered signature, an ES256 token against a P-384
   key (and every other key of another curve or family), a DER-encoded ECDSA signature,
   a PS token under RS and the other way round.
6. `sigil-server --signing-key` with an EC P-256, P-384, P-521, an Ed25519 and an RSA key
   (PS256): the printed JWK Set is the one computed here; PyJWT verifies its login tokens
   through `jwt.PyJWK`, and the server accepts PyJWT's tokens made with its key and refuses
   those of another key.

Usage (from the repository root):
    swift build --product sigil-token && swift build --product sigil-server
    python3 Scripts/pyjwt-interop.py [--sigil-token PATH] [--sigil-server PATH]

The paths default to `$(swift build --show-bin-path)/sigil-token` and `.../sigil-server`.
Needs PyJWT and cryptography (pip install pyjwt cryptography). Exits non-zero on any
disagreement.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
import tempfile
import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

SECRETS = {
    "HS256": "interop-secret-HS256-0123456789abcdef-xyz",
    "HS384": "interop-secret-HS384-0123456789abcdef-0123456789abcdef",
    "HS512": "interop-secret-HS512-" + "0123456789abcdef" * 3 + "-0123456789",
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def run(binary, arguments, secret=None, stdin=None):
    environment = dict(os.environ)
    environment.pop("SIGIL_JWT_SECRET", None)
    if secret is not None:
        environment["SIGIL_JWT_SECRET"] = secret
    return subprocess.run([binary] + arguments, input=stdin, capture_output=True, text=True, env=environment)


def default_binary():
    path = subprocess.run(["swift", "build", "--show-bin-path"], capture_output=True, text=True, check=True)
    return os.path.join(path.stdout.strip(), "sigil-token")


def sigil_to_pyjwt(binary, workdir):
    cases = [
        (["--user", "admin", "--role", "admin"], "admin", ["admin"], ["read:*", "write:*", "delete:*"]),
        (["--user", "alice", "--role", "user"], "alice", ["user"], ["read:posts", "write:own_posts"]),
        (["--user", "bob", "--role", "viewer", "--expires", "120"], "bob", ["viewer"], ["read:posts"]),
        (["--user", "carol", "--role", "user", "--permission", "read:comments", "--claim", "tenant=blue",
          "--claim", "level=3"], "carol", ["user"], ["read:comments"]),
    ]
    count = 0
    for alg, secret in SECRETS.items():
        for arguments, user, roles, permissions in cases:
            result = run(binary, ["generate", "--alg", alg, "--quiet"] + arguments, secret=secret)
            check(result.returncode == 0, f"generate {alg} {arguments}: {result.stderr}")
            if result.returncode != 0:
                continue
            token = result.stdout.strip()
            try:
                claims = jwt.decode(token, secret, algorithms=[alg], options={"require": ["exp", "iat", "sub"]})
            except jwt.PyJWTError as error:
                check(False, f"PyJWT rejected a sigil-token {alg} token: {error!r}")
                continue
            header = jwt.get_unverified_header(token)
            check(header == {"alg": alg, "typ": "JWT"}, f"header {header}")
            check(claims["sub"] == f"user_{user}", f"sub {claims['sub']}")
            check(claims["username"] == user, f"username {claims['username']}")
            check(claims["roles"] == roles, f"roles {claims['roles']}")
            check(sorted(claims["permissions"]) == sorted(permissions), f"permissions {claims['permissions']}")
            check(isinstance(claims["jti"], str) and len(claims["jti"]) == 22, f"jti {claims.get('jti')}")
            check(abs(claims["iat"] - time.time()) < 120, "iat is now")
            if "tenant=blue" in arguments:
                check(claims["tenant"] == "blue" and claims["level"] == 3, f"custom claims {claims}")
            # PyJWT must reject the same token under another secret.
            try:
                jwt.decode(token, secret + "x", algorithms=[alg])
                check(False, "PyJWT accepted a token under the wrong secret")
            except jwt.InvalidSignatureError:
                pass
            count += 1

    return count


def pyjwt_to_sigil(binary, workdir, rsa_key, rsa_public_pem):
    """PyJWT's HS256/384/512 tokens verify with `sigil-token verify --secret-file`; tampered and
    expired ones do not. PyJWT's RS256 token verifies with the public key as PEM."""
    now = int(time.time())
    count = 0
    for alg, secret in SECRETS.items():
        payload = {"sub": "user_admin", "username": "admin", "roles": ["admin"],
                   "permissions": ["read:*", "write:*", "delete:*"], "iat": now, "exp": now + 600}
        token = jwt.encode(payload, secret, algorithm=alg)
        secret_path = os.path.join(workdir, f"{alg}.secret")
        with open(secret_path, "w") as handle:
            handle.write(secret + "\n")
        result = run(binary, ["verify", "--alg", alg, "--secret-file", secret_path, token])
        check(result.returncode == 0, f"sigil-token rejected a PyJWT {alg} token: {result.stdout}")
        if result.returncode == 0:
            check(json.loads(result.stdout)["payload"] == payload, f"payload round trip {alg}")
        tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BA")
        result = run(binary, ["verify", "--alg", alg, "--secret-file", secret_path, tampered])
        check(result.returncode == 1, f"sigil-token accepted a tampered PyJWT {alg} token")
        expired = jwt.encode({**payload, "exp": now - 3600}, secret, algorithm=alg)
        result = run(binary, ["verify", "--alg", alg, "--secret-file", secret_path, expired])
        check(result.returncode == 1 and json.loads(result.stdout)["error"] == "expired", f"expired {alg}")
        count += 3

    # A PEM public key without --alg verifies RS256.
    token = jwt.encode({"sub": "user_admin", "exp": now + 600}, rsa_key, algorithm="RS256")
    result = run(binary, ["verify", "--key", rsa_public_pem, token])
    check(result.returncode == 0, f"sigil-token rejected a PyJWT RS256 token: {result.stdout} {result.stderr}")
    count += 1
    return count


# ---------------------------------------------------------------------------------------
# Keys: RS256/384/512 (issue 7), ES256/ES384/ES512, EdDSA and PS256/PS384/PS512 (issue 12)

# alg: (curve, coordinate bytes)
EC_ALGORITHMS = {"ES256": (ec.SECP256R1, 32), "ES384": (ec.SECP384R1, 48), "ES512": (ec.SECP521R1, 66)}
CURVE_NAMES = {"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"}
RSA_ALGORITHMS = ("RS256", "RS384", "RS512")
PSS_ALGORITHMS = ("PS256", "PS384", "PS512")


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_uint(value):
    return b64url(value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def public_members(key):
    """The RFC 7638 required members of a private key's public JWK, computed here."""
    public = key.public_key()
    if isinstance(public, ec.EllipticCurvePublicKey):
        size = (public.curve.key_size + 7) // 8
        numbers = public.public_numbers()
        alg = next(a for a, (curve, _) in EC_ALGORITHMS.items() if curve.name == public.curve.name)
        return {"crv": CURVE_NAMES[alg], "kty": "EC", "x": b64url(numbers.x.to_bytes(size, "big")),
                "y": b64url(numbers.y.to_bytes(size, "big"))}
    if isinstance(public, ed25519.Ed25519PublicKey):
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"crv": "Ed25519", "kty": "OKP", "x": b64url(raw)}
    numbers = public.public_numbers()
    return {"e": b64url_uint(numbers.e), "kty": "RSA", "n": b64url_uint(numbers.n)}


def thumbprint(key):
    """RFC 7638 §3: SHA-256 of the required members, sorted, without whitespace; base64url."""
    canonical = json.dumps(public_members(key), separators=(",", ":"), sort_keys=True)
    return b64url(hashlib.sha256(canonical.encode()).digest())


def private_members(key):
    """A private JWK (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2), without alg."""
    members = public_members(key)
    if isinstance(key, rsa.RSAPrivateKey):
        private = key.private_numbers()
        return dict(members, d=b64url_uint(private.d), p=b64url_uint(private.p), q=b64url_uint(private.q),
                    dp=b64url_uint(private.dmp1), dq=b64url_uint(private.dmq1), qi=b64url_uint(private.iqmp))
    if isinstance(key, ec.EllipticCurvePrivateKey):
        size = (key.curve.key_size + 7) // 8
        return dict(members, d=b64url(key.private_numbers().private_value.to_bytes(size, "big")))
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return dict(members, d=b64url(raw))


def write_private_forms(key, workdir, stem):
    """The key as every private form Sigil reads: PKCS#8 PEM, the traditional PEM of RSA
    (PKCS#1) and EC (SEC 1) keys, and a private JWK; returns {form: path}."""
    forms = [("pkcs8", serialization.PrivateFormat.PKCS8)]
    if isinstance(key, rsa.RSAPrivateKey):
        forms.append(("pkcs1", serialization.PrivateFormat.TraditionalOpenSSL))
    if isinstance(key, ec.EllipticCurvePrivateKey):
        forms.append(("sec1", serialization.PrivateFormat.TraditionalOpenSSL))
    paths = {}
    for form, private_format in forms:
        paths[form] = os.path.join(workdir, f"{stem}-{form}.pem")
        with open(paths[form], "wb") as handle:
            handle.write(key.private_bytes(serialization.Encoding.PEM, private_format, serialization.NoEncryption()))
    paths["jwk"] = os.path.join(workdir, f"{stem}.private.jwk.json")
    with open(paths["jwk"], "w") as handle:
        json.dump(private_members(key), handle)
    return paths


def write_public_forms(key, workdir, stem, alg):
    """The public key as PEM (SPKI), a JWK (with alg) and a JWK Set (with alg and kid)."""
    paths = {"pem": os.path.join(workdir, f"{stem}-public.pem"), "jwk": os.path.join(workdir, f"{stem}.jwk.json"),
             "jwks": os.path.join(workdir, f"{stem}.jwks.json")}
    with open(paths["pem"], "wb") as handle:
        handle.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                    serialization.PublicFormat.SubjectPublicKeyInfo))
    members = public_members(key)
    with open(paths["jwk"], "w") as handle:
        json.dump(dict(members, alg=alg), handle)
    with open(paths["jwks"], "w") as handle:
        json.dump({"keys": [dict(members, alg=alg, use="sig", kid=thumbprint(key))]}, handle)
    return paths


def der_signature_token(token):
    """The token with its r ‖ s ECDSA signature re-encoded as DER (RFC 3279), which JWS forbids."""
    header, payload, signature = token.split(".")
    raw = b64url_decode(signature)
    half = len(raw) // 2
    der = encode_dss_signature(int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big"))
    return f"{header}.{payload}.{b64url(der)}"


def tampered_signature(token):
    """The token with one bit of its signature flipped (its length and encoding kept)."""
    header, payload, signature = token.split(".")
    raw = bytearray(b64url_decode(signature))
    raw[len(raw) // 3] ^= 0x10
    return f"{header}.{payload}.{b64url(bytes(raw))}"


def signature_size(key):
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return 2 * ((key.curve.key_size + 7) // 8)
    return 64 if isinstance(key, ed25519.Ed25519PrivateKey) else key.key_size // 8


def new_key_like(key):
    """A fresh key of the same kind and size."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return ec.generate_private_key(type(key.curve)())
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return ed25519.Ed25519PrivateKey.generate()
    return rsa.generate_private_key(public_exponent=65537, key_size=key.key_size)


class Signer:
    """One row of the signing table: an algorithm, its key, the private forms that
    `sigil-token generate --key` is given, the extra arguments of each generate run, and the
    algorithms its tokens must not verify under with the same key. `group` is the part of the
    summary the row counts in."""

    def __init__(self, alg, key, forms, variants, confusable, group):
        self.alg, self.key, self.forms, self.variants = alg, key, forms, variants
        self.confusable, self.group = confusable, group


def signing_table():
    """RS256/384/512 with 2048- and 3072-bit keys (PKCS#8, PKCS#1, JWK; --alg given); ES256,
    ES384, ES512 (PKCS#8, SEC 1, JWK) and EdDSA (PKCS#8, JWK), with and without --alg; PS256,
    PS384, PS512 on one 2048-bit key (PKCS#8, JWK; --alg needed). The issue 12 rows also name
    their key by --kid-thumbprint."""
    rows = []
    for bits in (2048, 3072):
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        for alg in RSA_ALGORITHMS:
            others = [a for a in RSA_ALGORITHMS if a != alg]
            rows.append(Signer(alg, key, ("pkcs8", "pkcs1", "jwk"), [["--alg", alg]], others, "RS"))
    named = ["--kid-thumbprint"]
    for alg, (curve, _) in EC_ALGORITHMS.items():
        rows.append(Signer(alg, ec.generate_private_key(curve()), ("pkcs8", "sec1", "jwk"),
                           [named, named + ["--alg", alg]], [], "family"))
    rows.append(Signer("EdDSA", ed25519.Ed25519PrivateKey.generate(), ("pkcs8", "jwk"),
                       [named, named + ["--alg", "EdDSA"]], [], "family"))
    shared = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for alg in PSS_ALGORITHMS:
        rows.append(Signer(alg, shared, ("pkcs8", "jwk"), [named + ["--alg", alg]], ["RS" + alg[2:]], "family"))
    return rows


def distinct_keys(rows):
    """Each key of the table once, in order."""
    keys = []
    for row in rows:
        if not any(key is row.key for key in keys):
            keys.append(row.key)
    return keys


def sigil_token_to_pyjwt(binary, workdir, rows):
    """Tokens from `sigil-token generate --key` (every private form of every row) verify with
    PyJWT and the public key, and with no other key of the table, nor under a confusable
    algorithm with the same key. Returns {group: count}."""
    counts = {}
    keys = distinct_keys(rows)
    for number, row in enumerate(rows):
        paths = write_private_forms(row.key, workdir, f"gen-{number}")
        for form in row.forms:
            for extra in row.variants:
                arguments = ["generate", "--key", paths[form], "--user", "alice", "--role", "user", "--quiet"] + extra
                result = run(binary, arguments)
                check(result.returncode == 0, f"generate {row.alg} --key {form} {extra}: {result.stderr}")
                if result.returncode != 0:
                    continue
                token = result.stdout.strip()
                header = jwt.get_unverified_header(token)
                expected = {"alg": row.alg, "typ": "JWT"}
                if "--kid-thumbprint" in extra:
                    expected["kid"] = thumbprint(row.key)
                check(header == expected, f"{row.alg} header {header}")
                check(len(b64url_decode(token.split(".")[2])) == signature_size(row.key), f"{row.alg} signature size")
                try:
                    claims = jwt.decode(token, row.key.public_key(), algorithms=[row.alg],
                                        options={"require": ["exp", "iat", "sub", "jti"]})
                    check(claims["sub"] == "user_alice" and claims["roles"] == ["user"], f"{row.alg} claims {claims}")
                    check(claims["permissions"] == ["read:posts", "write:own_posts"], f"{row.alg} permissions")
                except jwt.PyJWTError as error:
                    check(False, f"PyJWT rejected a sigil-token {row.alg} token ({form}): {error!r}")
                    continue
                # Not with another key (another size, curve or family), nor under a confusable algorithm.
                wrong = [(other.public_key(), [row.alg]) for other in keys if other is not row.key]
                wrong += [(row.key.public_key(), [alg]) for alg in row.confusable]
                for wrong_key, algorithms in wrong:
                    try:
                        jwt.decode(token, wrong_key, algorithms=algorithms)
                        check(False, f"PyJWT accepted a sigil-token {row.alg} token with {algorithms} / another key")
                    except Exception:  # PyJWT refuses a key of the wrong type with its own errors
                        pass
                counts[row.group] = counts.get(row.group, 0) + 1
    # A PEM key without --alg signs RS256.
    rsa_key = next(row.key for row in rows if row.alg == "RS256")
    paths = write_private_forms(rsa_key, workdir, "gen-default")
    result = run(binary, ["generate", "--key", paths["pkcs8"], "--user", "bob", "--role", "viewer", "--quiet"])
    check(result.returncode == 0 and jwt.get_unverified_header(result.stdout.strip())["alg"] == "RS256",
          f"a PEM key defaults to RS256: {result.stderr}")
    return counts


def pyjwt_to_sigil_token(binary, workdir, rows):
    """PyJWT's ES*/EdDSA/PS* tokens verify with `sigil-token verify` and the public key as
    PEM, JWK and JWK Set; tampered, DER-signed, other-curve and cross-family cases do not."""
    now = int(time.time())
    payload = {"sub": "user_admin", "username": "admin", "roles": ["admin"], "iat": now, "exp": now + 600}
    count = 0
    rows = [row for row in rows if row.group == "family"]
    public = {row.alg: write_public_forms(row.key, workdir, f"verify-{row.alg}", row.alg) for row in rows}
    for row in rows:
        alg, key = row.alg, row.key
        token = jwt.encode(payload, key, algorithm=alg)
        named = jwt.encode(payload, key, algorithm=alg, headers={"kid": thumbprint(key)})
        for form, path in public[alg].items():
            # A PEM key is named by its thumbprint (it verifies tokens without kid and with that
            # kid), the JWK has no kid, the JWK Set's key has it. PS… must be allowed with --alg.
            for candidate in {"pem": [token, named], "jwk": [token], "jwks": [named]}[form]:
                result = run(binary, ["verify", "--alg", alg, "--key", path, candidate])
                check(result.returncode == 0, f"sigil-token rejected a PyJWT {alg} token ({form}): {result.stdout}")
                if result.returncode == 0:
                    check(json.loads(result.stdout)["payload"] == payload, f"{alg} payload round trip")
                count += 1
        refused = [(tampered_signature(token), public[alg]["pem"], [alg], "a tampered signature")]
        if alg in EC_ALGORITHMS:
            refused.append((der_signature_token(token), public[alg]["pem"], [alg], "a DER signature"))
        for confusable in row.confusable:
            other_token = jwt.encode(payload, key, algorithm=confusable)
            refused.append((other_token, public[alg]["jwk"], None, f"a {confusable} token against a {alg} JWK"))
            refused.append((token, public[alg]["pem"], [confusable], f"a {alg} token with only {confusable} allowed"))
        for other in rows:
            if other.key is not key:
                refused.append((token, public[other.alg]["pem"], [alg, other.alg], f"a {other.alg} key"))
        for candidate, key_path, algorithms, what in refused:
            arguments = ["verify", "--key", key_path]
            for name in algorithms or []:
                arguments += ["--alg", name]
            result = run(binary, arguments + [candidate])
            check(result.returncode == 1 and json.loads(result.stdout)["valid"] is False,
                  f"sigil-token accepted a PyJWT {alg} token with {what}: {result.stdout} {result.stderr}")
            count += 1
    # The named case: an ES256 token against a P-384 key.
    key = next(row.key for row in rows if row.alg == "ES256")
    es256 = jwt.encode(payload, key, algorithm="ES256")
    result = run(binary, ["verify", "--alg", "ES256", "--alg", "ES384", "--key", public["ES384"]["jwks"], es256])
    check(result.returncode == 1, f"an ES256 token verified with a P-384 JWK Set: {result.stdout}")
    return count + 1


class MCPServer:
    """sigil-server over its pipes: one JSON-RPC message per line."""

    def __init__(self, binary, arguments):
        environment = dict(os.environ)
        environment.pop("SIGIL_JWT_SECRET", None)
        environment.pop("SIGIL_TOKEN", None)
        self.process = subprocess.Popen([binary] + arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, env=environment)
        self.next_id = 0
        response = self.request("initialize", {"protocolVersion": "2025-11-25", "capabilities": {},
                                               "clientInfo": {"name": "pyjwt-interop", "version": "1"}})
        check("result" in response, f"initialize: {response}")
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message):
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def request(self, method, params=None):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}})
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"sigil-server closed its output during {method}")
        return json.loads(line)

    def call_tool(self, name, arguments=None):
        response = self.request("tools/call", {"name": name, "arguments": arguments or {}})
        return response["result"]

    def close(self):
        self.process.stdin.close()
        status = self.process.wait(timeout=60)
        check(status == 0, f"sigil-server exit status {status}")


def server_to_pyjwt(binary, workdir, rows):
    """`sigil-server --signing-key` with an RSA key (RS256, RS384, RS512), EC P-256, P-384 and
    P-521 keys, an Ed25519 key and an RSA key for PS256: the printed JWK Set is the one
    computed here, PyJWT verifies its login tokens through jwt.PyJWK, and the server accepts
    PyJWT's tokens made with its key and refuses another key's, an HS256 token keyed with its
    public key's PEM (key confusion) and, for ECDSA, a DER signature. Returns {group: count}."""
    environment = dict(os.environ)
    environment.pop("SIGIL_JWT_SECRET", None)
    counts = {}
    served = set()
    for row in rows:
        # Each algorithm once, with its first key (RS*: the 2048-bit one).
        if row.alg in served or row.alg in PSS_ALGORITHMS[1:]:
            continue
        served.add(row.alg)
        alg, key = row.alg, row.key
        paths = write_private_forms(key, workdir, f"server-{alg}")
        form = "sec1" if "sec1" in paths else "pkcs8"
        rsa_key = isinstance(key, rsa.RSAPrivateKey)
        arguments = ["--signing-key", paths[form]] + (["--signing-alg", alg] if rsa_key else [])
        printed = subprocess.run([binary] + arguments + ["--print-jwks"], capture_output=True, text=True,
                                 env=environment, stdin=subprocess.DEVNULL)
        check(printed.returncode == 0, f"--print-jwks {alg}: {printed.stderr}")
        if printed.returncode != 0:
            continue
        jwks = json.loads(printed.stdout)
        kid = thumbprint(key)
        check(jwks == {"keys": [dict(public_members(key), use="sig", alg=alg, kid=kid)]}, f"{alg} JWK Set {jwks}")
        # The PyJWKClient-free path: a PyJWK from the printed set.
        verifying = jwt.PyJWK(jwks["keys"][0])
        check(verifying.key_id == kid and verifying.algorithm_name == alg, f"{alg} PyJWK kid and alg")

        # The demo accounts (no --users), and PyJWT tokens without iss, aud or jti.
        server = MCPServer(binary, arguments + ["--demo", "--accept-legacy-tokens"])
        try:
            tool = server.call_tool("jwks")
            check(not tool["isError"] and tool["structuredContent"] == jwks, f"{alg} jwks tool {tool}")
            login = server.call_tool("login", {"username": "admin", "password": "admin-demo"})
            check(not login["isError"], f"{alg} login {login}")
            token = login["structuredContent"]["token"]
            check(jwt.get_unverified_header(token) == {"alg": alg, "kid": kid, "typ": "JWT"}, f"{alg} header")
            try:
                # The server's tokens name it as issuer and its blog as audience (issue 16).
                claims = jwt.decode(token, verifying.key, algorithms=[alg], audience="sigil-blog",
                                    issuer="sigil-server", options={"require": ["exp", "jti", "sub", "iss", "aud"]})
                check(claims["sub"] == "user_admin" and claims["roles"] == ["admin"], f"{alg} server claims")
            except jwt.PyJWTError as error:
                check(False, f"PyJWT rejected a sigil-server {alg} token: {error!r}")
            now = int(time.time())
            claims = {"sub": "user_alice", "username": "alice", "roles": ["user"], "permissions": ["read:posts"],
                      "iat": now, "exp": now + 600}
            foreign = jwt.encode(claims, key, algorithm=alg, headers={"kid": kid})
            whoami = server.call_tool("whoami", {"auth": {"token": foreign}})
            check(not whoami["isError"] and whoami["structuredContent"]["username"] == "alice",
                  f"sigil-server rejected a PyJWT {alg} token: {whoami}")
            public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)
            refusals = [
                # The same claims signed by another key of the same kind, under the server's kid.
                ("another key's token", jwt.encode(claims, new_key_like(key), algorithm=alg, headers={"kid": kid})),
                # An HS256 token keyed with the public key's PEM.
                ("key confusion", forge_hs256({"sub": "user_admin", "roles": ["admin"], "exp": now + 600},
                                              public_pem, kid)),
            ]
            if alg in EC_ALGORITHMS:
                refusals.append(("a DER signature", der_signature_token(foreign)))
            for what, candidate in refusals:
                refused = server.call_tool("whoami", {"auth": {"token": candidate}})
                check(refused["isError"] and refused["structuredContent"]["error"] == "invalid_token",
                      f"{alg} {what}: {refused}")
        finally:
            server.close()
        counts[row.group] = counts.get(row.group, 0) + 1
    return counts


def forge_hs256(payload, secret, kid):
    """An HS256 token keyed with arbitrary bytes (PyJWT refuses PEM text as an HMAC secret)."""
    def segment(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
    signing_input = (segment(json.dumps({"alg": "HS256", "kid": kid, "typ": "JWT"}).encode()) + "." +
                     segment(json.dumps(payload).encode()))
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + segment(mac)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sigil-token", help="path to the sigil-token binary")
    parser.add_argument("--sigil-server", help="path to the sigil-server binary")
    arguments = parser.parse_args()
    binary = arguments.sigil_token or default_binary()
    server = arguments.sigil_server or os.path.join(os.path.dirname(binary), "sigil-server")
    with tempfile.TemporaryDirectory() as workdir:
        rows = signing_table()
        forward = sigil_to_pyjwt(binary, workdir)
        signed = sigil_token_to_pyjwt(binary, workdir, rows)
        served = server_to_pyjwt(server, workdir, rows)
        rs256 = next(row.key for row in rows if row.alg == "RS256")
        rs256_public = write_public_forms(rs256, workdir, "verify-RS256", "RS256")["pem"]
        backward = pyjwt_to_sigil(binary, workdir, rs256, rs256_public)
        family_backward = pyjwt_to_sigil_token(binary, workdir, rows)
    if failures:
        print(f"pyjwt-interop: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"pyjwt-interop: ok ({forward} HS and {signed.get('RS', 0)} RS sigil-token tokens verified by PyJWT "
          f"{jwt.__version__}; {served.get('RS', 0)} sigil-server --signing-key runs (RS256/384/512) verified through "
          f"jwt.PyJWK from --print-jwks; {backward} PyJWT checks passed by sigil-token; ES*/EdDSA/PS*: "
          f"{signed.get('family', 0)} sigil-token tokens verified by PyJWT, {family_backward} PyJWT checks passed by "
          f"sigil-token, {served.get('family', 0)} sigil-server runs (ES256/384/512, EdDSA, PS256))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
