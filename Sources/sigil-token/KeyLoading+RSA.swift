import SigilJWT

extension KeyLoading {
    /// A verification key from a PEM document: a public key (SPKI or PKCS#1), or the public
    /// half of a private key. A PEM key has no key ID of its own; it is named by its RFC 7638
    /// thumbprint, so that it verifies tokens without a `kid` and tokens whose `kid` is that
    /// thumbprint (as `sigil-server --signing-key` and `generate --kid-thumbprint` write),
    /// and no token that names another key.
    static func rsaPublicKey(pem: String, path: String, command: String) throws(UsageError) -> JWTKey {
        do {
            let key = try JWTKey.rsa(pem: pem)
            return key.withKeyID(key.jwkThumbprint)
        } catch {
            throw UsageError("\(path): \(error.reason)", command: command)
        }
    }

    /// A signing key from a PEM private key (PKCS#8 or PKCS#1).
    static func rsaPrivateKey(
        pem: String, algorithm: JWTAlgorithm, path: String, command: String
    ) throws(UsageError)
        -> JWTKey
    {
        guard JWTAlgorithm.rsaPKCS1Algorithms.contains(algorithm) else {
            throw UsageError("\(path) is an RSA key: sign with --alg RS256, RS384 or RS512", command: command)
        }
        guard pem.contains("PRIVATE KEY-----") else {
            throw UsageError("\(path) is not a private key; signing needs one", command: command)
        }
        do {
            return try JWTKey.rsa(pem: pem, algorithm: algorithm)
        } catch {
            throw UsageError("\(path): \(error.reason)", command: command)
        }
    }
}
