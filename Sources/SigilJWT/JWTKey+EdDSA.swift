import SigilBase64
import SigilEd25519
import SigilJSON

// The EdDSA family: Ed25519 signatures in JWS (RFC 8037 §3.1), keys as `OKP` JWKs
// (RFC 8037 §2), from SigilEd25519.

extension JWTAlgorithm {
    /// EdDSA (RFC 8037 §3.1); with SigilEd25519 keys, Ed25519 (RFC 8032 §5.1).
    public static let edDSA = JWTAlgorithm(registered: "EdDSA")

    /// The EdDSA algorithms.
    public static let edDSAAlgorithms: [JWTAlgorithm] = [.edDSA]
}

/// An Ed25519 public key, or a private key that verifies with its public half.
///
/// It supports `EdDSA` only. Verification is SigilEd25519's: canonical encodings, S < L,
/// the cofactorless equation.
public struct Ed25519KeyMaterial: JWTKeyMaterial {
    /// The public key.
    public let publicKey: Curve25519.Signing.PublicKey
    /// The private key, when the material can sign.
    let privateKey: Curve25519.Signing.PrivateKey?

    /// Verification material.
    ///
    /// - Parameter publicKey: The public key.
    public init(_ publicKey: Curve25519.Signing.PublicKey) {
        self.publicKey = publicKey
        self.privateKey = nil
    }

    /// Signing material; it verifies with the key's public half.
    ///
    /// - Parameter privateKey: The private key.
    public init(_ privateKey: Curve25519.Signing.PrivateKey) {
        self.publicKey = privateKey.publicKey
        self.privateKey = privateKey
    }

    /// The algorithm a key of this family uses when none is named.
    public var defaultAlgorithm: JWTAlgorithm { .edDSA }
    /// Whether the key holds the private part, so it can sign.
    public var canSign: Bool { privateKey != nil }

    /// `crv`, `kty` and `x`: the members RFC 8037 §2 requires, in RFC 7638 order.
    public var publicJWKMembers: [(name: String, value: String)]? {
        [("crv", "Ed25519"), ("kty", "OKP"), ("x", Base64URL.encode(publicKey.rawRepresentation))]
    }

    /// Whether the key can be used with `algorithm`.
    public func supports(_ algorithm: JWTAlgorithm) -> Bool { algorithm == .edDSA }

    /// The length of a signature made with `algorithm`.
    public func signatureByteCount(for algorithm: JWTAlgorithm) -> Int { 64 }

    /// Whether `signature` is valid for `signingInput` under `algorithm`.
    public func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        algorithm == .edDSA && publicKey.isValidSignature(signature, for: signingInput)
    }

    /// Signs `signingInput` with `algorithm` and appends the signature to `output`.
    public func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError) {
        guard let privateKey else { throw JWTError(.invalidKey, "an Ed25519 public key cannot sign") }
        guard algorithm == .edDSA else {
            throw JWTError(.invalidKey, "an Ed25519 key cannot be used with \(algorithm)")
        }
        output.append(contentsOf: privateKey.signature(for: signingInput))
    }
}

extension JWTKey {
    /// An Ed25519 public key for verifying `EdDSA` signatures.
    ///
    /// - Parameters:
    ///   - key: The public key.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: A verification-only key, pinned to `EdDSA`.
    public static func ed25519(_ key: Curve25519.Signing.PublicKey, keyID: String? = nil) -> JWTKey {
        JWTKey(
            storage: TypedKeyStorage(Ed25519KeyMaterial(key)), algorithm: .edDSA, isAlgorithmPinned: true,
            keyID: keyID, canSign: false, canVerify: true)
    }

    /// An Ed25519 private key for signing `EdDSA` tokens; it verifies with its public half.
    ///
    /// - Parameters:
    ///   - key: The private key.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: A signing key, pinned to `EdDSA`.
    public static func ed25519(_ key: Curve25519.Signing.PrivateKey, keyID: String? = nil) -> JWTKey {
        JWTKey(
            storage: TypedKeyStorage(Ed25519KeyMaterial(key)), algorithm: .edDSA, isAlgorithmPinned: true,
            keyID: keyID, canSign: true, canVerify: true)
    }

    /// An Ed25519 key from PEM text (RFC 8410): `PUBLIC KEY` (SubjectPublicKeyInfo) for
    /// verification, `PRIVATE KEY` (PKCS#8) for signing.
    ///
    /// - Parameters:
    ///   - pem: The PEM document.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.invalidKey` for anything SigilEd25519 rejects (the reason names the
    ///   problem, never the key).
    public static func ed25519(pem: String, keyID: String? = nil) throws(JWTError) -> JWTKey {
        do {
            if containsPrivateKeyLabel(pem) {
                return ed25519(try Curve25519.Signing.PrivateKey(pemRepresentation: pem), keyID: keyID)
            }
            return ed25519(try Curve25519.Signing.PublicKey(pemRepresentation: pem), keyID: keyID)
        } catch {
            throw JWTError(.invalidKey, "the PEM Ed25519 key is unusable (\(error.code))")
        }
    }

    /// An `OKP` JWK's material (RFC 8037 §2): `crv` `Ed25519`, the public key in `x`, and
    /// for a private key the secret in `d`, whose public key must be `x`.
    static func okpJWK(_ object: JSONObject) throws(JWTError) -> JWTKeyStorage {
        guard case .string(let curve) = object["crv"] else { throw JWTError(.invalidKey, "the OKP JWK has no crv") }
        guard curve == "Ed25519" else { throw JWTError(.invalidKey, "the OKP JWK's crv is not Ed25519") }
        let x = try jwkBytes(object, "x")
        let publicKey: Curve25519.Signing.PublicKey
        do {
            publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: x)
        } catch {
            throw JWTError(.invalidKey, "the OKP JWK's x is not an Ed25519 public key (\(error.code))")
        }
        guard object["d"] != nil else { return TypedKeyStorage(Ed25519KeyMaterial(publicKey)) }
        let secret = try jwkBytes(object, "d")
        let privateKey: Curve25519.Signing.PrivateKey
        do {
            privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: secret)
        } catch {
            throw JWTError(.invalidKey, "the OKP JWK's d is not an Ed25519 private key (\(error.code))")
        }
        guard privateKey.publicKey == publicKey else {
            throw JWTError(.invalidKey, "the OKP JWK's d does not derive its x")
        }
        return TypedKeyStorage(Ed25519KeyMaterial(privateKey))
    }
}
