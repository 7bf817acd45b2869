#!/usr/bin/env python3
"""Extracts small seed corpora for the fuzz harnesses from Vectors/.

    python3 Fuzz/make-seeds.py            # all harnesses
    python3 Fuzz/make-seeds.py json jwt   # only these

Writes Fuzz/corpus/<harness>/<sha1 of content> (the libFuzzer naming), replacing the
files it wrote before. Every corpus stays under 100 files and 200 KB. Deterministic: the
same vectors give the same seeds.
"""

import base64
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "Vectors"
CORPUS = ROOT / "Fuzz" / "corpus"
MAX_FILES = 100
MAX_BYTES = 200_000


def load(name):
    return json.loads((VECTORS / name).read_text())


def b64u_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def rfc_tokens():
    tokens = [t["token"] for t in load("rfc/rfc7515_jws.json")["tests"]]
    tokens += [t["compact"] for t in load("rfc/rfc7520_jws.json")["tests"] if t.get("compact")]
    return tokens


def rfc_keys():
    """(jwk public, jwk private or None, pem or None) for every RFC example key."""
    keys = []
    for t in load("rfc/rfc7515_jws.json")["tests"]:
        key = t.get("key")
        if key:
            keys.append((key.get("jwk"), key.get("privateJwk"), key.get("pem")))
    for t in load("rfc/rfc7520_jws.json")["tests"]:
        for s in t["signatures"]:
            key = s.get("key") or {}
            keys.append((key.get("jwk"), key.get("privateJwk"), key.get("pem")))
    return keys


def wycheproof_groups():
    groups = []
    for name in ["rsa_signature_2048_sha256_test.json", "rsa_signature_2048_sha384_test.json",
                 "rsa_signature_2048_sha512_test.json", "rsa_pkcs1_2048_sig_gen_test.json"]:
        groups += load("wycheproof/" + name)["testGroups"]
    return groups


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def seeds_base64url():
    data = load("rfc/rfc4648_base64.json")
    seeds = [t["base64urlNoPad"].encode() for t in data["tests"]]
    seeds += [case["input"].encode() if isinstance(case, dict) else case.encode()
              for case in data["invalidBase64urlNoPad"]]
    for token in rfc_tokens():
        seeds += [segment.encode() for segment in token.split(".")]
    return seeds


def seeds_base64():
    data = load("rfc/rfc4648_base64.json")
    seeds = [t["base64"].encode() for t in data["tests"]]
    seeds += [t["base64"].rstrip("=").encode() for t in data["tests"]]
    for _, _, pem in rfc_keys():
        if pem:
            body = "".join(line for line in pem.splitlines() if not line.startswith("-----"))
            seeds.append(body.encode())
            seeds.append("\n".join(pem.splitlines()[1:-1]).encode())
            seeds.append("\r\n".join(pem.splitlines()[1:-1]).encode())
    return seeds


def seeds_json():
    seeds = []
    for t in load("rfc/rfc7515_jws.json")["tests"]:
        seeds += [t[k].encode() for k in ("protectedHeaderUtf8", "payloadUtf8") if t.get(k)]
    for token in rfc_tokens():
        for segment in token.split(".")[:2]:
            try:
                seeds.append(b64u_decode(segment))
            except ValueError:
                pass
    for jwk, private, _ in rfc_keys():
        seeds += [dumps(k) for k in (jwk, private) if k]
    for t in load("rfc/rfc7515_jws.json")["tests"][:4]:
        seeds.append(json.dumps(t, indent=1).encode())
    seeds += [
        b'{"a":[1,-0,0.5,1e10,-1.5E-7,12345678901234567890123],"b":null,"c":true,"d":false}',
        b'"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r"',
        b'[[[[[[[[[[[]]]]]]]]]]]',
        b'{"":{"":{"":[]}}}',
        b'"\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80"',
        b' \t\r\n{ "k" : [ ] } ',
        b'1e400', b'-9223372036854775808', b'9223372036854775807', b'0', b'"x"', b'[]', b'{}',
    ]
    return seeds


def seeds_jwt():
    return [t.encode() for t in rfc_tokens()]


def seeds_jwt_mutate():
    # Mutation programs (see the harness): the first bytes pick the base token.
    return [bytes([i, 0, 0, 0]) for i in range(4)] + [
        b"\x00\x01\x05\x00\x02\x07\x01\x00",
        b"\x01\x02\x10X\x03\x00\x00\x00",
        b"\x02\x03\x01\x02\x04\x05\x06\x07\x08",
        b"\x03\x04\xff\xff\x05\x00",
    ]


def seeds_der():
    seeds = []
    for g in wycheproof_groups():
        for field in ("publicKeyDer", "publicKeyAsn", "keyDer", "keyAsn", "privateKeyPkcs8"):
            if g.get(field):
                seeds.append(bytes.fromhex(g[field]))
        if g.get("privateKeyPem"):  # PKCS#1 RSAPrivateKey
            body = "".join(line for line in g["privateKeyPem"].splitlines() if not line.startswith("-----"))
            seeds.append(base64.b64decode(body))
    return seeds


def seeds_pem():
    seeds = []
    for g in wycheproof_groups():
        for field in ("publicKeyPem", "keyPem", "privateKeyPem"):
            if g.get(field):
                seeds.append(g[field].encode())
    for _, _, pem in rfc_keys():
        if pem:
            seeds.append(pem.encode())
    return seeds


def seeds_jwk():
    seeds = []
    for jwk, private, _ in rfc_keys():
        seeds += [dumps(k) for k in (jwk, private) if k]
    for g in wycheproof_groups():
        for field in ("keyJwk", "privateKeyJwk"):
            if g.get(field):
                seeds.append(dumps(g[field]))
    # Wycheproof's private keys (n, e and d in hex) as RSA private JWKs without CRT members.
    names = {"modulus": "n", "publicExponent": "e", "privateExponent": "d", "prime1": "p", "prime2": "q",
             "exponent1": "dp", "exponent2": "dq", "coefficient": "qi"}
    for g in wycheproof_groups():
        private = g.get("privateKey")
        if isinstance(private, dict) and "privateExponent" in private:  # n, e, d only
            jwk = {"kty": "RSA"}
            for field, name in names.items():
                if field not in private:
                    continue
                value = bytes.fromhex(private[field]).lstrip(b"\x00") or b"\x00"
                jwk[name] = base64.urlsafe_b64encode(value).rstrip(b"=").decode()
            seeds.append(dumps(jwk))
    publics = [k[0] for k in rfc_keys() if k[0]]
    seeds.append(dumps({"keys": publics}))
    return seeds


def mcp_token(claims):
    """An HS256 token for the mcp harness's fixed secret."""
    import hmac as _hmac
    header = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').rstrip(b"=")
    payload = base64.urlsafe_b64encode(dumps(claims)).rstrip(b"=")
    mac = _hmac.new(b"mcp-fuzz-secret-0123456789abcdef", header + b"." + payload, hashlib.sha256).digest()
    return (header + b"." + payload + b"." + base64.urlsafe_b64encode(mac).rstrip(b"=")).decode()


def seeds_mcp():
    admin = mcp_token({"sub": "user_admin", "username": "admin", "roles": ["admin"],
                       "permissions": ["read:*", "write:*", "delete:*"], "iat": 1700000000, "exp": 1700003600})
    viewer = mcp_token({"sub": "user_bob", "roles": ["viewer"], "permissions": ["read:posts"],
                        "iat": 1700000000, "exp": 1700003600})
    expired = mcp_token({"sub": "user_admin", "roles": ["admin"], "iat": 1600000000, "exp": 1600003600})
    token = rfc_tokens()[0]
    lines = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                    "clientInfo": {"name": "fuzz", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {"jsonrpc": "2.0", "id": "x", "method": "ping"},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call",
         "params": {"name": "list_posts", "arguments": {"token": token}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call",
         "params": {"name": "create_post", "arguments": {"token": token, "title": "t", "content": "c"}}},
        {"jsonrpc": "2.0", "id": 5, "method": "tools/call",
         "params": {"name": "delete_post", "arguments": {"token": token, "id": 1}},
         "_meta": {"authorization": "Bearer " + token}},
        {"jsonrpc": "2.0", "id": None, "method": "nope"},
        {"jsonrpc": "1.0", "id": 6, "method": "tools/list"},
        [{"jsonrpc": "2.0", "id": 7, "method": "ping"}],
        {"jsonrpc": "2.0", "id": 8, "method": "tools/call",
         "params": {"name": "whoami", "arguments": {"auth": {"token": admin}}}},
        {"jsonrpc": "2.0", "id": 9, "method": "tools/call",
         "params": {"name": "admin", "arguments": {"auth": {"token": viewer}}}},
        {"jsonrpc": "2.0", "id": 10, "method": "tools/call",
         "params": {"name": "admin", "arguments": {}, "_meta": {"auth": {"token": expired}}}},
        {"jsonrpc": "2.0", "id": 11, "method": "tools/call",
         "params": {"name": "add", "arguments": {"a": 5, "b": -7, "negate": True}}},
        {"jsonrpc": "2.0", "id": 12, "method": "tools/call", "params": {"name": "echo", "arguments": {"text": "hi"}}},
    ]
    seeds = [dumps(line) + b"\n" for line in lines]
    seeds.append(b"".join(dumps(line) + b"\n" for line in lines[:5]))
    seeds += [b"\n", b"{\n", b"not json\n", b'{"jsonrpc":"2.0","id":1e400,"method":"ping"}\n']
    return seeds


def seeds_password_hash():
    import hashlib as _hashlib
    seeds = []
    for t in load("rfc/pbkdf2_hmac_sha256.json")["tests"]:
        salt = bytes.fromhex(t["saltHex"])
        if 8 <= len(salt) <= 64 and 1000 <= t["iterations"] <= 10_000_000 and not t.get("slow"):
            derived = _hashlib.pbkdf2_hmac("sha256", bytes.fromhex(t["passwordHex"]), salt, t["iterations"], 32)
            seeds.append(("$pbkdf2-sha256$i=%d$%s$%s" % (t["iterations"], base64.b64encode(salt).decode().rstrip("="),
                                                          base64.b64encode(derived).decode().rstrip("="))).encode())
    salt = bytes(range(16))
    for name, size in (("sha256", 32), ("sha512", 64)):
        derived = _hashlib.pbkdf2_hmac(name, b"password", salt, 1000, size)
        seeds.append(("$pbkdf2-%s$i=1000$%s$%s" % (name, base64.b64encode(salt).decode().rstrip("="),
                                                    base64.b64encode(derived).decode().rstrip("="))).encode())
    seeds += [b"$pbkdf2-sha256$i=10000000$AAAAAAAAAAA$", b"$pbkdf2-sha512$i=600000$$", b"$$$$"]
    return seeds


def der(tag, contents):
    """One DER element: tag, minimal definite length, contents."""
    n = len(contents)
    length = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag]) + length + contents


def der_uint(value):
    return der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def pem(body, label):
    text = base64.b64encode(body).decode()
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN %s-----\n%s\n-----END %s-----\n" % (label, "\n".join(lines), label)).encode()


EC_CURVES = {  # JWK crv: (named-curve OID contents, coordinate bytes)
    "P-256": (bytes.fromhex("2a8648ce3d030107"), 32),
    "P-384": (bytes.fromhex("2b81040022"), 48),
    "P-521": (bytes.fromhex("2b81040023"), 66),
}
ID_EC_PUBLIC_KEY = bytes.fromhex("2a8648ce3d0201")
ID_ED25519 = bytes.fromhex("2b6570")


def ec_private_keys():
    """RFC 6979's P-256/P-384/P-521 keys as SEC 1 and PKCS#8, DER and PEM, and as JWKs."""
    seeds, seen = [], set()
    for e in load("rfc/rfc6979_ecdsa_rfc8037_eddsa.json")["ecdsa"]:
        if e["curve"] in seen:
            continue
        seen.add(e["curve"])
        oid, size = EC_CURVES[e["curve"]]
        d, x, y = (bytes.fromhex(e[k]).rjust(size, b"\0") for k in ("d", "Qx", "Qy"))
        point = der(0x03, b"\0\x04" + x + y)
        algorithm = der(0x30, der(0x06, ID_EC_PUBLIC_KEY) + der(0x06, oid))
        sec1 = der(0x30, der_uint(1) + der(0x04, d) + der(0xa0, der(0x06, oid)) + der(0xa1, point))
        inner = der(0x30, der_uint(1) + der(0x04, d) + der(0xa1, point))
        pkcs8 = der(0x30, der_uint(0) + algorithm + der(0x04, inner))
        spki = der(0x30, algorithm + point)
        seeds += [d, b"\x04" + x + y, spki, sec1, pkcs8, pem(spki, "PUBLIC KEY"), pem(sec1, "EC PRIVATE KEY"),
                  pem(pkcs8, "PRIVATE KEY")]
        jwk = {"kty": "EC", "crv": e["curve"], "x": b64u(x), "y": b64u(y)}
        seeds += [dumps(jwk), dumps(dict(jwk, d=b64u(d))), dumps({"keys": [dict(jwk, kid="1")]})]
    return seeds


def b64u(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def seeds_ec_key():
    seeds = ec_private_keys()
    for name in ["ecdsa_secp256r1_sha256_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
                 "ecdsa_secp521r1_sha512_p1363_test.json", "ed25519_test.json"]:
        for group in load("wycheproof/" + name)["testGroups"][:3]:
            seeds += [bytes.fromhex(group["publicKeyDer"]), group["publicKeyPem"].encode()]
            if "publicKeyJwk" in group:
                seeds.append(dumps(group["publicKeyJwk"]))
    okp = load("rfc/rfc6979_ecdsa_rfc8037_eddsa.json")["eddsa"][0]["jwk"]
    secret = b64u_decode(okp["d"])
    pkcs8 = der(0x30, der_uint(0) + der(0x30, der(0x06, ID_ED25519)) + der(0x04, der(0x04, secret)))
    pkcs8_v1 = der(0x30, der_uint(1) + der(0x30, der(0x06, ID_ED25519)) + der(0x04, der(0x04, secret))
                   + der(0x81, b"\0" + b64u_decode(okp["x"])))
    seeds += [secret, pkcs8, pkcs8_v1, pem(pkcs8, "PRIVATE KEY"), dumps(okp),
              dumps({"kty": "OKP", "crv": "Ed25519", "x": okp["x"]}), dumps({"keys": [okp]})]
    return seeds


def seeds_ecdsa_signature():
    seeds = []
    for e in load("rfc/rfc6979_ecdsa_rfc8037_eddsa.json")["ecdsa"]:
        r, s = bytes.fromhex(e["r"]), bytes.fromhex(e["s"])
        seeds += [r + s, der(0x30, der_uint(int.from_bytes(r, "big")) + der_uint(int.from_bytes(s, "big")))]
    for name in ["ecdsa_secp256r1_sha256_test.json", "ecdsa_secp256r1_sha256_p1363_test.json",
                 "ecdsa_secp384r1_sha384_p1363_test.json", "ecdsa_secp521r1_sha512_p1363_test.json"]:
        tests = [t for g in load("wycheproof/" + name)["testGroups"] for t in g["tests"]]
        seeds += [bytes.fromhex(t["sig"]) for t in tests[:: max(1, len(tests) // 20)]]
    return seeds


HARNESSES = {
    "base64url": seeds_base64url,
    "base64": seeds_base64,
    "json": seeds_json,
    "jwt": seeds_jwt,
    "jwt-mutate": seeds_jwt_mutate,
    "der": seeds_der,
    "pem": seeds_pem,
    "jwk": seeds_jwk,
    "mcp": seeds_mcp,
    "password-hash": seeds_password_hash,
    "ec-key": seeds_ec_key,
    "ecdsa-signature": seeds_ecdsa_signature,
}


def write(harness, seeds):
    folder = CORPUS / harness
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file() and len(old.name) == 40:
            old.unlink()
    unique = list(dict.fromkeys(seeds))
    unique.sort(key=len)
    kept, total = [], 0
    for seed in unique:
        if len(kept) >= MAX_FILES or total + len(seed) > MAX_BYTES:
            break
        kept.append(seed)
        total += len(seed)
    for seed in kept:
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{harness}: {len(kept)} seeds, {total} bytes (of {len(unique)} candidates)")


def main():
    names = sys.argv[1:] or list(HARNESSES)
    for name in names:
        if name not in HARNESSES:
            sys.exit(f"make-seeds: unknown harness {name}")
        write(name, HARNESSES[name]())


if __name__ == "__main__":
    main()
