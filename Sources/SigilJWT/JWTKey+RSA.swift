import SigilBase64
import SigilJSON
import SigilRSA
import SigilSHA2

// The RSA family: RSASSA-PKCS1-v1_5 (RS256, RS384, RS512; RFC 7518 §3.3) and RSASSA-PSS
// (PS256, PS384, PS512; RFC 7518 §3.5), from SigilRSA.

extension JWTAlgorithm {
    /// RSASSA-PKCS1-v1_5 using SHA-256 (RFC 7518 §3.3).
    public static let rs256 = JWTAlgorithm(registered: "RS256")
    /// RSASSA-PKCS1-v1_5 using SHA-384 (RFC 7518 §3.3).
    public static let rs384 = JWTAlgorithm(registered: "RS384")
    /// RSASSA-PKCS1-v1_5 using SHA-512 (RFC 7518 §3.3).
    public static let rs512 = JWTAlgorithm(registered: "RS512")

    /// The RSASSA-PKCS1-v1_5 algorithms, shortest hash first.
    public static let rsaPKCS1Algorithms: [JWTAlgorithm] = [.rs256, .rs384, .rs512]

    /// RSASSA-PSS using SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518 §3.5).
    public static let ps256 = JWTAlgorithm(registered: "PS256")
    /// RSASSA-PSS using SHA-384, MGF1 with SHA-384 and a 48-byte salt (RFC 7518 §3.5).
    public static let ps384 = JWTAlgorithm(registered: "PS384")
    /// RSASSA-PSS using SHA-512, MGF1 with SHA-512 and a 64-byte salt (RFC 7518 §3.5).
    public static let ps512 = JWTAlgorithm(registered: "PS512")

    /// The RSASSA-PSS algorithms, shortest hash first.
    public static let rsaPSSAlgorithms: [JWTAlgorithm] = [.ps256, .ps384, .ps512]
}

/// An RSA public key, or a private key that verifies with its public half.
///
/// It supports `RS256`, `RS384`, `RS512` and `PS256`, `PS384`, `PS512` (for PSS the hash,
/// the MGF1 hash and the salt length are fixed by the algorithm, RFC 7518 §3.5); SigilRSA
/// enforces the key size (2048 to 16384 bits) and refuses weak public keys. An unpinned RSA
/// key verifies whichever of these the verifier allows; pin it to keep one.
public struct RSAKeyMaterial: JWTKeyMaterial {
    /// The public key.
    public let publicKey: RSA.PublicKey
    /// The private key, when the material can sign.
    let privateKey: RSA.PrivateKey?

    /// Verification material.
    ///
    /// - Parameter publicKey: The public key.
    public init(_ publicKey: RSA.PublicKey) {
        self.publicKey = publicKey
        self.privateKey = nil
    }

    /// Signing material; it verifies with the key's public half.
    ///
    /// - Parameter privateKey: The private key.
    public init(_ privateKey: RSA.PrivateKey) {
        self.publicKey = privateKey.publicKey
        self.privateKey = privateKey
    }

    /// The algorithm an RSA key uses when neither the key nor the verifier names one: `RS256`.
    public var defaultAlgorithm: JWTAlgorithm { .rs256 }
    /// Whether the material holds a private key, so it can sign.
    public var canSign: Bool { privateKey != nil }

    /// `e`, `kty` and `n`: the members RFC 7638 §3.2 requires of an RSA key, in that order, with the exponent
    /// and modulus as unsigned big-endian base64url.
    public var publicJWKMembers: [(name: String, value: String)]? {
        [
            ("e", Base64URL.encode(publicKey.publicExponent)), ("kty", "RSA"),
            ("n", Base64URL.encode(publicKey.modulus)),
        ]
    }

    /// Whether the key can be used with `algorithm`: one of `RS256`, `RS384`, `RS512`, `PS256`, `PS384` and
    /// `PS512`, whatever the key size (SigilRSA has already checked that it is at least 2048 bits).
    ///
    /// - Parameter algorithm: A registered algorithm.
    /// - Returns: `true` for the six RSA algorithms.
    public func supports(_ algorithm: JWTAlgorithm) -> Bool {
        JWTAlgorithm.rsaPKCS1Algorithms.contains(algorithm) || JWTAlgorithm.rsaPSSAlgorithms.contains(algorithm)
    }

    /// The length of the key's signatures: the modulus size in bytes, for every RSA algorithm.
    ///
    /// - Parameter algorithm: An RSA algorithm.
    /// - Returns: The modulus length in bytes, ⌈bits / 8⌉.
    public func signatureByteCount(for algorithm: JWTAlgorithm) -> Int { (publicKey.keySizeInBits + 7) / 8 }

    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 (`RS*`) or RSASSA-PSS (`PS*`) signature of `signingInput`.
    ///
    /// - Parameters:
    ///   - signature: The decoded signature bytes (untrusted; any length).
    ///   - signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    ///   - algorithm: The algorithm to verify with; for PSS it fixes the hash, the MGF1 hash and the salt length.
    /// - Returns: `true` only for a valid signature; `false` for any non-RSA algorithm.
    public func isValidSignature(
        _ signature: UnsafeRawBufferPointer, for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm
    ) -> Bool {
        switch algorithm {
        case .rs256: publicKey.isValidSignature(signature, for: signingInput, using: SHA256.self)
        case .rs384: publicKey.isValidSignature(signature, for: signingInput, using: SHA384.self)
        case .rs512: publicKey.isValidSignature(signature, for: signingInput, using: SHA512.self)
        case .ps256: publicKey.isValidPSSSignature(signature, for: signingInput, parameters: .jws(SHA256.self))
        case .ps384: publicKey.isValidPSSSignature(signature, for: signingInput, parameters: .jws(SHA384.self))
        case .ps512: publicKey.isValidPSSSignature(signature, for: signingInput, parameters: .jws(SHA512.self))
        default: false
        }
    }

    /// Signs `signingInput` with `algorithm` and appends the signature to `output`.
    ///
    /// - Parameters:
    ///   - signingInput: `ASCII(BASE64URL(header) '.' BASE64URL(payload))`.
    ///   - algorithm: `RS256`, `RS384`, `RS512`, `PS256`, `PS384` or `PS512`.
    ///   - output: Receives the signature, as many bytes as the modulus.
    /// - Throws: `JWTError` with `.invalidKey` for a public key or a non-RSA algorithm, `.signingFailed`
    ///   when the signing operation fails.
    public func appendSignature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, to output: inout [UInt8]
    ) throws(JWTError) {
        guard let privateKey else { throw JWTError(.invalidKey, "an RSA public key cannot sign") }
        let signature: [UInt8]?
        do {
            signature = try Self.signature(for: signingInput, algorithm: algorithm, by: privateKey)
        } catch {
            throw JWTError(.signingFailed, "RSA signing failed (\(error.code))")
        }
        guard let signature else { throw JWTError(.invalidKey, "an RSA key cannot be used with \(algorithm)") }
        output += signature
    }

    /// The signature of `signingInput` with the RS or PS algorithm `algorithm`, or `nil` for
    /// any other algorithm.
    private static func signature(
        for signingInput: UnsafeRawBufferPointer, algorithm: JWTAlgorithm, by key: RSA.PrivateKey
    ) throws(RSAError) -> [UInt8]? {
        switch algorithm {
        case .rs256: try key.signature(for: signingInput, using: SHA256.self)
        case .rs384: try key.signature(for: signingInput, using: SHA384.self)
        case .rs512: try key.signature(for: signingInput, using: SHA512.self)
        case .ps256: try key.pssSignature(for: signingInput, parameters: .jws(SHA256.self))
        case .ps384: try key.pssSignature(for: signingInput, parameters: .jws(SHA384.self))
        case .ps512: try key.pssSignature(for: signingInput, parameters: .jws(SHA512.self))
        default: nil
        }
    }
}

extension JWTKey {
    /// An RSA public key for verifying `RS256`, `RS384` or `RS512` signatures.
    ///
    /// - Parameters:
    ///   - key: The public key (SigilRSA enforces 2048 to 16384 bits).
    ///   - algorithm: The algorithm to pin the key to, or `nil` (the default): the key then
    ///     verifies whichever RS algorithm the verifier allows (`RS256` without an allow-list).
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: A verification-only key.
    /// - Throws: `.invalidKey` if `algorithm` is not an RSA algorithm.
    public static func rsa(
        _ key: RSA.PublicKey,
        algorithm: JWTAlgorithm? = nil,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        try JWTKey(RSAKeyMaterial(key), algorithm: algorithm, keyID: keyID)
    }

    /// An RSA private key for signing `RS256`, `RS384` or `RS512` tokens; it verifies with
    /// its public half.
    ///
    /// - Parameters:
    ///   - key: The private key (SigilRSA requires at least 2048 bits).
    ///   - algorithm: The algorithm to pin the key to, or `nil` (signs with `RS256`).
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: A signing key.
    /// - Throws: `.invalidKey` if `algorithm` is not an RSA algorithm.
    public static func rsa(
        _ key: RSA.PrivateKey,
        algorithm: JWTAlgorithm? = nil,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        try JWTKey(RSAKeyMaterial(key), algorithm: algorithm, keyID: keyID)
    }

    /// An RSA key from PEM text, recognised by its label: `PUBLIC KEY` (SubjectPublicKeyInfo)
    /// or `RSA PUBLIC KEY` (PKCS#1) for verification, `PRIVATE KEY` (PKCS#8) or
    /// `RSA PRIVATE KEY` (PKCS#1) for signing.
    ///
    /// - Parameters:
    ///   - pem: The PEM document.
    ///   - algorithm: The algorithm to pin the key to, or `nil`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.invalidKey` for anything SigilRSA rejects (the reason names the problem,
    ///   never the key).
    public static func rsa(
        pem: String, algorithm: JWTAlgorithm? = nil, keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        if containsPrivateKeyLabel(pem) {
            let key: RSA.PrivateKey
            do {
                key = try RSA.PrivateKey(pemRepresentation: pem)
            } catch {
                throw JWTError(.invalidKey, "the PEM private key is unusable (\(error.code))")
            }
            return try rsa(key, algorithm: algorithm, keyID: keyID)
        }
        let key: RSA.PublicKey
        do {
            key = try RSA.PublicKey(pemRepresentation: pem)
        } catch {
            throw JWTError(.invalidKey, "the PEM public key is unusable (\(error.code))")
        }
        return try rsa(key, algorithm: algorithm, keyID: keyID)
    }

    /// Whether a PEM document's label ends in "PRIVATE KEY" (`PRIVATE KEY`, `RSA PRIVATE KEY`,
    /// `EC PRIVATE KEY`).
    static func containsPrivateKeyLabel(_ pem: String) -> Bool {
        let needle = Array("PRIVATE KEY-----".utf8)
        let bytes = Array(pem.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// An RSA JWK's material (RFC 7518 §6.3): public (`n`, `e`), or private with all of `d`, `p`, `q`, `dp`, `dq` and
    /// `qi`.
    ///
    /// Multi-prime keys (`oth`) are refused.
    static func rsaJWK(_ object: JSONObject) throws(JWTError) -> JWTKeyStorage {
        let modulus = try jwkBytes(object, "n")
        let exponent = try jwkBytes(object, "e")
        guard object["d"] != nil else {
            do {
                return TypedKeyStorage(RSAKeyMaterial(try RSA.PublicKey(modulus: modulus, publicExponent: exponent)))
            } catch {
                throw JWTError(.invalidKey, "the JWK's RSA public key is unusable (\(error.code))")
            }
        }
        guard object["oth"] == nil else {
            throw JWTError(.invalidKey, "multi-prime RSA keys (oth) are not supported")
        }
        let privateExponent = try jwkBytes(object, "d")
        let prime1 = try jwkBytes(object, "p")
        let prime2 = try jwkBytes(object, "q")
        let exponent1 = try jwkBytes(object, "dp")
        let exponent2 = try jwkBytes(object, "dq")
        let coefficient = try jwkBytes(object, "qi")
        do {
            return TypedKeyStorage(
                RSAKeyMaterial(
                    try RSA.PrivateKey(
                        modulus: modulus, publicExponent: exponent, privateExponent: privateExponent, prime1: prime1,
                        prime2: prime2, exponent1: exponent1, exponent2: exponent2, coefficient: coefficient)))
        } catch {
            throw JWTError(.invalidKey, "the JWK's RSA private key is unusable (\(error.code))")
        }
    }
}
