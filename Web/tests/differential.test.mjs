// Same answers as native: every RFC 7515 / 7519 / 7520 compact vector, a few hundred
// tokens mutated from them, and claim checks under varied options, verified by both
// `sigil-token verify` and sigil.wasm. Every verdict, error code and message must agree.
//
//   SIGIL_TOKEN=.build/debug/sigil-token SIGIL_WASM=Web/sigil.wasm node --test Web/tests/
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Sigil } from "../sigil.mjs";
import { mutations, random, rfcSecretHex, vectorCases } from "./cases.mjs";

const root = new URL("../../", import.meta.url);
const cli = process.env.SIGIL_TOKEN ?? new URL(".build/debug/sigil-token", root).pathname;
const sigil = await Sigil.load(process.env.SIGIL_WASM ?? new URL("Web/sigil.wasm", root));

function runCLI(args, token) {
    return new Promise((resolve) => {
        const child = execFile(cli, ["verify", ...args, "-"], { encoding: "utf8" }, (error, stdout, stderr) => {
            resolve({ status: error ? error.code : 0, stdout, stderr });
        });
        child.stdin.end(token);
    });
}

/** Runs `jobs` with at most `width` at a time. */
async function pool(jobs, width) {
    const results = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
        while (next < jobs.length) {
            const index = next++;
            results[index] = await jobs[index]();
        }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return results;
}

/** The cases: each {name, token, key: {kind, text}, options} (options as for Sigil.verify). */
function allCases() {
    const cases = [];
    const next = random(13);
    const vectors = vectorCases();
    for (const vector of vectors) {
        const options = { now: vector.now, leeway: vector.leeway, algorithms: vector.algorithms };
        cases.push({ name: vector.name, token: vector.token, key: vector.key, options });
    }
    // Mutations of each distinct token, with its key.
    const seen = new Set();
    for (const vector of vectors) {
        if (seen.has(vector.token)) continue;
        seen.add(vector.token);
        const options = { now: vector.now, leeway: vector.leeway, algorithms: vector.algorithms };
        mutations(vector.token, next).forEach((token, index) =>
            cases.push({ name: `${vector.name}, mutation ${index + 1}`, token, key: vector.key, options }));
    }
    // Claim checks: one signed token, validated under varied options.
    const secret = { kind: "hex", text: rfcSecretHex };
    const signed = sigil.sign({ typ: "JWT" }, {
        iss: "https://auth.example", sub: "user_alice", aud: ["api", "web"], iat: 1_800_000_000, nbf: 1_800_000_000,
        exp: 1_800_003_600, jti: "x1",
    }, { key: rfcSecretHex, keyFormat: "hex", algorithm: "HS512" });
    assert.ok(signed.token, JSON.stringify(signed));
    const variants = [
        {}, { now: 1_799_999_000 }, { now: 1_799_999_950 }, { now: 1_800_003_600 }, { now: 1_800_003_600, leeway: 0 },
        { issuers: ["https://auth.example"] }, { issuers: ["https://other.example"] }, { audiences: ["web"] },
        { audiences: ["admin"] }, { audiences: ["api"], require: ["jti"] }, { audiences: ["api"], require: ["role"] },
        { type: "JWT" }, { type: "at+jwt" },
        { algorithms: ["HS256"] }, { algorithms: ["HS256", "HS512"] }, { algorithms: ["RS256"] },
        { requireExpiration: false },
    ];
    variants.forEach((variant, index) => cases.push({
        name: `claims, options ${index + 1}: ${JSON.stringify(variant)}`, token: signed.token, key: secret,
        options: { now: 1_800_000_100, algorithms: ["HS512"], ...variant },
    }));
    const wrongType = sigil.sign({}, { sub: "user_alice", exp: "1800003600" }, { key: rfcSecretHex, keyFormat: "hex", algorithm: "HS256" });
    cases.push({ name: "claims: exp as a string", token: wrongType.token, key: secret, options: { now: 1_800_000_100 } });
    return cases;
}

function keyOptions(key) {
    return key.kind === "hex" ? { key: key.text, keyFormat: "hex" } : { key: key.text };
}

function cliArguments(options, keyFile) {
    const args = [...keyFile, "--now", String(options.now)];
    if (options.leeway !== undefined) args.push("--leeway", String(options.leeway));
    for (const alg of options.algorithms ?? []) args.push("--alg", alg);
    for (const issuer of options.issuers ?? []) args.push("--issuer", issuer);
    for (const audience of options.audiences ?? []) args.push("--audience", audience);
    for (const claim of options.require ?? []) args.push("--require", claim);
    if (options.type) args.push("--type", options.type);
    if (options.requireExpiration === false) args.push("--no-exp");
    return args;
}

test("sigil-token verify and sigil.wasm agree on every vector and mutation", async (t) => {
    const cases = allCases();
    const directory = mkdtempSync(join(tmpdir(), "sigil-web-"));
    try {
        const keyFiles = new Map();
        const keyFile = (key) => {
            if (!keyFiles.has(key.text)) {
                const path = join(directory, `key${keyFiles.size}`);
                if (key.kind === "hex") {
                    writeFileSync(path, Buffer.from(key.text, "hex"));
                    keyFiles.set(key.text, ["--secret-file", path]);
                } else {
                    writeFileSync(path, key.text);
                    keyFiles.set(key.text, ["--key", path]);
                }
            }
            return keyFiles.get(key.text);
        };
        const native = await pool(cases.map((item) => () => runCLI(cliArguments(item.options, keyFile(item.key)), item.token)), 4);
        const verdicts = new Map();
        let disagreements = 0;
        cases.forEach((item, index) => {
            const wasm = sigil.verify(item.token, { ...item.options, ...keyOptions(item.key) });
            const run = native[index];
            let expected;
            try {
                expected = JSON.parse(run.stdout);
            } catch {
                expected = { status: run.status, stderr: run.stderr.trim() };
            }
            const same = expected.valid === wasm.valid && expected.error === wasm.error && expected.message === wasm.message
                && run.status === (wasm.valid ? 0 : 1);
            if (!same) {
                disagreements += 1;
                t.diagnostic(`DISAGREE ${item.name}: native ${JSON.stringify(expected)} (exit ${run.status}), wasm ${JSON.stringify({ valid: wasm.valid, error: wasm.error, message: wasm.message })}`);
            }
            const verdict = wasm.valid ? "valid" : wasm.error;
            verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
        });
        t.diagnostic(`${cases.length} tokens; verdicts: ${[...verdicts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
        assert.equal(disagreements, 0, `${disagreements} of ${cases.length} verdicts differ`);
        assert.ok(cases.length >= 300, `only ${cases.length} cases`);
        // The corpus must exercise the interesting outcomes, not only one.
        for (const code of ["valid", "expired", "invalidSignature", "malformed", "algorithmNotAllowed", "unsupportedAlgorithm",
            "unknownKeyID", "issuerMismatch", "audienceMismatch", "notYetValid", "missingClaim", "typeMismatch",
            "unsupportedCriticalHeader", "wrongClaimType"]) {
            assert.ok(verdicts.get(code) > 0, `no case ends in ${code}`);
        }
        assert.deepEqual(sigil.wasiCalls.fd_write + sigil.wasiCalls.fd_seek + sigil.wasiCalls.fd_close, 0);
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
});
