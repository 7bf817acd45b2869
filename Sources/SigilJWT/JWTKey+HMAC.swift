import SigilHMAC
import SigilJSON
import SigilSHA2

// The HMAC family: HS256, HS384 and HS512 (RFC 7518 §3.2).

extension JWTAlgorithm {
    /// HMAC using SHA-256 (RFC 7518 §3.2).
    public static let hs256 = JWTAlgorithm(registered: "HS256")
    /// HMAC using SHA-384 (RFC 7518 §3.2).
    public static let hs384 = JWTAlgorithm(registered: "HS384")
    /// HMAC using SHA-512 (RFC 7518 §3.2).
    public static let hs512 = JWTAlgorithm(registered: "HS512")

    /// The HMAC algorithms, shortest hash first.
    public static let hmacAlgorithms: [JWTAlgorithm] = [.hs256, .hs384, .hs512]
}

/// An HMAC secret, prepared for every HS algorithm it is long enough for.
///
/// RFC 7518 §3.2 requires a secret at least as long as the hash output: 32 bytes for
/// `HS256`, 48 for `HS384`, 64 for `HS512`. A 32-byte secret therefore supports `HS256`
/// only. The inner and outer pads are absorbed once here, so each token costs two
/// compressions of its own data.
public struct HMACKeyMaterial: JWTKeyMaterial {
    private let sha256: HMACKey<SHA256>
    private let sha384: HMACKey<SHA384>?
    private let sha512: HMACKey<SHA512>?

    /// A secret of at least 32 bytes.
    ///
    /// - Parameter secret: The shared secret. Use random bytes, not a password.
    /// - Throws: `.weakKey` if the secret is shorter than 32 bytes (RFC 7518 §3.2).
    public init(secret: some Sequence<UInt8>) throws(JWTError) {
        let key = SymmetricKey(data: secret)
        let byteCount = key.bitCount / 8
        guard byteCount >= SHA256.byteCount else {
            throw JWTError(.weakKey, "an HMAC secret must be at least 32 bytes (RFC 7518 §3.2)")
        }
        self.init(key, allowingAll: false)
    }

    /// A secret of any non-zero length, usable with every HS algorithm.
    ///
    /// - Warning: A short secret can be brute-forced from a single token. This exists only
    ///   to verify tokens of legacy systems; never issue tokens with it.
    /// - Parameter secret: The shared secret, at least one byte.
    /// - Throws: `.weakKey` if the secret is empty.
    public init(unsafeShortSecret secret: some Sequence<UInt8>) throws(JWTError) {
        let key = SymmetricKey(data: secret)
        guard key.bitCount > 0 else { throw JWTError(.weakKey, "an HMAC secret cannot be empty") }
        self.init(key, allowingAll: true)
    }

    private init(_ key: SymmetricKey, allowingAll: Bool) {
        let byteCount = key.bitCount / 8
        sha256 = HMACKey(key)
        sha384 = allowingAll || byteCount >= SHA384.byteCount ? HMACKey(key) : nil
        sha512 = allowingAll || byteCount >= SHA512.byteCount ? HMACKey(key) : nil
    }

    /// The algorithm a key of this family uses when none is named.
    public var defaultAlgorithm: JWTAlgorithm { .hs256 }
    /// Always `true`: a shared secret both signs and verifies.
    public var canSign: Bool { true }
    /// Symmetric keys have no public half.
    public var publicJWKMembers: [(name: String, value: String)]? { nil }

    /// Whether the key can be used with `algorithm`.
    public func supports(_ algorithm: JWTAlgorithm) -> Bool {
        switch algorithm {
        case .hs256: true
        case .hs384: sha384 != nil
        case .hs512: sha512 != nil
        default: false
        }
    }

    /// The length of a signature made with `algorithm`.
    public func signatureByteCount(for algorithm: JWTAlgorithm) -> Int {
        switch algorithm {
        case .hs384: SHA384.byteCount
        case .hs512: SHA512.byteCount
        default: SHA256.byteCount
        }
    }

    /// Whether `signature` is valid for `signingInput` under `algorithm`.
    public func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        switch algorithm {
        case .hs256: Self.isValidTag(signature, sha256.authenticationCode(for: signingInput))
        case .hs384: sha384.map { Self.isValidTag(signature, $0.authenticationCode(for: signingInput)) } ?? false
        case .hs512: sha512.map { Self.isValidTag(signature, $0.authenticationCode(for: signingInput)) } ?? false
        default: false
        }
    }

    /// Signs `signingInput` with `algorithm` and appends the signature to `output`.
    public func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError) {
        switch algorithm {
        case .hs256:
            sha256.authenticationCode(for: signingInput).withUnsafeBytes { output.append(contentsOf: $0) }
        case .hs384:
            guard let sha384 else { throw JWTError(.weakKey, "the secret is too short for HS384") }
            sha384.authenticationCode(for: signingInput).withUnsafeBytes { output.append(contentsOf: $0) }
        case .hs512:
            guard let sha512 else { throw JWTError(.weakKey, "the secret is too short for HS512") }
            sha512.authenticationCode(for: signingInput).withUnsafeBytes { output.append(contentsOf: $0) }
        default:
            throw JWTError(.invalidKey, "an HMAC secret cannot be used with \(algorithm)")
        }
    }

    private static func isValidTag<H: HashFunction>(
        _ signature: UnsafeRawBufferPointer,
        _ tag: HashedAuthenticationCode<H>
    ) -> Bool {
        // The tag length is public; only equal lengths are compared, in constant time.
        tag.withUnsafeBytes { tag in signature.count == tag.count && constantTimeEquals(signature, tag) }
    }
}

extension JWTKey {
    /// An HMAC key for `HS256`, `HS384` or `HS512` (RFC 7518 §3.2).
    ///
    /// - Parameters:
    ///   - secret: The shared secret; at least as long as the hash output (32, 48 or 64
    ///     bytes), as RFC 7518 §3.2 requires. Use a random secret, not a password.
    ///   - algorithm: The algorithm to pin the key to, or `nil` (the default): the key then
    ///     signs with `HS256` and verifies whichever HS algorithm the verifier allows and the
    ///     secret is long enough for.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.weakKey` if the secret is too short for `algorithm` (or for `HS256`);
    ///   `.invalidKey` if `algorithm` is not an HMAC algorithm.
    public static func hmac(
        _ secret: some Sequence<UInt8>,
        algorithm: JWTAlgorithm? = nil,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        let material = try HMACKeyMaterial(secret: secret)
        if let algorithm, JWTAlgorithm.hmacAlgorithms.contains(algorithm), !material.supports(algorithm) {
            throw JWTError(
                .weakKey,
                "an \(algorithm) secret must be at least \(material.signatureByteCount(for: algorithm)) bytes "
                    + "(RFC 7518 §3.2)")
        }
        return try JWTKey(material, algorithm: algorithm, keyID: keyID)
    }

    /// An HMAC key from the UTF-8 bytes of a string secret, such as an environment variable.
    ///
    /// - Parameters:
    ///   - secret: The shared secret; its UTF-8 encoding must be at least 32, 48 or 64 bytes.
    ///   - algorithm: The algorithm to pin the key to, or `nil` (see `hmac(_:algorithm:keyID:)`).
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.weakKey` if the secret is too short; `.invalidKey` if `algorithm` is not
    ///   an HMAC algorithm.
    public static func hmac(
        _ secret: String,
        algorithm: JWTAlgorithm? = nil,
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
    ///   - algorithm: The algorithm to pin the key to, or `nil`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.weakKey` if the secret is empty; `.invalidKey` if `algorithm` is not an
    ///   HMAC algorithm.
    public static func unsafeShortHMAC(
        _ secret: some Sequence<UInt8>,
        algorithm: JWTAlgorithm? = nil,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        try JWTKey(HMACKeyMaterial(unsafeShortSecret: secret), algorithm: algorithm, keyID: keyID)
    }

    /// An `oct` JWK's key (RFC 7518 §6.4): the secret in `k`.
    static func hmacJWK(_ object: JSONObject) throws(JWTError) -> JWTKeyStorage {
        TypedKeyStorage(try HMACKeyMaterial(secret: try jwkBytes(object, "k")))
    }
}
