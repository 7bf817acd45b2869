import SigilJSON

// The C ABI of sigil.wasm. Every function takes its arguments as (pointer, length) pairs of
// UTF-8 in the module's memory and returns a result buffer (see `ModuleResult`) holding one
// JSON object. Results use the error codes of `sigil-token verify` (`JWTError.Code`
// names), plus `invalidRequest` for options the module cannot read.

/// Shows a token's header and payload without verifying anything, as `sigil-token decode`.
///
/// The result is `{"verified":false,"header":{…},"payload":{…},"signatureBytes":N}`, with a
/// payload that is not JSON given as a string; or `{"error":"malformed","message":"…"}`.
///
/// - Parameters:
///   - token: The compact serialization's UTF-8; surrounding whitespace is ignored.
///   - tokenCount: Its length in bytes.
/// - Returns: A result buffer, to be freed with `sigil_free`.
@_cdecl("sigil_decode")
public func sigilDecode(_ token: UnsafeRawPointer?, _ tokenCount: Int) -> UnsafeMutableRawPointer {
    ModuleResult.make(TokenInspection.decode(trimmed(HostBytes(token, tokenCount).bytes)))
}

/// Verifies a token as `sigil-token verify` does, with the key material and options given.
///
/// The result is `{"valid":true,"header":{…},"payload":{…},"algorithm":"…","keyType":"…"}`
/// or `{"valid":false,"error":"<code>","message":"…"}`.
///
/// Options (a JSON object; every member optional except `now`):
/// `now` (seconds since the Unix epoch), `algorithms` (allowed `alg` names), `issuers`,
/// `audiences`, `leeway` (seconds, default 60), `require` (claim names), `type` (pinned
/// `typ`), `requireExpiration` (default `true`), `keyFormat` (`"auto"`, `"text"`,
/// `"base64"` or `"hex"`: how a secret is written), `allowShortSecret` (default `false`).
///
/// - Parameters:
///   - token: The compact serialization's UTF-8; surrounding whitespace is ignored.
///   - tokenCount: Its length in bytes.
///   - key: The key material: a secret, a PEM public key, a JWK or a JWK Set.
///   - keyCount: Its length in bytes.
///   - options: The options' JSON.
///   - optionsCount: Its length in bytes.
/// - Returns: A result buffer, to be freed with `sigil_free`.
@_cdecl("sigil_verify")
public func sigilVerify(
    _ token: UnsafeRawPointer?, _ tokenCount: Int,
    _ key: UnsafeRawPointer?, _ keyCount: Int,
    _ options: UnsafeRawPointer?, _ optionsCount: Int
) -> UnsafeMutableRawPointer {
    let result: [UInt8]
    do throws(RequestError) {
        let request = try VerifyRequest(
            token: trimmed(HostBytes(token, tokenCount).bytes), key: HostBytes(key, keyCount).bytes,
            options: HostBytes(options, optionsCount).bytes)
        result = JWTGlue.verify(request)
    } catch {
        result = failure(verification: true, code: error.code, message: error.message)
    }
    return ModuleResult.make(result)
}

/// Signs a header and a payload with a secret or a private key, for test tokens.
///
/// The header's `alg` is set to the algorithm used. The result is
/// `{"token":"…","header":{…},"payload":{…}}` or `{"error":"<code>","message":"…"}`.
///
/// Options (a JSON object, every member optional): `algorithm` (default: the header's
/// `alg`), `keyFormat`, `allowShortSecret` (as for `sigil_verify`).
///
/// - Parameters:
///   - header: The JOSE header's JSON.
///   - headerCount: Its length in bytes.
///   - payload: The claims' JSON.
///   - payloadCount: Its length in bytes.
///   - key: The key material: a secret, a PEM private key or a JWK.
///   - keyCount: Its length in bytes.
///   - options: The options' JSON.
///   - optionsCount: Its length in bytes.
/// - Returns: A result buffer, to be freed with `sigil_free`.
@_cdecl("sigil_sign")
public func sigilSign(
    _ header: UnsafeRawPointer?, _ headerCount: Int,
    _ payload: UnsafeRawPointer?, _ payloadCount: Int,
    _ key: UnsafeRawPointer?, _ keyCount: Int,
    _ options: UnsafeRawPointer?, _ optionsCount: Int
) -> UnsafeMutableRawPointer {
    let result: [UInt8]
    do throws(RequestError) {
        let request = try SignRequest(
            header: HostBytes(header, headerCount).bytes, payload: HostBytes(payload, payloadCount).bytes,
            key: HostBytes(key, keyCount).bytes, options: HostBytes(options, optionsCount).bytes)
        result = JWTGlue.sign(request)
    } catch {
        result = failure(verification: false, code: error.code, message: error.message)
    }
    return ModuleResult.make(result)
}

/// The algorithms this build implements, in order:
/// `{"algorithms":[{"name":"HS256","key":"secret"},{"name":"RS256","key":"asymmetric"},…]}`.
///
/// - Returns: A result buffer, to be freed with `sigil_free`.
@_cdecl("sigil_algorithms")
public func sigilAlgorithms() -> UnsafeMutableRawPointer {
    var writer = JSONWriter(capacity: 256)
    writer.writeRaw("{\"algorithms\":[")
    for (index, algorithm) in JWTGlue.algorithms().enumerated() {
        if index > 0 { writer.writeRaw(",") }
        writer.writeRaw("{\"name\":")
        writer.writeString(algorithm.name)
        writer.writeRaw(",\"key\":")
        writer.writeString(algorithm.usesSecret ? "secret" : "asymmetric")
        writer.writeRaw("}")
    }
    writer.writeRaw("]}")
    return ModuleResult.make(writer.bytes)
}

/// `{"error":…,"message":…}`, led by `"valid":false` for verification results.
func failure(verification: Bool, code: String, message: String) -> [UInt8] {
    var writer = JSONWriter(capacity: 128)
    writer.writeRaw(verification ? "{\"valid\":false,\"error\":" : "{\"error\":")
    writer.writeString(code)
    writer.writeRaw(",\"message\":")
    writer.writeString(message)
    writer.writeRaw("}")
    return writer.bytes
}

/// `bytes` without leading and trailing spaces, tabs and line breaks, as `sigil-token` reads
/// its TOKEN argument.
func trimmed(_ bytes: [UInt8]) -> [UInt8] {
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    return start == 0 && end == bytes.count ? bytes : Array(bytes[start..<end])
}

/// Whether `byte` is a space, a tab, a line feed or a carriage return.
func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
}
