// ES256/384/512 and EdDSA in the module, against Node's own crypto (OpenSSL): tokens the
// module signs verify under node:crypto, tokens node:crypto signs verify in the module (and
// fail once their signature or payload changes), and Ed25519 signatures, being
// deterministic, are byte-for-byte OpenSSL's. Keys: RFC 6979 A.2.5–A.2.7 and RFC 8037 A.
// A family the module was built without (Web/build --families) is skipped.
//
//   SIGIL_WASM=Web/sigil.wasm node --test Web/tests/
import assert from "node:assert/strict";
import { createPrivateKey, createPublicKey, sign as opensslSign, verify as opensslVerify } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { Sigil } from "../sigil.mjs";

const root = new URL("../../", import.meta.url);
const sigil = await Sigil.load(process.env.SIGIL_WASM ?? new URL("Web/sigil.wasm", root));
const linked = new Set(sigil.algorithms().map((item) => item.name));
const vectors = JSON.parse(readFileSync(new URL("Vectors/rfc/rfc6979_ecdsa_rfc8037_eddsa.json", root), "utf8"));

const curves = [
    { crv: "P-256", alg: "ES256", hash: "sha256", bytes: 32 },
    { crv: "P-384", alg: "ES384", hash: "sha384", bytes: 48 },
    { crv: "P-521", alg: "ES512", hash: "sha512", bytes: 66 },
];
/** A big-endian hex number as base64url of exactly `bytes` bytes. */
const field = (hex, bytes) => Buffer.from(hex.padStart(2 * bytes, "0"), "hex").toString("base64url");
/** The RFC 6979 key of a curve as a private and a public JWK. */
function ecKey({ crv, bytes }) {
    const vector = vectors.ecdsa.find((item) => item.curve === crv);
    const publicJwk = { kty: "EC", crv, x: field(vector.Qx, bytes), y: field(vector.Qy, bytes) };
    return { publicJwk, privateJwk: { ...publicJwk, d: field(vector.d, bytes) } };
}
const now = 1_900_000_000;
const claims = { sub: "alice", roles: ["admin"], exp: 2_000_000_000 };
const b64u = (text) => Buffer.from(text).toString("base64url");
const signingInput = (token) => token.slice(0, token.lastIndexOf("."));
const signatureOf = (token) => Buffer.from(token.slice(token.lastIndexOf(".") + 1), "base64url");
/** The token with one bit of its signature flipped. */
function flipped(token) {
    const signature = signatureOf(token);
    signature[signature.length >> 1] ^= 1;
    return `${signingInput(token)}.${signature.toString("base64url")}`;
}

describe("ECDSA", () => {
    for (const curve of curves) {
        const skip = !linked.has(curve.alg) && `${curve.alg} is not in this build`;
        const { publicJwk, privateJwk } = ecKey(curve);
        const opensslPublic = () => createPublicKey({ key: publicJwk, format: "jwk" });
        const opensslPrivate = () => createPrivateKey({ key: privateJwk, format: "jwk" });

        test(`${curve.alg}: the module signs, OpenSSL and the module verify`, { skip }, () => {
            for (let round = 0; round < 3; round += 1) {
                const signed = sigil.sign({ typ: "JWT" }, { ...claims, round }, { key: JSON.stringify(privateJwk), algorithm: curve.alg });
                assert.ok(signed.token, JSON.stringify(signed));
                assert.equal(signed.header.alg, curve.alg);
                const signature = signatureOf(signed.token);
                assert.equal(signature.length, 2 * curve.bytes);
                const input = Buffer.from(signingInput(signed.token));
                const key = { key: opensslPublic(), dsaEncoding: "ieee-p1363" };
                assert.equal(opensslVerify(curve.hash, input, key, signature), true, `OpenSSL rejects ${signed.token}`);
                const verified = sigil.verify(signed.token, { key: JSON.stringify(publicJwk), now });
                assert.equal(verified.valid, true, JSON.stringify(verified));
                assert.equal(verified.payload.round, round);
                assert.equal(sigil.verify(flipped(signed.token), { key: JSON.stringify(publicJwk), now }).error, "invalidSignature");
            }
        });

        test(`${curve.alg}: OpenSSL signs, the module verifies, and rejects changed tokens`, { skip }, () => {
            for (let round = 0; round < 3; round += 1) {
                const input = `${b64u(JSON.stringify({ alg: curve.alg }))}.${b64u(JSON.stringify({ ...claims, round }))}`;
                const signature = opensslSign(curve.hash, Buffer.from(input), { key: opensslPrivate(), dsaEncoding: "ieee-p1363" });
                const token = `${input}.${signature.toString("base64url")}`;
                const options = { key: JSON.stringify(publicJwk), now };
                const verified = sigil.verify(token, options);
                assert.equal(verified.valid, true, JSON.stringify(verified));
                assert.equal(sigil.verify(flipped(token), options).error, "invalidSignature");
                const otherPayload = `${b64u(JSON.stringify({ alg: curve.alg }))}.${b64u(JSON.stringify({ ...claims, round: round + 1 }))}`;
                assert.equal(sigil.verify(`${otherPayload}.${signature.toString("base64url")}`, options).error, "invalidSignature");
            }
        });
    }
});

describe("EdDSA", () => {
    const skip = !linked.has("EdDSA") && "EdDSA is not in this build";
    const { jwk } = vectors.eddsa[0];
    const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };

    test("the module's Ed25519 signatures are OpenSSL's, byte for byte, and verify", { skip }, () => {
        const opensslPrivate = createPrivateKey({ key: jwk, format: "jwk" });
        for (let round = 0; round < 3; round += 1) {
            const signed = sigil.sign({ typ: "JWT" }, { ...claims, round }, { key: JSON.stringify(jwk), algorithm: "EdDSA" });
            assert.ok(signed.token, JSON.stringify(signed));
            const expected = opensslSign(null, Buffer.from(signingInput(signed.token)), opensslPrivate);
            assert.equal(signatureOf(signed.token).toString("hex"), expected.toString("hex"));
            const options = { key: JSON.stringify(publicJwk), now };
            const verified = sigil.verify(signed.token, options);
            assert.equal(verified.valid, true, JSON.stringify(verified));
            assert.equal(sigil.verify(flipped(signed.token), options).error, "invalidSignature");
        }
    });

    test("OpenSSL's Ed25519 tokens verify in the module; a changed payload does not", { skip }, () => {
        const opensslPrivate = createPrivateKey({ key: jwk, format: "jwk" });
        const header = b64u(JSON.stringify({ alg: "EdDSA" }));
        const input = `${header}.${b64u(JSON.stringify(claims))}`;
        const signature = opensslSign(null, Buffer.from(input), opensslPrivate).toString("base64url");
        const options = { key: JSON.stringify(publicJwk), now };
        assert.equal(sigil.verify(`${input}.${signature}`, options).valid, true);
        const changed = `${header}.${b64u(JSON.stringify({ ...claims, sub: "mallory" }))}.${signature}`;
        assert.equal(sigil.verify(changed, options).error, "invalidSignature");
    });
});
