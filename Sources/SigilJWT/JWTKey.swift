import SigilBase64

/// A key for signing or verifying JWS, of any algorithm family, with an optional key ID.
///
/// A key's material (an HMAC secret, an RSA key, …) decides which algorithms it can be
/// used with, so algorithm confusion is impossible: a token whose `alg` the key does not
/// support is rejected before the key is used, and an RSA public key can never be turned
/// into an HMAC secret (the classic HS256/RS256 confusion), whatever the token says.
///
/// A key may also be **pinned** to one algorithm. A key that names its algorithm (a JWK
/// with `alg`, or a factory given `algorithm:`) is pinned and verifies only that
/// algorithm. A key that does not (a raw secret, a PEM key, a JWK without `alg`) takes the
/// algorithm the verifier names: any algorithm of its family in the verifier's
/// `allowedAlgorithms`, or, without an allow-list, only its family's default (`HS256`,
/// `RS256`, …). Signing always uses `algorithm`.
///
/// ```swift
/// let key = try JWTKey.hmac(Array(secret.utf8), algorithm: .hs256, keyID: "2026-11")
/// ```
public struct JWTKey: Sendable, CustomStringConvertible {
    /// The algorithm this key signs with, and the only one it verifies when pinned.
    public let algorithm: JWTAlgorithm
    /// Whether the key verifies only `algorithm` (see the type's documentation).
    public let isAlgorithmPinned: Bool
    /// The key ID matched against a token's `kid` header (RFC 7515 §4.1.4), and written
    /// into the header of tokens this key signs.
    public let keyID: String?

    /// The material, type-erased; a reference, so copying a key costs a reference count.
    let storage: JWTKeyStorage
    /// Whether the key may sign (it holds a secret or private key, and a JWK's `key_ops`
    /// does not forbid it).
    public let canSign: Bool
    /// Whether the key may verify (a JWK's `key_ops` may forbid it).
    public let canVerify: Bool

    init(
        storage: JWTKeyStorage, algorithm: JWTAlgorithm, isAlgorithmPinned: Bool, keyID: String?, canSign: Bool,
        canVerify: Bool
    ) {
        self.storage = storage
        self.algorithm = algorithm
        self.isAlgorithmPinned = isAlgorithmPinned
        self.keyID = keyID
        self.canSign = canSign && storage.canSign
        self.canVerify = canVerify
    }

    /// A key from the material of any algorithm family.
    ///
    /// - Parameters:
    ///   - material: The key material (for example `HMACKeyMaterial` or `RSAKeyMaterial`).
    ///   - algorithm: The algorithm to pin the key to, or `nil` to let the verifier name it
    ///     (see the type's documentation); signing then uses the family's default.
    ///   - keyID: The key ID, or `nil`.
    /// - Throws: `.invalidKey` if the material does not support `algorithm`.
    public init<Material: JWTKeyMaterial>(
        _ material: Material, algorithm: JWTAlgorithm? = nil, keyID: String? = nil
    ) throws(JWTError) {
        if let algorithm, !material.supports(algorithm) {
            throw JWTError(.invalidKey, "this key cannot be used with \(algorithm)")
        }
        self.init(
            storage: TypedKeyStorage(material), algorithm: algorithm ?? material.defaultAlgorithm,
            isAlgorithmPinned: algorithm != nil, keyID: keyID, canSign: true, canVerify: true)
    }

    /// Never shows key material.
    public var description: String {
        if let keyID { return "JWTKey(\(algorithm), kid: \(keyID))" }
        return "JWTKey(\(algorithm))"
    }

    /// Whether the key may verify a token whose header names `algorithm`, given the
    /// verifier's allow-list (already checked to contain `algorithm` when set).
    func accepts(_ algorithm: JWTAlgorithm, allowed: Set<JWTAlgorithm>?) -> Bool {
        if algorithm == self.algorithm { return true }
        guard !isAlgorithmPinned, allowed != nil else { return false }
        return storage.supports(algorithm)
    }

    /// The same key with other permitted operations (a JWK's `key_ops`).
    func restricted(canSign: Bool, canVerify: Bool) -> JWTKey {
        JWTKey(
            storage: storage, algorithm: algorithm, isAlgorithmPinned: isAlgorithmPinned, keyID: keyID,
            canSign: self.canSign && canSign, canVerify: self.canVerify && canVerify)
    }

    /// The same key pinned to `algorithm`, or unpinned with `nil`.
    ///
    /// - Parameter algorithm: The algorithm, which the key's material must support.
    /// - Returns: The key.
    /// - Throws: `.invalidKey` if the material does not support `algorithm`.
    public func withAlgorithm(_ algorithm: JWTAlgorithm?) throws(JWTError) -> JWTKey {
        if let algorithm, !storage.supports(algorithm) {
            throw JWTError(.invalidKey, "this key cannot be used with \(algorithm)")
        }
        return JWTKey(
            storage: storage, algorithm: algorithm ?? storage.defaultAlgorithm, isAlgorithmPinned: algorithm != nil,
            keyID: keyID, canSign: canSign, canVerify: canVerify)
    }

    /// Whether the key's material can be used with `algorithm` at all (pinned or not).
    ///
    /// - Parameter algorithm: An algorithm.
    /// - Returns: `true` if the material supports it.
    public func supports(_ algorithm: JWTAlgorithm) -> Bool { storage.supports(algorithm) }

    /// Whether `signature` is a valid signature of `signingInput` under this key and its
    /// `algorithm`: the raw JWS check (RFC 7515 §5.2 step 8), with no header or claim
    /// processing.
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
            input.withUnsafeBytes { input in isValidSignature(signature, for: input, algorithm: algorithm) }
        }
    }

    /// The signature of `signingInput` under this key (RFC 7515 §5.1 step 5).
    ///
    /// - Parameter signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    /// - Returns: The signature bytes.
    /// - Throws: `.invalidKey` if this key cannot sign (a public key, or `key_ops` forbids
    ///   it); `.signingFailed` if the primitive fails.
    public func signature(for signingInput: some Sequence<UInt8>) throws(JWTError) -> [UInt8] {
        let input = Array(signingInput)
        var output: [UInt8] = []
        try input.withRawBytes { (input) throws(JWTError) in try appendSignature(for: input, to: &output) }
        return output
    }

    /// The non-generic verification core.
    func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        guard canVerify else { return false }
        return storage.isValidSignature(signature, for: signingInput, algorithm: algorithm)
    }

    /// Appends the raw signature of `signingInput` to `output`.
    func appendSignature(for signingInput: UnsafeRawBufferPointer, to output: inout [UInt8]) throws(JWTError) {
        guard canSign else { throw JWTError(.invalidKey, "this key may not sign") }
        try storage.appendSignature(for: signingInput, algorithm: algorithm, to: &output)
    }

    /// Signs the bytes already in `token` (the signing input) and appends
    /// `'.' BASE64URL(signature)`, completing a compact serialization in place.
    func appendSignatureSegment(to token: inout [UInt8]) throws(JWTError) {
        guard canSign else { throw JWTError(.invalidKey, "this key may not sign") }
        var signature: [UInt8] = []
        signature.reserveCapacity(64)
        try token.withRawBytes { (input) throws(JWTError) in
            try storage.appendSignature(for: input, algorithm: algorithm, to: &signature)
        }
        token.append(UInt8(ascii: "."))
        signature.withUnsafeBytes { Base64URL.encode($0, into: &token) }
    }
}
