#!/usr/bin/env python3
"""Interop check between sigil-token and PyJWT, in both directions.

1. Tokens made by `sigil-token generate --quiet` verify with PyJWT (HS256/384/512), and carry
   the seed's claims.
2. RS256/RS384/RS512 tokens made by `sigil-token generate --alg RS… --key …` with a key made
   here by `cryptography` (PKCS#8 PEM, PKCS#1 PEM and a private JWK; 2048 and 3072 bits)
   verify with PyJWT and the public key, and with no other key or algorithm (issue 7).
3. `sigil-server --signing-key PEM --print-jwks` publishes kid = the RFC 7638 thumbprint
   computed here; a login token from that server verifies with PyJWT through `jwt.PyJWK` made
   from the printed JWK Set (and the `jwks` tool answers the same set).
4. Tokens made by PyJWT verify with `sigil-token verify`; tampered ones do not.

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
    check(result.returncode == 0, f"sigil-token rejected a PyJWT RS256 token: {result.stdout} {result.stderr}")
    count += 1
    return count


def b64url_uint(value):
    data = value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def private_jwk(key):
    """An RSA private key as a JWK (RFC 7518 §6.3), without alg."""
    private = key.private_numbers()
    public = private.public_numbers
    return {"kty": "RSA", "n": b64url_uint(public.n), "e": b64url_uint(public.e), "d": b64url_uint(private.d),
            "p": b64url_uint(private.p), "q": b64url_uint(private.q), "dp": b64url_uint(private.dmp1),
            "dq": b64url_uint(private.dmq1), "qi": b64url_uint(private.iqmp)}


def thumbprint(key):
    """RFC 7638 §3: SHA-256 of the required members, sorted, without whitespace; base64url."""
    numbers = key.public_key().public_numbers()
    canonical = json.dumps({"e": b64url_uint(numbers.e), "kty": "RSA", "n": b64url_uint(numbers.n)},
                           separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode("ascii")


def write_key_files(key, workdir, stem):
    """The key as PKCS#8 PEM, PKCS#1 PEM and a private JWK; returns {form: path}."""
    paths = {}
    for form, private_format in [("pkcs8", serialization.PrivateFormat.PKCS8),
                                 ("pkcs1", serialization.PrivateFormat.TraditionalOpenSSL)]:
        paths[form] = os.path.join(workdir, f"{stem}-{form}.pem")
        with open(paths[form], "wb") as handle:
            handle.write(key.private_bytes(serialization.Encoding.PEM, private_format, serialization.NoEncryption()))
    paths["jwk"] = os.path.join(workdir, f"{stem}.jwk.json")
    with open(paths["jwk"], "w") as handle:
        json.dump(private_jwk(key), handle)
    return paths


def rsa_sigil_token_to_pyjwt(binary, workdir):
    """RS256/384/512 tokens from `sigil-token generate --key` verify with PyJWT."""
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    count = 0
    for bits in (2048, 3072):
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        paths = write_key_files(key, workdir, f"rsa{bits}")
        for alg in ("RS256", "RS384", "RS512"):
            for form, path in paths.items():
                arguments = ["generate", "--alg", alg, "--key", path, "--user", "alice", "--role", "user", "--quiet"]
                result = run(binary, arguments)
                check(result.returncode == 0, f"generate {alg} --key {form} ({bits} bits): {result.stderr}")
                if result.returncode != 0:
                    continue
                token = result.stdout.strip()
                try:
                    claims = jwt.decode(token, key.public_key(), algorithms=[alg],
                                        options={"require": ["exp", "iat", "sub", "jti"]})
                    check(claims["sub"] == "user_alice" and claims["roles"] == ["user"], f"{alg} claims {claims}")
                    check(claims["permissions"] == ["read:posts", "write:own_posts"], f"{alg} permissions")
                except jwt.PyJWTError as error:
                    check(False, f"PyJWT rejected a sigil-token {alg} token ({form}, {bits} bits): {error!r}")
                    continue
                header = jwt.get_unverified_header(token)
                check(header == {"alg": alg, "typ": "JWT"}, f"{alg} header {header}")
                check(len(base64.urlsafe_b64decode(token.split(".")[2] + "==")) == bits // 8, f"{alg} signature size")
                # Not with another key, and not under another algorithm.
                for wrong_key, algorithms in [(other, [alg]), (key.public_key(), [a for a in ("RS256", "RS384",
                                                                                            "RS512") if a != alg])]:
                    try:
                        jwt.decode(token, wrong_key, algorithms=algorithms)
                        check(False, f"PyJWT accepted a {alg} token with {algorithms} / another key")
                    except jwt.PyJWTError:
                        pass
                count += 1
    # A PEM key without --alg signs RS256.
    result = run(binary, ["generate", "--key", paths["pkcs8"], "--user", "bob", "--role", "viewer", "--quiet"])
    check(result.returncode == 0 and jwt.get_unverified_header(result.stdout.strip())["alg"] == "RS256",
          f"a PEM key defaults to RS256: {result.stderr}")
    return count


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


def rsa_server_to_pyjwt(binary, workdir):
    """sigil-server --signing-key: the printed JWK Set verifies its login tokens in PyJWT."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    paths = write_key_files(key, workdir, "server")
    environment = dict(os.environ)
    environment.pop("SIGIL_JWT_SECRET", None)
    count = 0
    for alg in ("RS256", "RS384", "RS512"):
        arguments = ["--signing-key", paths["pkcs8"], "--signing-alg", alg]
        printed = subprocess.run([binary] + arguments + ["--print-jwks"], capture_output=True, text=True,
                                 env=environment, stdin=subprocess.DEVNULL)
        check(printed.returncode == 0, f"--print-jwks {alg}: {printed.stderr}")
        if printed.returncode != 0:
            continue
        jwks = json.loads(printed.stdout)
        check(len(jwks["keys"]) == 1, "one key")
        published = jwks["keys"][0]
        numbers = key.public_key().public_numbers()
        check(published == {"kty": "RSA", "use": "sig", "alg": alg, "kid": thumbprint(key),
                            "n": b64url_uint(numbers.n), "e": b64url_uint(numbers.e)}, f"JWK {published}")
        # The PyJWKClient-free path: a PyJWK from the printed set.
        verifying = jwt.PyJWK(published)
        check(verifying.key_id == thumbprint(key) and verifying.algorithm_name == alg, "PyJWK kid and alg")

        # The demo accounts (no --users), and PyJWT tokens without iss, aud or jti.
        server = MCPServer(binary, arguments + ["--demo", "--accept-legacy-tokens"])
        try:
            tool = server.call_tool("jwks")
            check(not tool["isError"] and tool["structuredContent"] == jwks, f"jwks tool {tool}")
            login = server.call_tool("login", {"username": "admin", "password": "admin-demo"})
            check(not login["isError"], f"login {login}")
            token = login["structuredContent"]["token"]
            header = jwt.get_unverified_header(token)
            check(header == {"alg": alg, "kid": thumbprint(key), "typ": "JWT"}, f"server token header {header}")
            try:
                # The server's tokens name it as issuer and its blog as audience (issue 16).
                claims = jwt.decode(token, verifying.key, algorithms=[alg], audience="sigil-blog",
                                    issuer="sigil-server", options={"require": ["exp", "jti", "sub", "iss", "aud"]})
                check(claims["sub"] == "user_admin" and claims["roles"] == ["admin"], f"server claims {claims}")
            except jwt.PyJWTError as error:
                check(False, f"PyJWT rejected a sigil-server {alg} token: {error!r}")
            # And PyJWT's RS256 token with the server's key, the other way, is accepted by the server.
            now = int(time.time())
            foreign = jwt.encode({"sub": "user_alice", "username": "alice", "roles": ["user"],
                                  "permissions": ["read:posts"], "iat": now, "exp": now + 600}, key,
                                 algorithm=alg, headers={"kid": thumbprint(key)})
            whoami = server.call_tool("whoami", {"auth": {"token": foreign}})
            check(not whoami["isError"] and whoami["structuredContent"]["username"] == "alice",
                  f"sigil-server rejected a PyJWT {alg} token: {whoami}")
            # An HS256 token keyed with the public key's PEM (key confusion) is refused.
            public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo)
            confused = forge_hs256({"sub": "user_admin", "roles": ["admin"], "exp": now + 600}, public_pem,
                                   thumbprint(key))
            refused = server.call_tool("whoami", {"auth": {"token": confused}})
            check(refused["isError"] and refused["structuredContent"]["error"] == "invalid_token",
                  f"key confusion: {refused}")
        finally:
            server.close()
        count += 1
    return count


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
        forward = sigil_to_pyjwt(binary, workdir)
        rsa_forward = rsa_sigil_token_to_pyjwt(binary, workdir)
        rsa_server = rsa_server_to_pyjwt(server, workdir)
        backward = pyjwt_to_sigil(binary, workdir)
    if failures:
        print(f"pyjwt-interop: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"pyjwt-interop: ok ({forward} HS and {rsa_forward} RS sigil-token tokens verified by PyJWT "
          f"{jwt.__version__}; {rsa_server} sigil-server --signing-key runs (RS256/384/512) verified through "
          f"jwt.PyJWK from --print-jwks; {backward} PyJWT checks passed by sigil-token)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
