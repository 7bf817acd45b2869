// Sigil in WebAssembly: decode, verify and sign JSON Web Tokens with sigil.wasm, in a
// browser or in Node. No dependencies; an ES module.
//
//   import { Sigil } from "./sigil.mjs";
//   const sigil = await Sigil.load();                 // sigil.wasm beside this file
//   const result = sigil.verify(token, { key: secret, issuers: ["https://auth.example"] });
//   if (result.valid) console.log(result.payload.sub);
//   else console.log(result.error, result.message);   // the codes of `sigil-token verify`
//
// Results are the module's JSON, unchanged: verification gives
// {"valid":true,"header":{…},"payload":{…},"algorithm":"HS256","keyType":"secret"} or
// {"valid":false,"error":"expired","message":"…"}.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** WASI errno ENOSYS: the stubbed file functions report "not implemented". */
const ENOSYS = 52;

/** The token verifier, signer and decoder, backed by one instance of sigil.wasm. */
export class Sigil {
    /**
     * Loads sigil.wasm.
     *
     * @param {BufferSource | WebAssembly.Module | URL | string | undefined} source The module:
     *   its bytes, a compiled module, or where to read it (a URL or, under Node, a path).
     *   By default, `sigil.wasm` beside this file.
     * @returns {Promise<Sigil>}
     */
    static async load(source) {
        const calls = { fd_write: 0, fd_seek: 0, fd_close: 0, random_get: 0 };
        let memory = null;
        const imports = {
            wasi_snapshot_preview1: {
                // Only a trap message would ever be written; nothing reads a file.
                fd_write: () => { calls.fd_write += 1; return ENOSYS; },
                fd_seek: () => { calls.fd_seek += 1; return ENOSYS; },
                fd_close: () => { calls.fd_close += 1; return ENOSYS; },
                random_get: (pointer, length) => {
                    calls.random_get += 1;
                    // getRandomValues fills at most 65,536 bytes per call.
                    for (let offset = 0; offset < length; offset += 65536) {
                        const size = Math.min(65536, length - offset);
                        globalThis.crypto.getRandomValues(new Uint8Array(memory.buffer, pointer + offset, size));
                    }
                    return 0;
                },
            },
        };
        const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(await readModule(source));
        const instance = await WebAssembly.instantiate(module, imports);
        memory = instance.exports.memory;
        // A WASI reactor: run the module's initialisers once, before any other call.
        instance.exports._initialize();
        return new Sigil(instance.exports, calls);
    }

    /** @private */
    constructor(exports, calls) {
        this.exports = exports;
        /** How many times the module called each WASI import (fd_* must stay 0). */
        this.wasiCalls = calls;
    }

    /**
     * The header and payload of a token, NOT verified (as `sigil-token decode`).
     *
     * @param {string} token A JWS compact serialization.
     * @returns {{verified: false, header: object, payload: object | string, signatureBytes: number | null}
     *   | {error: string, message: string}}
     */
    decode(token) {
        return this.#call("sigil_decode", [token]);
    }

    /**
     * Verifies a token as `sigil-token verify` does.
     *
     * @param {string} token A JWS compact serialization.
     * @param {object} options
     * @param {string} options.key A secret, a PEM public key, a JWK or a JWK Set (JSON text).
     * @param {"text" | "base64" | "hex"} [options.keyFormat] How a secret is written ("text").
     * @param {string[]} [options.algorithms] Allowed `alg` values (default: the key's own).
     * @param {string[]} [options.issuers] Accepted `iss` values; `iss` is then required.
     * @param {string[]} [options.audiences] Accepted `aud` values; `aud` is then required.
     * @param {number} [options.leeway] Seconds of clock skew on exp, nbf and iat (60).
     * @param {number} [options.now] The time to validate at, in seconds (default: now).
     * @param {string[]} [options.require] Claims that must be present.
     * @param {string} [options.type] A pinned `typ`.
     * @param {boolean} [options.requireExpiration] Reject tokens without `exp` (true).
     * @param {boolean} [options.allowShortSecret] Accept HMAC secrets shorter than the
     *   hash output (legacy systems only; false).
     * @returns {{valid: true, header: object, payload: object, algorithm: string, keyType: string}
     *   | {valid: false, error: string, message: string}}
     */
    verify(token, options = {}) {
        const { key = "", ...rest } = options;
        const request = { now: Math.floor(Date.now() / 1000), ...rest };
        return this.#call("sigil_verify", [token, key, JSON.stringify(request)], 1);
    }

    /**
     * Signs a header and payload (for test tokens). The header's `alg` is set to the
     * algorithm used.
     *
     * @param {object | string} header The JOSE header (an object or its JSON).
     * @param {object | string} payload The claims (an object or their JSON).
     * @param {object} options
     * @param {string} options.key A secret, a PEM private key or a JWK.
     * @param {string} [options.algorithm] The algorithm (default: the header's `alg`).
     * @param {"text" | "base64" | "hex"} [options.keyFormat] How a secret is written.
     * @param {boolean} [options.allowShortSecret] Accept a secret shorter than the hash output.
     * @returns {{token: string, header: object, payload: object} | {error: string, message: string}}
     */
    sign(header, payload, options = {}) {
        const { key = "", ...rest } = options;
        const text = (value) => (typeof value === "string" ? value : JSON.stringify(value));
        return this.#call("sigil_sign", [text(header), text(payload), key, JSON.stringify(rest)], 2);
    }

    /**
     * The algorithms this build implements, e.g. `[{name: "HS256", key: "secret"}, …]`;
     * `key` is "secret" (HMAC) or "asymmetric" (a private key signs, a public key verifies).
     *
     * @returns {{name: string, key: string}[]}
     */
    algorithms() {
        return this.#call("sigil_algorithms", []).algorithms;
    }

    /**
     * Copies each string argument into the module, calls `name`, reads and frees the result.
     * The argument at `secretIndex` (key material) is overwritten with zeros before it is freed.
     */
    #call(name, strings, secretIndex = -1) {
        const exports = this.exports;
        const buffers = strings.map((text) => {
            const bytes = encoder.encode(text);
            const pointer = exports.sigil_allocate(bytes.length);
            new Uint8Array(exports.memory.buffer, pointer, bytes.length).set(bytes);
            return [pointer, bytes.length];
        });
        let result;
        try {
            result = exports[name](...buffers.flat());
        } finally {
            buffers.forEach(([pointer, length], index) => {
                if (index === secretIndex) new Uint8Array(exports.memory.buffer, pointer, length).fill(0);
                exports.sigil_free(pointer);
            });
        }
        const length = new DataView(exports.memory.buffer).getUint32(result, true);
        const text = decoder.decode(new Uint8Array(exports.memory.buffer, result + 4, length));
        exports.sigil_free(result);
        return JSON.parse(text);
    }
}

/** The module's bytes from `source` (see `Sigil.load`). */
async function readModule(source) {
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return source;
    const location = source ?? new URL("./sigil.wasm", import.meta.url);
    const isNode = typeof process !== "undefined" && process.versions?.node;
    const isWeb = /^(https?|blob|data):/.test(String(location));
    if (isNode && !isWeb) {
        const { readFile } = await import("node:fs/promises");
        return readFile(location); // a file: URL or a path
    }
    const response = await fetch(location);
    if (!response.ok) throw new Error(`sigil.wasm: HTTP ${response.status}`);
    return response.arrayBuffer();
}
