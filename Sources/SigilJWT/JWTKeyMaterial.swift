/// The key material of one algorithm family: what a family (HMAC, RSASSA-PKCS1-v1_5, …)
/// implements so that `JWTKey`, `JWTKeySet`, `JWTSigner` and `JWTVerifier` can use it.
///
/// A family lives in its own files: a type conforming to this protocol, the `JWTAlgorithm`
/// names it implements, `JWTKey` factory methods, and a JWK reader registered in
/// `JWTKey.jwkReaders`. Nothing else switches on the family. Dispatch is static inside a
/// family; a `JWTKey` erases the material's type with a generic class (no existential), so
/// the verification core compiles as Embedded Swift.
///
/// Conforming types decide everything about their keys' algorithms: a key may verify only
/// with algorithms its material `supports(_:)`, so an RSA public key can never be used as
/// an HMAC secret, whatever a token's header says.
public protocol JWTKeyMaterial: Sendable {
    /// The algorithm used when neither the key nor the verifier names one: `HS256` for an
    /// HMAC secret, `RS256` for an RSA key.
    var defaultAlgorithm: JWTAlgorithm { get }

    /// Whether the material holds what signing needs (a secret or a private key).
    var canSign: Bool { get }

    /// Whether this material can sign and verify with `algorithm`: the algorithm belongs to
    /// the family, and the key is strong enough for it (an HMAC secret at least as long as
    /// the hash output, a P-256 key only for ES256).
    ///
    /// - Parameter algorithm: A registered algorithm.
    /// - Returns: `true` if the key may be used with it.
    func supports(_ algorithm: JWTAlgorithm) -> Bool

    /// The length in bytes of this key's signatures with `algorithm` (the digest size for
    /// HMAC, the modulus size for RSA), used to size buffers.
    ///
    /// - Parameter algorithm: An algorithm the material supports.
    /// - Returns: The signature length.
    func signatureByteCount(for algorithm: JWTAlgorithm) -> Int

    /// Whether `signature` is valid for `signingInput` under `algorithm` (RFC 7515 §5.2
    /// step 8). Called only with an algorithm the material supports.
    ///
    /// - Parameters:
    ///   - signature: The decoded signature bytes (untrusted; any length).
    ///   - signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    ///   - algorithm: The algorithm to verify with.
    /// - Returns: `true` only for a valid signature.
    func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool

    /// Appends the signature of `signingInput` under `algorithm` to `output` (RFC 7515 §5.1
    /// step 5). Called only when `canSign` is true, with an algorithm the material supports.
    ///
    /// - Parameters:
    ///   - signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    ///   - algorithm: The algorithm to sign with.
    ///   - output: Receives the raw signature bytes.
    /// - Throws: `JWTError` with `.signingFailed` if the primitive fails.
    func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError)

    /// The members of the public JWK that identify the key (RFC 7638 §3.2): `kty` and the
    /// key's public parameters, in lexicographic order of their names, values as the JSON
    /// strings to publish. `nil` for symmetric keys, which have no public half.
    var publicJWKMembers: [(name: String, value: String)]? { get }
}

/// A `JWTKey`'s material with its type erased by subclassing, the pattern of the standard
/// library's `AnyHashable` box: Embedded Swift has classes but no existentials.
class JWTKeyStorage: @unchecked Sendable {
    var defaultAlgorithm: JWTAlgorithm { preconditionFailure("JWTKeyStorage is abstract") }
    var canSign: Bool { preconditionFailure("JWTKeyStorage is abstract") }
    var publicJWKMembers: [(name: String, value: String)]? { preconditionFailure("JWTKeyStorage is abstract") }

    func supports(_ algorithm: JWTAlgorithm) -> Bool { preconditionFailure("JWTKeyStorage is abstract") }
    func signatureByteCount(for algorithm: JWTAlgorithm) -> Int { preconditionFailure("JWTKeyStorage is abstract") }

    func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        preconditionFailure("JWTKeyStorage is abstract")
    }

    func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError) {
        preconditionFailure("JWTKeyStorage is abstract")
    }
}

/// The storage of one material type; every call is statically dispatched to `Material`.
final class TypedKeyStorage<Material: JWTKeyMaterial>: JWTKeyStorage, @unchecked Sendable {
    let material: Material

    init(_ material: Material) { self.material = material }

    override var defaultAlgorithm: JWTAlgorithm { material.defaultAlgorithm }
    override var canSign: Bool { material.canSign }
    override var publicJWKMembers: [(name: String, value: String)]? { material.publicJWKMembers }

    override func supports(_ algorithm: JWTAlgorithm) -> Bool { material.supports(algorithm) }
    override func signatureByteCount(for algorithm: JWTAlgorithm) -> Int {
        material.signatureByteCount(for: algorithm)
    }

    override func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        material.isValidSignature(signature, for: signingInput, algorithm: algorithm)
    }

    override func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError) {
        try material.appendSignature(for: signingInput, algorithm: algorithm, to: &output)
    }
}
