import SigilBase64
import SigilJSON

/// Verifies JWS compact serializations (RFC 7515 §5.2) and validates their claims
/// (RFC 7519 §7.2) with a fixed set of keys and options.
///
/// Every decision is the verifier's, never the token's. In order:
/// 1. A token longer than `options.maximumTokenBytes` is rejected unread (`.tokenTooLarge`).
/// 2. It must split into exactly three segments (`.malformed`), read in place.
/// 3. The header is decoded (strict base64url, strict JSON without duplicate members) and
///    checked: `alg` (never `none`), `crit`, `kid`, `typ`.
/// 4. The key is selected by `kid` (see `JWTKeySet`); its algorithm must equal `alg`, and
///    `alg` must be in `options.allowedAlgorithms` if that is set.
/// 5. The signature is checked over the received bytes of `header '.' payload`
///    (`.invalidSignature`). Nothing in the payload has been read at this point, so a
///    token with a bad signature never reports a claim error.
/// 6. The payload is decoded and its claims validated by `options`.
///
/// ```swift
/// let verifier = JWTVerifier(keys: JWTKeySet(try .hmac(secret)))
/// let token = try verifier.verify(text)
/// print(token.claims.subject ?? "")
/// ```
public struct JWTVerifier: Sendable {
    /// A header segment already validated for a key, so that the usual headers skip
    /// decoding and parsing.
    ///
    /// It is a pure cache: the same bytes always give the same result.
    struct KnownHeader: Sendable {
        let segment: [UInt8]
        let header: ProtectedHeader
    }

    /// The configuration, shared: copying a verifier (as every call on it may) is one
    /// reference count, not one per key, set and option.
    final class Configuration: Sendable {
        let keys: JWTKeySet
        let options: JWTValidationOptions
        let knownHeaders: [KnownHeader]

        init(keys: JWTKeySet, options: JWTValidationOptions, knownHeaders: [KnownHeader]) {
            self.keys = keys
            self.options = options
            self.knownHeaders = knownHeaders
        }
    }

    let configuration: Configuration

    /// The trusted keys.
    public var keys: JWTKeySet { configuration.keys }
    /// The checks applied.
    public var options: JWTValidationOptions { configuration.options }

    /// The JSON limits for payloads: tokens are small, flat documents.
    static let payloadLimits = JSONLimits(maximumDepth: 32)

    /// A verifier for a set of keys.
    ///
    /// - Parameters:
    ///   - keys: The trusted keys.
    ///   - options: The validation options; strict by default.
    public init(keys: JWTKeySet, options: JWTValidationOptions = JWTValidationOptions()) {
        var known: [KnownHeader] = []
        for key in keys.keys {
            // Every member order, so that writers other than Sigil (jwt-kit's order varies)
            // hit the cache too.
            let forms = ["JWT", nil].flatMap { (type: String?) in
                ProtectedHeader.jsonForms(algorithm: key.algorithm, keyID: key.keyID, type: type)
            }
            for json in forms {
                var segment: [UInt8] = []
                json.withUnsafeBytes { Base64URL.encode($0, into: &segment) }
                // Run the same checks a token with this header gets; cache only what passes.
                let checked = json.withUnsafeBytes { (json) -> ProtectedHeader? in
                    try? ProtectedHeader(json: json, expectedType: options.expectedType)
                }
                if let checked { known.append(KnownHeader(segment: segment, header: checked)) }
            }
        }
        self.configuration = Configuration(keys: keys, options: options, knownHeaders: known)
    }

    /// A verifier for one key.
    ///
    /// - Parameters:
    ///   - key: The trusted key.
    ///   - options: The validation options; strict by default.
    public init(key: JWTKey, options: JWTValidationOptions = JWTValidationOptions()) {
        self.init(keys: JWTKeySet(key), options: options)
    }

    /// Verifies a JWT: signature first, then the claims.
    ///
    /// - Parameter token: The compact serialization.
    /// - Returns: The header and the validated claims.
    /// - Throws: `JWTError`; see the type's documentation for the order of checks.
    public func verify(_ token: String) throws(JWTError) -> VerifiedJWT {
        try checkSize(token.utf8.count)
        return try withBytes(of: token) { (bytes) throws(JWTError) in try verify(bytes: bytes) }
    }

    /// Verifies a JWT given as UTF-8 bytes (see `verify(_:)`).
    ///
    /// - Parameter token: The compact serialization's bytes.
    /// - Returns: The header and the validated claims.
    /// - Throws: `JWTError`.
    public func verify(utf8 token: some Collection<UInt8>) throws(JWTError) -> VerifiedJWT {
        try checkSize(token.count)
        return try withBytes(of: token) { (bytes) throws(JWTError) in try verify(bytes: bytes) }
    }

    /// Verifies only the signature of a JWS (RFC 7515 §5.2), with every header and key rule
    /// of `verify(_:)`, but without reading the payload as claims.
    ///
    /// The payload may be any bytes.
    ///
    /// - Parameter token: The compact serialization.
    /// - Returns: The header and the payload bytes.
    /// - Throws: `JWTError`: anything `verify(_:)` throws before the claims.
    public func verifySignature(_ token: String) throws(JWTError) -> VerifiedJWS {
        try checkSize(token.utf8.count)
        return try withBytes(of: token) { (bytes) throws(JWTError) in
            let (header, key, payload) = try verifySignature(bytes: bytes)
            return VerifiedJWS(
                header: header.object, algorithm: header.algorithm, keyID: key.keyID, payload: payload)
        }
    }

    /// The non-generic core of `verify`.
    func verify(bytes token: UnsafeRawBufferPointer) throws(JWTError) -> VerifiedJWT {
        let (header, key, payload, claims) = try validatedClaims(bytes: token)
        return VerifiedJWT(
            header: header.object, claims: JWTClaims(claims), algorithm: header.algorithm, keyID: key.keyID,
            payload: payload, key: key)
    }

    /// Steps 1 to 5, then the payload parsed as a JSON object and its claims validated: what
    /// `verify` and the Codable `verify(_:as:)` share.
    func validatedClaims(
        bytes token: UnsafeRawBufferPointer
    ) throws(JWTError) -> (ProtectedHeader, JWTKey, [UInt8], JSONObject) {
        let (header, key, payload) = try verifySignature(bytes: token)
        let value: JSONValue
        do {
            value = try payload.withRawBytes { (json) throws(JSONError) in
                try JSONValue.parse(json, limits: JWTVerifier.payloadLimits)
            }
        } catch {
            throw JWTError(.malformed, "the payload is not valid JSON (\(error.reason))")
        }
        guard case .object(let claims) = value else {
            throw JWTError(.malformed, "the payload is not a JSON object")
        }
        try configuration.options.validate(claims, now: configuration.options.clock.now())
        return (header, key, payload, claims)
    }

    /// Steps 1 to 5, then the payload read onto a tape (not a `JSONValue` tree) and its
    /// claims validated: what the Codable `verify(_:as:)` decodes from.
    func validatedTape(bytes token: UnsafeRawBufferPointer) throws(JWTError) -> (JWTKey, JSONTape) {
        let (_, key, payload) = try verifySignature(bytes: token)
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: payload, limits: JWTVerifier.payloadLimits)
        } catch {
            throw JWTError(.malformed, "the payload is not valid JSON (\(error.reason))")
        }
        guard tape.entries[0].kind == .object else { throw JWTError(.malformed, "the payload is not a JSON object") }
        try configuration.options.validate(tape, now: configuration.options.clock.now())
        return (key, tape)
    }

    /// Steps 1 to 5: everything up to and including the signature, then the payload bytes.
    func verifySignature(
        bytes token: UnsafeRawBufferPointer
    ) throws(JWTError) -> (ProtectedHeader, JWTKey, [UInt8]) {
        try checkSize(token.count)
        let parts = try CompactSerialization(splitting: token)

        let header = try protectedHeader(token.slice(parts.header))
        if let allowed = configuration.options.allowedAlgorithms, !allowed.contains(header.algorithm) {
            throw JWTError(.algorithmNotAllowed, "the token's alg is not in the verifier's allowed algorithms")
        }
        let key = try configuration.keys.select(
            keyID: header.keyID, algorithm: header.algorithm, allowed: configuration.options.allowedAlgorithms)

        // One buffer holds the decoded signature, then the decoded payload.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(max(parts.signature.count, parts.payload.count) / 4 * 3 + 3)
        try decodeSegment(token.slice(parts.signature), "signature", into: &buffer)
        let valid = buffer.withUnsafeBytes { signature in
            key.isValidSignature(signature, for: token.slice(parts.signingInput), algorithm: header.algorithm)
        }
        guard valid else { throw JWTError(.invalidSignature, "the signature does not verify") }

        buffer.removeAll(keepingCapacity: true)
        try decodeSegment(token.slice(parts.payload), "payload", into: &buffer)
        return (header, key, buffer)
    }

    private func protectedHeader(_ segment: UnsafeRawBufferPointer) throws(JWTError) -> ProtectedHeader {
        for known in configuration.knownHeaders where known.segment.count == segment.count {
            let same = known.segment.withUnsafeBytes { ByteWord.equal($0, segment) }
            if same { return known.header }
        }
        let json = try decodeSegment(segment, "header")
        return try json.withRawBytes { (json) throws(JWTError) in
            try ProtectedHeader(json: json, expectedType: configuration.options.expectedType)
        }
    }

    private func decodeSegment(_ segment: UnsafeRawBufferPointer, _ name: StaticString) throws(JWTError) -> [UInt8] {
        var output: [UInt8] = []
        try decodeSegment(segment, name, into: &output)
        return output
    }

    private func decodeSegment(
        _ segment: UnsafeRawBufferPointer,
        _ name: StaticString,
        into output: inout [UInt8]
    ) throws(JWTError) {
        do {
            try Base64URL.decode(segment, into: &output)
        } catch {
            throw JWTError(.malformed, "the \(name) segment is not canonical base64url (\(error.code))")
        }
    }

    private func checkSize(_ count: Int) throws(JWTError) {
        guard count <= configuration.options.maximumTokenBytes else {
            throw JWTError(.tokenTooLarge, "the token is longer than \(configuration.options.maximumTokenBytes) bytes")
        }
    }
}

/// Runs `body` over the bytes of `bytes`, in place when they are contiguous.
func withBytes<Bytes: Sequence, R, E: Error>(
    of bytes: Bytes,
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
) throws(E) -> R where Bytes.Element == UInt8 {
    let result = bytes.withContiguousStorageIfAvailable { buffer in
        Result { () throws(E) -> R in try body(UnsafeRawBufferPointer(buffer)) }
    }
    if let result { return try result.get() }
    return try Array(bytes).withRawBytes(body)
}

/// Runs `body` over the UTF-8 of `text`, in place for native strings.
func withBytes<R, E: Error>(
    of text: String,
    _ body: (UnsafeRawBufferPointer) throws(E) -> R
) throws(E) -> R {
    try withBytes(of: text.utf8, body)
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` with a typed error.
    func withRawBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        // withUnsafeBytes rethrows an untyped error; carry the typed one across it.
        try withUnsafeBytes { buffer in Result { () throws(E) -> R in try body(buffer) } }.get()
    }
}
