import SigilBase64
import SigilJSON

/// Signs JWTs with one key, producing JWS compact serializations (RFC 7515 §7.1).
///
/// The header segment for the key (`{"alg":…,"kid":…,"typ":"JWT"}`, base64url) is built
/// once, when the signer is made. Each signature then assembles the token in one buffer:
/// the cached header segment, the payload encoded in place, and the signature over exactly
/// those bytes.
///
/// ```swift
/// let signer = JWTSigner(key: try .hmac(secret))
/// var claims = JWTClaims()
/// claims.subject = "user_admin"
/// claims.expiration = now + 3600
/// let token = try signer.sign(claims)
/// ```
public struct JWTSigner: Sendable {
    /// The signing key.
    public let key: JWTKey
    /// `BASE64URL(header) '.'`, computed once.
    let headerPrefix: [UInt8]

    /// A signer.
    ///
    /// - Parameters:
    ///   - key: The signing key; its algorithm and ID go into the header.
    ///   - type: The header's `typ`, `"JWT"` by default (RFC 7519 §5.1), or `nil` to omit it.
    public init(key: JWTKey, type: String? = "JWT") {
        self.key = key
        let json = ProtectedHeader.canonicalJSON(algorithm: key.algorithm, keyID: key.keyID, type: type)
        var prefix: [UInt8] = []
        json.withUnsafeBytes { Base64URL.encode($0, into: &prefix) }
        prefix.append(UInt8(ascii: "."))
        self.headerPrefix = prefix
    }

    /// Signs a claims set.
    ///
    /// The claims are written as compact JSON in their order; nothing is added. Set `exp`
    /// yourself (verifiers require it by default).
    ///
    /// - Parameter claims: The claims.
    /// - Returns: The token.
    /// - Throws: `.invalidKey` if the key cannot sign (a public key, or a JWK whose
    ///   `key_ops` forbid signing).
    public func sign(_ claims: JWTClaims) throws(JWTError) -> String {
        var writer = JSONWriter(capacity: 256)
        writer.write(.object(claims.object))
        return try sign(json: writer.bytes)
    }

    /// Signs arbitrary payload bytes as a JWS (the payload is not checked to be JSON).
    ///
    /// - Parameter payload: The payload, e.g. JSON text made elsewhere.
    /// - Returns: The compact serialization.
    /// - Throws: `.invalidKey` if the key cannot sign.
    public func sign(payload: some Sequence<UInt8>) throws(JWTError) -> String {
        try withBytes(of: payload) { (bytes) throws(JWTError) in try sign(payloadBytes: bytes) }
    }

    /// Signs JSON written directly by `write`, without building a claims object: the fast
    /// path of `JWTProvider.createToken`.
    func sign(writing write: (inout JSONWriter) -> Void) throws(JWTError) -> String {
        var writer = JSONWriter(capacity: 256)
        write(&writer)
        return try sign(json: writer.bytes)
    }

    private func sign(json: [UInt8]) throws(JWTError) -> String {
        try json.withRawBytes { (bytes) throws(JWTError) in try sign(payloadBytes: bytes) }
    }

    /// The core: one buffer, sized once, becomes the token.
    func sign(payloadBytes payload: UnsafeRawBufferPointer) throws(JWTError) -> String {
        var token: [UInt8] = []
        let signatureByteCount = key.storage.signatureByteCount(for: key.algorithm)
        token.reserveCapacity(
            headerPrefix.count + (payload.count + 2) / 3 * 4 + 1 + (signatureByteCount + 2) / 3 * 4)
        token.append(contentsOf: headerPrefix)
        Base64URL.encode(payload, into: &token)
        try key.appendSignatureSegment(to: &token)
        return token.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                _ = output.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
