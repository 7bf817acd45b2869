// PEM keys of every family, recognised by their content.

extension JWTKey {
    /// A key from a PEM document of any family Sigil reads, recognised by its content:
    /// public keys as `PUBLIC KEY` (SubjectPublicKeyInfo) or `RSA PUBLIC KEY`, private keys
    /// as `PRIVATE KEY` (PKCS#8), `RSA PRIVATE KEY` or `EC PRIVATE KEY` (SEC 1).
    ///
    /// - Parameters:
    ///   - pem: The PEM document.
    ///   - algorithm: The algorithm to pin the key to, or `nil` to let the verifier name one
    ///     of its family (see `JWTKey`).
    ///   - keyID: The key ID, or `nil`.
    /// - Throws: `.invalidKey` if no family reads the document, or the key does not support
    ///   `algorithm`. The reason names the problem, never the key.
    public init(pem: String, algorithm: JWTAlgorithm? = nil, keyID: String? = nil) throws(JWTError) {
        let key = try JWTKey.readPEM(pem)
        self = try key.withAlgorithm(algorithm ?? (key.isAlgorithmPinned ? key.algorithm : nil)).withKeyID(keyID)
    }

    /// Asks each family's PEM reader in turn; a family adds its reader here, in one line.
    ///
    /// The first family's error is reported when none reads the document.
    ///
    /// A build may leave a family out with a compilation condition (`SIGIL_WITHOUT_RSA`,
    /// `SIGIL_WITHOUT_EDDSA`, `SIGIL_WITHOUT_ECDSA`), so that a WebAssembly module links
    /// only the arithmetic it uses; the default build reads every family.
    private static func readPEM(_ pem: String) throws(JWTError) -> JWTKey {
        #if !SIGIL_WITHOUT_RSA
        let rsaError: JWTError
        do { return try rsa(pem: pem) } catch { rsaError = error }
        #endif
        #if !SIGIL_WITHOUT_EDDSA
        if let key = try? ed25519(pem: pem) { return key }
        #endif
        #if !SIGIL_WITHOUT_ECDSA
        if let key = try? ecdsaPEM(pem) { return key }
        #endif
        #if !SIGIL_WITHOUT_RSA
        throw JWTError(.invalidKey, "the PEM document is not a key Sigil reads (\(rsaError.reason))")
        #else
        throw JWTError(.invalidKey, "the PEM document is not a key this build of Sigil reads")
        #endif
    }
}
