// The JavaScript wrapper (sigil.mjs) under Node: decode, verify, sign and the algorithm
// list; hostile input; and the WASI imports that must never be called. Prints HS256 and
// RS256 verifications per second (a measurement, never an assertion).
//
//   SIGIL_WASM=Web/sigil.wasm node --test Web/tests/
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Sigil } from "../sigil.mjs";
import { b64u, mutations, random, rfcRSA, rfcSecretHex, vectorCases } from "./cases.mjs";

const root = new URL("../../", import.meta.url);
const sigil = await Sigil.load(process.env.SIGIL_WASM ?? new URL("Web/sigil.wasm", root));
const [hs256] = vectorCases(); // RFC 7515 A.1, valid at its `now`
const rs256 = vectorCases().find((item) => item.name.startsWith("RFC 7515 vectors #4 (PEM)"));
const A1 = { key: rfcSecretHex, keyFormat: "hex", now: hs256.now };
const A2 = { key: rfcRSA.pem, now: rs256.now };

describe("decode", () => {
    test("shows the header, the payload and the signature length, unverified", () => {
        const result = sigil.decode(hs256.token);
        assert.deepEqual(result, {
            verified: false, header: { typ: "JWT", alg: "HS256" },
            payload: { iss: "joe", exp: 1300819380, "http://example.com/is_root": true }, signatureBytes: 32,
        });
    });
    test("rejects a token without three segments as malformed", () => {
        assert.equal(sigil.decode("abc.def").error, "malformed");
        assert.equal(sigil.decode("").error, "malformed");
        assert.equal(sigil.decode("!!!.e30.").error, "malformed");
    });
    test("gives a non-JSON payload as a string", () => {
        assert.equal(sigil.decode(`${b64u.encode('{"alg":"HS256"}')}.${b64u.encode("hello")}.`).payload, "hello");
    });
});

describe("verify", () => {
    test("accepts RFC 7515 A.1 (HS256) with its secret in hex, base64 and as a JWK", () => {
        const base64 = Buffer.from(rfcSecretHex, "hex").toString("base64");
        const jwk = JSON.stringify({ kty: "oct", k: Buffer.from(rfcSecretHex, "hex").toString("base64url") });
        for (const options of [A1, { ...A1, key: base64, keyFormat: "base64" }, { key: jwk, now: hs256.now }]) {
            const result = sigil.verify(hs256.token, options);
            assert.equal(result.valid, true, JSON.stringify(result));
            assert.equal(result.algorithm, "HS256");
            assert.equal(result.payload.iss, "joe");
        }
    });
    test("accepts RFC 7515 A.2 (RS256) with a PEM public key, a JWK and a JWK Set", () => {
        const jwks = JSON.stringify({ keys: [JSON.parse(rfcRSA.jwk)] });
        for (const [key, type] of [[rfcRSA.pem, "pem"], [rfcRSA.jwk, "jwk"], [jwks, "jwks"]]) {
            const result = sigil.verify(rs256.token, { key, now: rs256.now });
            assert.equal(result.valid, true, JSON.stringify(result));
            assert.equal(result.keyType, type);
        }
    });
    const rejections = [
        ["expired at exp (no leeway)", hs256.token, { ...A1, now: 1300819380, leeway: 0 }, "expired"],
        ["expired with the default leeway", hs256.token, { ...A1, now: 1300819440 }, "expired"],
        ["a changed signature", hs256.token.slice(0, -3) + "AAA", A1, "invalidSignature"],
        ["a changed payload", hs256.token.replace(".eyJpc3MiOiJqb2", ".eyJpc3MiOiJqb3"), A1, "invalidSignature"],
        ["alg none", vectorCases().find((item) => item.name.includes("#5")).token, A1, "algorithmNotAllowed"],
        ["an RS256 token with an HMAC secret", rs256.token, A1, "algorithmNotAllowed"],
        ["an HS256 token with an RSA key", hs256.token, { ...A2, now: hs256.now }, "algorithmNotAllowed"],
        ["an issuer mismatch", hs256.token, { ...A1, issuers: ["jane"] }, "issuerMismatch"],
        ["a missing audience", hs256.token, { ...A1, audiences: ["api"] }, "missingClaim"],
        ["a disallowed algorithm", hs256.token, { ...A1, algorithms: ["HS512"] }, "algorithmNotAllowed"],
        ["an unknown algorithm name", hs256.token, { ...A1, algorithms: ["XS256"] }, "unsupportedAlgorithm"],
        ["a short secret", hs256.token, { ...A1, key: "short", keyFormat: "text" }, "weakKey"],
        ["no key", hs256.token, { ...A1, key: "" }, "invalidKey"],
        ["a malformed PEM key", hs256.token, { ...A1, key: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" }, "invalidKey"],
        ["bad hex", hs256.token, { ...A1, key: "0g" }, "invalidKey"],
        ["a token over 16 KiB", `${"a".repeat(17000)}.b.c`, A1, "tokenTooLarge"],
        ["options of the wrong type", hs256.token, { ...A1, leeway: "60" }, "invalidRequest"],
        ["a negative leeway", hs256.token, { ...A1, leeway: -1 }, "invalidRequest"],
    ];
    test("rejects with the CLI's error codes", { concurrency: false }, () => {
        for (const [name, token, options, code] of rejections) {
            const result = sigil.verify(token, options);
            assert.equal(result.valid, false, name);
            assert.equal(result.error, code, `${name}: ${JSON.stringify(result)}`);
            assert.equal(typeof result.message, "string");
        }
    });
    test("accepts a short secret only when asked", () => {
        const token = sigil.sign({}, { exp: 2_000_000_000 }, { key: "short", algorithm: "HS256", allowShortSecret: true }).token;
        assert.equal(sigil.verify(token, { key: "short", now: 1_900_000_000 }).error, "weakKey");
        assert.equal(sigil.verify(token, { key: "short", now: 1_900_000_000, allowShortSecret: true }).valid, true);
    });
    test("survives hostile input: a thousand mutated tokens and random bytes never trap", () => {
        const next = random(7);
        let count = 0;
        for (const base of [hs256, rs256]) {
            for (let round = 0; round < 14; round += 1) {
                for (const token of mutations(base.token, next)) {
                    const options = base === hs256 ? A1 : A2;
                    assert.equal(typeof sigil.verify(token, options).valid, "boolean");
                    assert.ok(sigil.decode(token));
                    count += 1;
                }
            }
        }
        for (let round = 0; round < 200; round += 1) {
            const bytes = Array.from({ length: next(300) }, () => next(256));
            const text = Buffer.from(bytes).toString("latin1");
            assert.equal(sigil.verify(text, { ...A1, key: text }).valid, false);
            assert.ok(sigil.decode(text).error || sigil.decode(text).verified === false);
            count += 1;
        }
        assert.ok(count >= 1000, `${count}`);
    });
});

describe("sign", () => {
    test("signs HS256/384/512 with a secret; the tokens verify", () => {
        const secret = "a-test-secret-that-is-at-least-sixty-four-bytes-long-0123456789abcdef";
        for (const algorithm of ["HS256", "HS384", "HS512"]) {
            const signed = sigil.sign({ typ: "JWT" }, { sub: "alice", exp: 2_000_000_000 }, { key: secret, algorithm });
            assert.ok(signed.token, JSON.stringify(signed));
            assert.deepEqual(signed.header, { typ: "JWT", alg: algorithm });
            const verified = sigil.verify(signed.token, { key: secret, algorithms: [algorithm], now: 1_900_000_000 });
            assert.equal(verified.valid, true, JSON.stringify(verified));
            assert.equal(verified.payload.sub, "alice");
        }
    });
    test("signs RS256/384/512 with a private JWK; the public PEM verifies them", () => {
        for (const algorithm of ["RS256", "RS384", "RS512"]) {
            const signed = sigil.sign('{"kid":"k1"}', '{"sub":"bob","exp":2000000000}', { key: rfcRSA.privateJwk, algorithm });
            assert.ok(signed.token, JSON.stringify(signed));
            const verified = sigil.verify(signed.token, { key: rfcRSA.pem, algorithms: [algorithm], now: 1_900_000_000 });
            // A PEM key accepts tokens without kid or with its thumbprint: "k1" names another key.
            assert.equal(verified.error, "unknownKeyID");
            const jwk = JSON.stringify({ ...JSON.parse(rfcRSA.jwk), kid: "k1", alg: algorithm });
            assert.equal(sigil.verify(signed.token, { key: jwk, now: 1_900_000_000 }).valid, true);
        }
    });
    test("signs RFC 7515 A.2's header and payload with the RFC private key; the public key verifies", () => {
        const [header, payload] = rs256.token.split(".");
        const signed = sigil.sign(b64u.decode(header), b64u.decode(payload), { key: rfcRSA.privateJwk });
        assert.equal(signed.header.alg, "RS256");
        assert.equal(signed.token.split(".")[2].length, 342); // 256 bytes, base64url
        assert.equal(sigil.verify(signed.token, A2).valid, true);
    });
    const failures = [
        ["alg none", {}, { alg: "none" }, { key: "x".repeat(32) }, "algorithmNotAllowed"],
        ["an unknown alg", {}, { alg: "XS1" }, { key: "x".repeat(32) }, "unsupportedAlgorithm"],
        ["no alg at all", {}, {}, { key: "x".repeat(32) }, "unsupportedAlgorithm"],
        ["RS256 with a secret", {}, { alg: "RS256" }, { key: "x".repeat(32) }, "invalidKey"],
        ["RS256 with a public key", {}, { alg: "RS256" }, { key: rfcRSA.pem }, "invalidKey"],
        ["a short secret", {}, { alg: "HS256" }, { key: "short" }, "weakKey"],
    ];
    test("refuses with the CLI's error codes", () => {
        for (const [name, payload, header, options, code] of failures) {
            const result = sigil.sign(header, payload, options);
            assert.equal(result.error, code, `${name}: ${JSON.stringify(result)}`);
        }
        assert.equal(sigil.sign("{", "{}", { key: "x".repeat(32), algorithm: "HS256" }).error, "malformed");
        assert.equal(sigil.sign("{}", "[1]", { key: "x".repeat(32), algorithm: "HS256" }).error, "malformed");
    });
});

test("lists the algorithms of every family the module links", () => {
    const list = sigil.algorithms();
    assert.deepEqual(list.map((item) => item.name), [
        "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
    ]);
    assert.deepEqual(list.map((item) => item.key), [
        "secret", "secret", "secret", ...Array(10).fill("asymmetric"),
    ]);
});

test("the WASI file imports are never called; random_get only comes from the wrapper", () => {
    assert.deepEqual([sigil.wasiCalls.fd_write, sigil.wasiCalls.fd_seek, sigil.wasiCalls.fd_close], [0, 0, 0]);
});

test("throughput under Node (printed, not asserted)", (t) => {
    const measure = (token, options) => {
        // Warm up first: V8 runs new WebAssembly code with its baseline compiler and switches
        // to optimised code only after a while (later still on a busy machine).
        const warmUp = performance.now();
        while (performance.now() - warmUp < 1500) sigil.verify(token, options);
        let count = 0;
        const start = performance.now();
        while (performance.now() - start < 1000) {
            if (!sigil.verify(token, options).valid) throw new Error("a verification failed");
            count += 1;
        }
        return Math.round(count / ((performance.now() - start) / 1000));
    };
    const secret = "a-test-secret-that-is-at-least-thirty-two-bytes";
    const hsToken = sigil.sign({ typ: "JWT" }, { sub: "user_alice", roles: ["admin"], exp: 2_000_000_000 }, { key: secret, algorithm: "HS256" }).token;
    const rsToken = sigil.sign({ typ: "JWT" }, { sub: "user_alice", roles: ["admin"], exp: 2_000_000_000 }, { key: rfcRSA.privateJwk, algorithm: "RS256" }).token;
    const hs = measure(hsToken, { key: secret, now: 1_900_000_000 });
    const rs = measure(rsToken, { key: rfcRSA.jwk, now: 1_900_000_000 });
    t.diagnostic(`throughput: HS256 ${hs} verifications/s, RS256 ${rs} verifications/s (sigil.wasm under Node ${process.version}; each call parses the key and options)`);
    console.log(`web: throughput: HS256 ${hs} verifications/s, RS256 ${rs} verifications/s under Node ${process.version}`);
    assert.deepEqual([sigil.wasiCalls.fd_write, sigil.wasiCalls.fd_seek, sigil.wasiCalls.fd_close], [0, 0, 0]);
});
