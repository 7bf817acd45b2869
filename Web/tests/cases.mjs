// Test cases shared by the Node tests: the RFC 7515 / 7519 / 7520 compact JWS vectors with
// their keys, and tokens derived from them by mutation.
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const vectors = (name) => JSON.parse(readFileSync(new URL(`Vectors/rfc/${name}`, root), "utf8"));

export const b64u = {
    encode: (text) => Buffer.from(text).toString("base64url"),
    decode: (segment) => Buffer.from(segment, "base64url").toString("utf8"),
};

/** The RFC 7515 A.1 HMAC secret, as hex. */
export const rfcSecretHex = vectors("rfc7515_jws.json").tests[0].key.rawHex;
/** The RFC 7515 A.2 RSA key: public PEM, public JWK, private JWK. */
export const rfcRSA = (() => {
    const key = vectors("rfc7515_jws.json").tests[3].key;
    return { pem: key.pem, jwk: JSON.stringify(key.jwk), privateJwk: JSON.stringify(key.privateJwk) };
})();

/**
 * Every compact vector as {name, token, key: {kind: "hex"|"pem"|"jwk", text}, now, leeway,
 * algorithms}: RFC 7515 App. A and the RFC 7519 example (rfc7515_jws.json, each HMAC case
 * also with its JWK and each RSA case also with its JWK), and RFC 7520 §4.1, §4.4, §4.5.
 */
export function vectorCases() {
    const cases = [];
    for (const test of vectors("rfc7515_jws.json").tests) {
        const expected = test.expectedJwt;
        const base = { token: test.token, now: expected.now, leeway: expected.leeway ?? 0, algorithms: expected.algorithms };
        const name = `RFC 7515 vectors #${test.tcId}`;
        if (!test.key) {
            cases.push({ ...base, name, key: { kind: "hex", text: rfcSecretHex } });
        } else if (test.key.rawHex) {
            cases.push({ ...base, name: `${name} (secret)`, key: { kind: "hex", text: test.key.rawHex } });
            cases.push({ ...base, name: `${name} (JWK)`, key: { kind: "jwk", text: JSON.stringify(test.key.jwk) } });
        } else {
            cases.push({ ...base, name: `${name} (PEM)`, key: { kind: "pem", text: test.key.pem } });
            cases.push({ ...base, name: `${name} (JWK)`, key: { kind: "jwk", text: JSON.stringify(test.key.jwk) } });
        }
    }
    for (const test of vectors("rfc7520_jws.json").tests) {
        if (!test.compact) continue;
        const signature = test.signatures[0];
        const key = signature.key.rawHex ? { kind: "hex", text: signature.key.rawHex } : { kind: "pem", text: signature.key.pem };
        cases.push({
            name: `RFC 7520 §${test.rfcSection}`, token: test.compact, key, now: 1_700_000_000, leeway: 60,
            algorithms: [signature.alg],
        });
    }
    return cases;
}

/** A deterministic pseudo-random generator (xorshift32), so the mutations are the same every run. */
export function random(start) {
    let state = start >>> 0 || 1;
    return (limit) => {
        state ^= state << 13;
        state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5;
        state >>>= 0;
        return state % limit;
    };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Tokens derived from `token`: changed characters, segments and headers, and claims edits. */
export function mutations(token, next) {
    const [header, payload, signature] = token.split(".");
    const out = [];
    const replaceAt = (text, index) => {
        const current = text[index];
        let replacement = ALPHABET[next(ALPHABET.length)];
        if (replacement === current) replacement = current === "A" ? "B" : "A";
        return text.slice(0, index) + replacement + text.slice(index + 1);
    };
    for (let round = 0; round < 6; round += 1) out.push(replaceAt(token, next(token.length)));
    out.push(`${header}.${payload}.${replaceAt(signature, next(signature.length))}`);
    out.push(`${replaceAt(header, next(header.length))}.${payload}.${signature}`);
    out.push(`${header}.${payload}`, `${header}.${payload}.${signature}.`, `${header}..${signature}`, `.${payload}.${signature}`);
    out.push(token.slice(0, token.length - 1 - next(4)), `${token}=`, ` ${token}\n`, `${header}.${payload}.`, "");
    const headerJSON = b64u.decode(header);
    let headerObject = {};
    try {
        headerObject = JSON.parse(headerJSON);
    } catch {
        // not JSON: header edits below start from an empty object
    }
    const withHeader = (changes) => `${b64u.encode(JSON.stringify({ ...headerObject, ...changes }))}.${payload}.${signature}`;
    for (const alg of ["none", "None", "HS256", "HS384", "RS256", "RS512", "ES256", "hs256", 7]) out.push(withHeader({ alg }));
    out.push(withHeader({ kid: "some-other-key" }), withHeader({ crit: ["exp"] }), withHeader({ typ: 7 }));
    out.push(withHeader({ jku: "https://attacker.example/keys" }), withHeader({ b64: false, crit: ["b64"] }));
    out.push(`${b64u.encode(headerJSON.replace("{", '{"alg":"none",'))}.${payload}.${signature}`); // duplicate alg
    out.push(`${b64u.encode("[1]")}.${payload}.${signature}`, `${b64u.encode("not json")}.${payload}.${signature}`);
    let claims = null;
    try {
        claims = JSON.parse(b64u.decode(payload));
    } catch {
        // a non-JSON payload: no claim edits
    }
    if (claims && typeof claims === "object") {
        const withClaims = (changes) => `${header}.${b64u.encode(JSON.stringify({ ...claims, ...changes }))}.${signature}`;
        out.push(withClaims({ exp: 9_999_999_999 }), withClaims({ exp: "1300819380" }), withClaims({ admin: true }));
    }
    return out;
}
