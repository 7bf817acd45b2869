#!/usr/bin/env python3
"""Interop check between sigil-token and PyJWT, in both directions.

1. Tokens made by `sigil-token generate --quiet` verify with PyJWT (HS256/384/512, and RS256
   when the binary can sign with RSA keys), and carry the seed's claims.
2. Tokens made by PyJWT verify with `sigil-token verify`; tampered ones do not.

Usage (from the repository root):
    swift build --product sigil-token
    python3 Scripts/pyjwt-interop.py [--sigil-token PATH]

PATH defaults to `$(swift build --show-bin-path)/sigil-token`. Needs PyJWT and
cryptography (pip install pyjwt cryptography). Exits non-zero on any disagreement.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

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
            check(claims["permissions"] == permissions, f"permissions {claims['permissions']}")
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

    # RS256 signing, when this build supports RSA private keys.
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem_path = os.path.join(workdir, "private.pem")
    with open(pem_path, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    result = run(binary, ["generate", "--alg", "RS256", "--key", pem_path, "--user", "admin", "--role", "admin",
                          "--quiet"])
    if result.returncode == 0:
        token = result.stdout.strip()
        try:
            claims = jwt.decode(token, key.public_key(), algorithms=["RS256"])
            check(claims["sub"] == "user_admin", "RS256 sub")
            count += 1
        except jwt.PyJWTError as error:
            check(False, f"PyJWT rejected a sigil-token RS256 token: {error!r}")
    else:
        print("note: this sigil-token cannot sign RS256 yet:", result.stderr.strip().splitlines()[0],
              file=sys.stderr)
    return count


def pyjwt_to_sigil(binary, workdir):
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

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_path = os.path.join(workdir, "public.pem")
    with open(public_path, "wb") as handle:
        handle.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                    serialization.PublicFormat.SubjectPublicKeyInfo))
    token = jwt.encode({"sub": "user_admin", "exp": now + 600}, key, algorithm="RS256")
    result = run(binary, ["verify", "--key", public_path, token])
    if result.returncode == 2:
        print("note: this sigil-token cannot read PEM keys yet:", result.stderr.strip().splitlines()[0],
              file=sys.stderr)
    else:
        check(result.returncode == 0, f"sigil-token rejected a PyJWT RS256 token: {result.stdout}")
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sigil-token", help="path to the sigil-token binary")
    arguments = parser.parse_args()
    binary = arguments.sigil_token or default_binary()
    with tempfile.TemporaryDirectory() as workdir:
        forward = sigil_to_pyjwt(binary, workdir)
        backward = pyjwt_to_sigil(binary, workdir)
    if failures:
        print(f"pyjwt-interop: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"pyjwt-interop: ok ({forward} sigil-token tokens verified by PyJWT {jwt.__version__}, "
          f"{backward} PyJWT checks passed by sigil-token)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
