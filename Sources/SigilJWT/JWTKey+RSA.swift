import SigilBase64
import SigilJSON
import SigilRSA

// RSASSA-PKCS1-v1_5 keys (RS256, RS384, RS512; RFC 7518 §3.3), from SigilRSA.

extension JWTKey {
    /// An RSA public key for verifying `RS256`, `RS384` or `RS512` signatures.
    ///
    /// - Parameters:
    ///   - key: The public key (SigilRSA enforces 2048 to 16384 bits).
    ///   - algorithm: `.rs256` (the default), `.rs384` or `.rs512`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: A verification-only key.
    /// - Throws: `.invalidKey` if `algorithm` is not an RSA algorithm.
    public static func rsa(
        _ key: RSA.PublicKey,
        algorithm: JWTAlgorithm = .rs256,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        guard algorithm.isRSA else { throw JWTError(.invalidKey, "an RSA key cannot be used with \(algorithm)") }
        return JWTKey(algorithm: algorithm, keyID: keyID, material: .rsaPublic(key), canSign: false, canVerify: true)
    }

    /// An RSA private key for signing `RS256`, `RS384` or `RS512` tokens; it verifies with
    /// its public half.
    ///
    /// - Parameters:
    ///   - key: The private key (SigilRSA requires at least 2048 bits).
    ///   - algorithm: `.rs256` (the default), `.rs384` or `.rs512`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: A signing key.
    /// - Throws: `.invalidKey` if `algorithm` is not an RSA algorithm.
    public static func rsa(
        _ key: RSA.PrivateKey,
        algorithm: JWTAlgorithm = .rs256,
        keyID: String? = nil
    ) throws(JWTError) -> JWTKey {
        guard algorithm.isRSA else { throw JWTError(.invalidKey, "an RSA key cannot be used with \(algorithm)") }
        return JWTKey(algorithm: algorithm, keyID: keyID, material: .rsaPrivate(key), canSign: true, canVerify: true)
    }

    /// An RSA key from PEM text, recognised by its label: `PUBLIC KEY` (SubjectPublicKeyInfo)
    /// or `RSA PUBLIC KEY` (PKCS#1) for verification, `PRIVATE KEY` (PKCS#8) or
    /// `RSA PRIVATE KEY` (PKCS#1) for signing.
    ///
    /// - Parameters:
    ///   - pem: The PEM document.
    ///   - algorithm: `.rs256` (the default), `.rs384` or `.rs512`.
    ///   - keyID: The key ID, or `nil`.
    /// - Returns: The key.
    /// - Throws: `.invalidKey` for anything SigilRSA rejects (the reason names the problem,
    ///   never the key).
    public static func rsa(
        pem: String, algorithm: JWTAlgorithm = .rs256, keyID: String? = nil
    ) throws(JWTError)
        -> JWTKey
    {
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

    /// Whether a PEM document's label ends in "PRIVATE KEY" (`PRIVATE KEY`, `RSA PRIVATE KEY`).
    static func containsPrivateKeyLabel(_ pem: String) -> Bool {
        let needle = Array("PRIVATE KEY-----".utf8)
        let bytes = Array(pem.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The public half of an RSA key as a JWK object (`kty`, `n`, `e`, `alg`, `use`, and
    /// `kid` when set), for publishing in a JWK Set; `nil` for HMAC keys, which have no
    /// public half.
    public var publicJWK: JSONObject? {
        let publicKey: RSA.PublicKey
        switch material {
        case .rsaPublic(let key): publicKey = key
        case .rsaPrivate(let key): publicKey = key.publicKey
        default: return nil
        }
        var jwk: JSONObject = ["kty": "RSA", "use": "sig", "alg": .string(algorithm.rawValue)]
        if let keyID { jwk["kid"] = .string(keyID) }
        jwk["n"] = .string(Base64URL.encode(publicKey.modulus))
        jwk["e"] = .string(Base64URL.encode(publicKey.publicExponent))
        return jwk
    }

    /// An RSA JWK's key (RFC 7518 §6.3): public (`n`, `e`), or private with all of `d`, `p`,
    /// `q`, `dp`, `dq` and `qi`. Multi-prime keys (`oth`) are refused.
    static func rsaJWK(_ object: JSONObject, algorithm: JWTAlgorithm, keyID: String?) throws(JWTError) -> JWTKey {
        let modulus = try jwkBytes(object, "n")
        let exponent = try jwkBytes(object, "e")
        guard object["d"] != nil else {
            let key: RSA.PublicKey
            do {
                key = try RSA.PublicKey(modulus: modulus, publicExponent: exponent)
            } catch {
                throw JWTError(.invalidKey, "the JWK's RSA public key is unusable (\(error.code))")
            }
            return try rsa(key, algorithm: algorithm, keyID: keyID)
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
        let key: RSA.PrivateKey
        do {
            key = try RSA.PrivateKey(
                modulus: modulus, publicExponent: exponent, privateExponent: privateExponent, prime1: prime1,
                prime2: prime2, exponent1: exponent1, exponent2: exponent2, coefficient: coefficient)
        } catch {
            throw JWTError(.invalidKey, "the JWK's RSA private key is unusable (\(error.code))")
        }
        return try rsa(key, algorithm: algorithm, keyID: keyID)
    }

    /// The RSA digest for an RS* algorithm.
    static func rsaHash(_ algorithm: JWTAlgorithm) -> RSA.HashAlgorithm {
        switch algorithm.digest {
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }
}

extension JWTKeySet {
    /// The set's public keys as a JWK Set document (RFC 7517 §5), for publishing: every
    /// RSA key's public half; HMAC keys are left out.
    public var publicJWKS: JSONObject {
        var entries: [JSONValue] = []
        for key in keys {
            if let jwk = key.publicJWK { entries.append(.object(jwk)) }
        }
        return ["keys": .array(entries)]
    }
}
