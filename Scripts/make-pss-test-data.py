#!/usr/bin/env python3
"""Writes Tests/SigilRSATests/PSSTestData.swift (issue #12): throwaway RSA keys of 2049,
3072 and 4096 bits, and RSASSA-PSS known answers with a fixed salt.

    python3 Scripts/make-pss-test-data.py

The known answers are computed here without any PSS library: EMSA-PSS-ENCODE (RFC 8017
§9.1.1) and MGF1 (§B.2.1) with hashlib, then s = m^d mod n with pow(). Each signature is
then checked with `cryptography`'s own RSASSA-PSS verification, so the two implementations
agree before the answer is written. The salt is bytes 0, 1, 2, … (what the tests'
counting generator yields). Every run makes new keys; the file is regenerated whole.
Needs `pip install cryptography`.
"""

import hashlib
import json
import os
import secrets

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "SigilRSATests", "PSSTestData.swift")
HASHES = {"SHA256": hashlib.sha256, "SHA384": hashlib.sha384, "SHA512": hashlib.sha512}
CRYPTO_HASHES = {"SHA256": hashes.SHA256, "SHA384": hashes.SHA384, "SHA512": hashes.SHA512}
MESSAGE = b"Sigil RSASSA-PSS known answer"


def mgf1(hash_name, seed, length):
    output = b""
    counter = 0
    while len(output) < length:
        output += HASHES[hash_name](seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return output[:length]


def emsa_pss_encode(message, em_bits, hash_name, mgf_name, salt):
    h_len = HASHES[hash_name]().digest_size
    em_len = (em_bits + 7) // 8
    assert em_len >= h_len + len(salt) + 2
    m_hash = HASHES[hash_name](message).digest()
    h = HASHES[hash_name](b"\x00" * 8 + m_hash + salt).digest()
    db = b"\x00" * (em_len - len(salt) - h_len - 2) + b"\x01" + salt
    masked = bytes(a ^ b for a, b in zip(db, mgf1(mgf_name, h, em_len - h_len - 1)))
    clear = 8 * em_len - em_bits
    masked = bytes([masked[0] & (0xFF >> clear)]) + masked[1:]
    return masked + h + b"\xbc"


def sign(private_key, hash_name, mgf_name, salt_length):
    numbers = private_key.private_numbers()
    n, d = numbers.public_numbers.n, numbers.d
    salt = bytes(i % 256 for i in range(salt_length))
    encoded = emsa_pss_encode(MESSAGE, n.bit_length() - 1, hash_name, mgf_name, salt)
    k = (n.bit_length() + 7) // 8
    signature = pow(int.from_bytes(encoded, "big"), d, n).to_bytes(k, "big")
    private_key.public_key().verify(
        signature,
        MESSAGE,
        padding.PSS(mgf=padding.MGF1(CRYPTO_HASHES[mgf_name]()), salt_length=salt_length),
        CRYPTO_HASHES[hash_name](),
    )
    return signature


def is_probable_prime(candidate, rounds=48):
    if candidate < 4:
        return candidate in (2, 3)
    for small in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if candidate % small == 0:
            return candidate == small
    d, r = candidate - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for _ in range(rounds):
        x = pow(secrets.randbelow(candidate - 3) + 2, d, candidate)
        if x in (1, candidate - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, candidate)
            if x == candidate - 1:
                break
        else:
            return False
    return True


def random_prime(bits, e):
    while True:
        candidate = secrets.randbits(bits) | (3 << (bits - 2)) | 1
        if is_probable_prime(candidate) and (candidate - 1) % e != 0:
            return candidate


def odd_size_key(bits, e=65537):
    """A key whose modulus has exactly `bits` bits (OpenSSL rounds odd sizes down to even)."""
    while True:
        p = random_prime(bits - bits // 2, e)
        q = random_prime(bits // 2, e)
        n = p * q
        if p != q and n.bit_length() == bits:
            break
    if p < q:
        p, q = q, p
    d = pow(e, -1, (p - 1) * (q - 1))
    numbers = rsa.RSAPrivateNumbers(
        p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q),
        rsa.RSAPublicNumbers(e, n),
    )
    return numbers.private_key()


def wycheproof_key():
    path = os.path.join(ROOT, "Vectors", "wycheproof", "rsa_pkcs1_2048_sig_gen_test.json")
    with open(path) as file:
        group = json.load(file)["testGroups"][2]
    assert group["sha"] == "SHA-256"
    return serialization.load_pem_private_key(group["privateKeyPem"].encode(), password=None)


def pem(private_key):
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def swift_string(name, text):
    body = "\n".join("        " + line for line in text.strip().splitlines())
    return f'    static let {name} = """\n{body}\n        """\n'


def main():
    keys = {
        "key2049": odd_size_key(2049),
        "key3072": rsa.generate_private_key(public_exponent=65537, key_size=3072),
        "key4096": rsa.generate_private_key(public_exponent=65537, key_size=4096),
    }
    assert keys["key2049"].key_size == 2049
    answers = [
        # (key, hash, MGF1 hash, salt length)
        ("wycheproof2048", "SHA256", "SHA256", 32),
        ("wycheproof2048", "SHA384", "SHA384", 48),
        ("wycheproof2048", "SHA512", "SHA512", 64),
        ("wycheproof2048", "SHA384", "SHA256", 0),
        ("key2049", "SHA256", "SHA256", 32),
        ("key3072", "SHA512", "SHA256", 20),
        ("key4096", "SHA512", "SHA512", 64),
    ]
    all_keys = dict(keys, wycheproof2048=wycheproof_key())
    lines = [
        "// Generated by Scripts/make-pss-test-data.py; do not edit. Throwaway keys made for these",
        "// tests, and RSASSA-PSS signatures computed independently (hashlib and pow, checked with",
        "// Python `cryptography`) with the salt 0, 1, 2, ….",
        "",
        "enum PSSTestData {",
        f'    static let message = "{MESSAGE.decode()}"',
        "",
    ]
    for name, key in keys.items():
        lines.append(f"    /// A throwaway {key.key_size}-bit key (PKCS#8).")
        lines.append(swift_string(name + "PEM", pem(key)).rstrip("\n"))
        lines.append("")
    lines.append("    /// (key, hash, MGF1 hash, salt length, signature in hex); `wycheproof2048` is the")
    lines.append("    /// SHA-256 group's key of `rsa_pkcs1_2048_sig_gen_test.json`.")
    lines.append("    static let knownAnswers: [PSSKnownAnswer] = [")
    for key_name, hash_name, mgf_name, salt_length in answers:
        signature = sign(all_keys[key_name], hash_name, mgf_name, salt_length).hex()
        lines.append("        PSSKnownAnswer(")
        lines.append(
            f'            key: "{key_name}", hash: "{hash_name}", mgf1: "{mgf_name}", saltByteCount: {salt_length},'
        )
        for start in range(0, len(signature), 80):
            chunk = signature[start : start + 80]
            prefix = '            signature: "' if start == 0 else '                + "'
            lines.append(prefix + chunk + '"')
        lines[-1] += "),"
    lines.append("    ]")
    lines.append("}")
    with open(OUT, "w") as file:
        file.write("\n".join(lines) + "\n")
    print("wrote", os.path.relpath(OUT, ROOT))


if __name__ == "__main__":
    main()
