import SigilBase64
import SigilHMAC
import SigilRSA
import SigilSHA2

/// A key bound to exactly one JWS algorithm, with an optional key ID.
///
/// The binding is what makes algorithm confusion impossible: an HMAC key only ever computes
/// an HMAC with its own hash, and an RSA key only ever checks an RSASSA-PKCS1-v1_5
/// signature. A token whose `alg` differs from the selected key's algorithm is rejected
/// before the key is used, so an RSA public key can never be turned into an HMAC secret
/// (the classic HS256/RS256 confusion), whatever the token says.
///
/// ```swift
/// let key = try JWTKey.hmac(Array(secret.utf8), algorithm: .hs256, keyID: "2026-11")
/// ```
public struct JWTKey: Sendable, CustomStringConvertible {
    /// The key material, already prepared for repeated use (HMAC pads absorbed once).
    /// Boxed (`indirect`), so that copying a key (into a key set, a verifier, a result) costs
    /// a reference count, not hundreds of bytes of hasher state.
    indirect enum Material: Sendable {
        case hmacSHA256(HMACKey<SHA256>)
        case hmacSHA384(HMACKey<SHA384>)
        case hmacSHA512(HMACKey<SHA512>)
        case rsaPublic(RSA.PublicKey)
        case rsaPrivate(RSA.PrivateKey)
    }

    /// The only algorithm this key signs or verifies with.
    public let algorithm: JWTAlgorithm
    /// The key ID matched against a token's `kid` header (RFC 7515 §4.1.4), and written
    /// into the header of tokens this key signs.
    public let keyID: String?

    let material: Material
    /// Whether the key may sign (a JWK's `key_ops` may forbid it; public keys cannot).
    let canSign: Bool
    /// Whether the key may verify (a JWK's `key_ops` may forbid it).
    let canVerify: Bool

    init(algorithm: JWTAlgorithm, keyID: String?, material: Material, canSign: Bool, canVerify: Bool) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.material = material
        self.canSign = canSign
        self.canVerify = canVerify
    }

    /// An HMAC key for `HS256`, `HS384` or `HS512` (RFC 7518 §3.2).
    ///
    /// - Parameters:
    ///   - secret: The shared secret; at least as long as the hash output (32, 48 or 64
    ///     bytes), as RFC 7518 §3.2 requires. Use a random secret, not a password.
    ///   - algorithm: `.hs256` (the default), `.hs384` or `.hs512`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.weakKey` if the secret is too short; `.invalidKey` if `algorithm` is not
    ///   an HMAC algorithm.
    public static func hmac(
        _ secret: some Sequence<UInt8>,
        algorithm: JWTAlgorithm = .hs256,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        let key = SymmetricKey(data: secret)
        guard key.bitCount / 8 >= algorithm.digestByteCount || !algorithm.isHMAC else {
            throw JWTError(
                .weakKey,
                "an \(algorithm) secret must be at least \(algorithm.digestByteCount) bytes (RFC 7518 §3.2)")
        }
        return try makeHMAC(key, algorithm: algorithm, keyID: keyID)
    }

    /// An HMAC key from the UTF-8 bytes of a string secret, such as an environment variable.
    ///
    /// - Parameters:
    ///   - secret: The shared secret; its UTF-8 encoding must be at least 32, 48 or 64 bytes.
    ///   - algorithm: `.hs256` (the default), `.hs384` or `.hs512`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.weakKey` if the secret is too short; `.invalidKey` if `algorithm` is not
    ///   an HMAC algorithm.
    public static func hmac(
        _ secret: String,
        algorithm: JWTAlgorithm = .hs256,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        try hmac(secret.utf8, algorithm: algorithm, keyID: keyID)
    }

    /// An HMAC key from a secret of any non-zero length, below RFC 7518 §3.2's minimum.
    ///
    /// - Warning: A short secret can be brute-forced from a single token. This exists only
    ///   to verify tokens of legacy systems; never issue tokens with it.
    ///
    /// - Parameters:
    ///   - secret: The shared secret, at least one byte.
    ///   - algorithm: `.hs256` (the default), `.hs384` or `.hs512`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.weakKey` if the secret is empty; `.invalidKey` if `algorithm` is not an
    ///   HMAC algorithm.
    public static func unsafeShortHMAC(
        _ secret: some Sequence<UInt8>,
        algorithm: JWTAlgorithm = .hs256,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        let key = SymmetricKey(data: secret)
        guard key.bitCount > 0 else { throw JWTError(.weakKey, "an HMAC secret cannot be empty") }
        return try makeHMAC(key, algorithm: algorithm, keyID: keyID)
    }

    private static func makeHMAC(
        _ key: SymmetricKey,
        algorithm: JWTAlgorithm,
        keyID: String?
    ) throws(JWTError) -> JWTKey {
        let material: Material
        switch algorithm {
        case .hs256: material = .hmacSHA256(HMACKey(key))
        case .hs384: material = .hmacSHA384(HMACKey(key))
        case .hs512: material = .hmacSHA512(HMACKey(key))
        default: throw JWTError(.invalidKey, "an HMAC secret cannot be used with \(algorithm)")
        }
        return JWTKey(algorithm: algorithm, keyID: keyID, material: material, canSign: true, canVerify: true)
    }

    /// Never shows key material.
    public var description: String {
        if let keyID { return "JWTKey(\(algorithm), kid: \(keyID))" }
        return "JWTKey(\(algorithm))"
    }

    /// Whether `signature` is a valid signature of `signingInput` under this key: the raw
    /// JWS check (RFC 7515 §5.2 step 8), with no header or claim processing.
    ///
    /// HMAC tags are compared in constant time.
    ///
    /// - Parameters:
    ///   - signature: The decoded signature bytes.
    ///   - signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    /// - Returns: `true` only for a valid signature; `false` also when the key's `key_ops`
    ///   forbid verification.
    public func isValidSignature(_ signature: some Sequence<UInt8>, for signingInput: some Sequence<UInt8>) -> Bool {
        let signature = Array(signature)
        let input = Array(signingInput)
        return signature.withUnsafeBytes { signature in
            input.withUnsafeBytes { input in isValidSignature(signature, for: input) }
        }
    }

    /// The signature of `signingInput` under this key (RFC 7515 §5.1 step 5).
    ///
    /// - Parameter signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    /// - Returns: The signature bytes.
    /// - Throws: `.invalidKey` if this key cannot sign (a public key, or `key_ops` forbids it).
    public func signature(for signingInput: some Sequence<UInt8>) throws(JWTError) -> [UInt8] {
        let input = Array(signingInput)
        var output: [UInt8] = []
        try input.withRawBytes { (input) throws(JWTError) in try appendSignature(for: input, to: &output) }
        return output
    }

    /// The non-generic verification core.
    func isValidSignature(_ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer) -> Bool {
        guard canVerify else { return false }
        switch material {
        case .hmacSHA256(let key): return Self.isValidTag(signature, key.authenticationCode(for: signingInput))
        case .hmacSHA384(let key): return Self.isValidTag(signature, key.authenticationCode(for: signingInput))
        case .hmacSHA512(let key): return Self.isValidTag(signature, key.authenticationCode(for: signingInput))
        case .rsaPublic(let key):
            return key.isValidSignature(signature, for: signingInput, hashAlgorithm: JWTKey.rsaHash(algorithm))
        case .rsaPrivate(let key):
            return key.publicKey.isValidSignature(
                signature, for: signingInput, hashAlgorithm: JWTKey.rsaHash(algorithm))
        }
    }

    /// The length of this key's signatures in bytes: the digest size for HMAC, the modulus
    /// size for RSA.
    var signatureByteCount: Int {
        switch material {
        case .hmacSHA256, .hmacSHA384, .hmacSHA512: algorithm.digestByteCount
        case .rsaPublic(let key): (key.keySizeInBits + 7) / 8
        case .rsaPrivate(let key): (key.keySizeInBits + 7) / 8
        }
    }

    private static func isValidTag<H: HashFunction>(
        _ signature: UnsafeRawBufferPointer,
        _ tag: HashedAuthenticationCode<H>
    ) -> Bool {
        // The tag length is public; only equal lengths are compared, in constant time.
        tag.withUnsafeBytes { tag in signature.count == tag.count && constantTimeEquals(signature, tag) }
    }

    /// Appends the raw signature of `signingInput` to `output`.
    func appendSignature(for signingInput: UnsafeRawBufferPointer, to output: inout [UInt8]) throws(JWTError) {
        guard canSign else { throw JWTError(.invalidKey, "this key may not sign") }
        switch material {
        case .hmacSHA256(let key):
            key.authenticationCode(for: signingInput).withUnsafeBytes { output.append(contentsOf: $0) }
        case .hmacSHA384(let key):
            key.authenticationCode(for: signingInput).withUnsafeBytes { output.append(contentsOf: $0) }
        case .hmacSHA512(let key):
            key.authenticationCode(for: signingInput).withUnsafeBytes { output.append(contentsOf: $0) }
        case .rsaPublic:
            throw JWTError(.invalidKey, "an RSA public key cannot sign")
        case .rsaPrivate(let key):
            output.append(contentsOf: try JWTKey.rsaSignature(key, signingInput, algorithm))
        }
    }

    /// Signs the bytes already in `token` (the signing input) and appends
    /// `'.' BASE64URL(signature)`, completing a compact serialization in place.
    func appendSignatureSegment(to token: inout [UInt8]) throws(JWTError) {
        guard canSign else { throw JWTError(.invalidKey, "this key may not sign") }
        switch material {
        case .hmacSHA256(let key): Self.appendTagSegment(key.authenticationCode(for: token), to: &token)
        case .hmacSHA384(let key): Self.appendTagSegment(key.authenticationCode(for: token), to: &token)
        case .hmacSHA512(let key): Self.appendTagSegment(key.authenticationCode(for: token), to: &token)
        case .rsaPublic:
            throw JWTError(.invalidKey, "an RSA public key cannot sign")
        case .rsaPrivate(let key):
            let signature = try token.withRawBytes { (input) throws(JWTError) in
                try JWTKey.rsaSignature(key, input, algorithm)
            }
            token.append(UInt8(ascii: "."))
            signature.withUnsafeBytes { Base64URL.encode($0, into: &token) }
        }
    }

    /// An RSASSA-PKCS1-v1_5 signature (SigilRSA verifies each one before returning it).
    private static func rsaSignature(
        _ key: RSA.PrivateKey,
        _ signingInput: UnsafeRawBufferPointer,
        _ algorithm: JWTAlgorithm
    ) throws(JWTError) -> [UInt8] {
        do {
            return try key.signature(for: signingInput, hashAlgorithm: rsaHash(algorithm))
        } catch {
            throw JWTError(.invalidKey, "RSA signing failed (\(error.code))")
        }
    }

    private static func appendTagSegment<H: HashFunction>(_ tag: HashedAuthenticationCode<H>, to token: inout [UInt8]) {
        token.append(UInt8(ascii: "."))
        tag.withUnsafeBytes { Base64URL.encode($0, into: &token) }
    }
}
