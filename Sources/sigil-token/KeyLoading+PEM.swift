import SigilJWT

extension KeyLoading {
    /// A verification key from a PEM document of any family SigilJWT reads (RSA, Ed25519):
    /// a public key, or the public half of a private key.
    ///
    /// A PEM key has no key ID of its own; it is named by its RFC 7638 thumbprint, so that it
    /// verifies tokens without a `kid` and tokens whose `kid` is that thumbprint (as
    /// `sigil-server --signing-key` and `generate --kid-thumbprint` write), and no token that
    /// names another key.
    static func publicKey(pem: String, path: String, command: String) throws(UsageError) -> JWTKey {
        do {
            let key = try JWTKey(pem: pem)
            return key.withKeyID(key.jwkThumbprint)
        } catch {
            throw UsageError("\(path): \(error.reason)", command: command)
        }
    }

    /// A signing key from a PEM private key (PKCS#8, or PKCS#1 for RSA), pinned to
    /// `algorithm` when one is given.
    static func privateKey(
        pem: String, algorithm: JWTAlgorithm?, path: String, command: String
    ) throws(UsageError)
        -> JWTKey
    {
        guard pem.contains("PRIVATE KEY-----") else {
            throw UsageError("\(path) is not a private key; signing needs one", command: command)
        }
        let key: JWTKey
        do {
            key = try JWTKey(pem: pem)
        } catch {
            throw UsageError("\(path): \(error.reason)", command: command)
        }
        guard let algorithm else { return key }
        do {
            return try key.withAlgorithm(algorithm)
        } catch {
            throw UsageError("\(path) holds a \(key.algorithm) key; it cannot sign \(algorithm)", command: command)
        }
    }
}
