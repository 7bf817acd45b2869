import SigilBase64
import SigilSHA2

// JSON Web Key thumbprints (RFC 7638), the usual `kid` of a published public key.

extension JWTKey {
    /// The key's RFC 7638 JWK thumbprint with SHA-256, base64url (43 characters), for use as
    /// its key ID; `nil` for HMAC keys.
    ///
    /// It is the SHA-256 of the canonical JSON of the key's required public members (for
    /// RSA `{"e":…,"kty":"RSA","n":…}`): in lexicographic order, no whitespace, integers
    /// base64url without leading zero octets (RFC 7638 §3.2, §3.3). It depends only on the
    /// public key, never on `alg`, `kid` or `use`, so anyone holding the JWK Set can
    /// recompute it.
    ///
    /// - Important: HMAC keys have no thumbprint here: RFC 7638 would hash the secret
    ///   itself (`{"k":…,"kty":"oct"}`), and publishing that hash would let anyone test
    ///   guesses of the secret offline.
    public var jwkThumbprint: String? {
        guard let members = storage.publicJWKMembers else { return nil }
        var json = "{"
        for (index, member) in members.enumerated() {
            if index > 0 { json += "," }
            json += "\"" + member.name + "\":\"" + member.value + "\""
        }
        json += "}"
        return Base64URL.encode(Array(SHA256.hash(data: Array(json.utf8))))
    }

    /// The same key with another key ID (written into the `kid` header of the tokens it
    /// signs, and matched against the `kid` of the tokens it verifies).
    ///
    /// ```swift
    /// let unnamed = try JWTKey.rsa(pem: privatePEM)
    /// let key = unnamed.withKeyID(unnamed.jwkThumbprint)
    /// ```
    ///
    /// - Parameter keyID: The new key ID, or `nil` for none.
    /// - Returns: The key with `keyID`; algorithm, material and permitted operations unchanged.
    public func withKeyID(_ keyID: String?) -> JWTKey {
        JWTKey(
            storage: storage, algorithm: algorithm, isAlgorithmPinned: isAlgorithmPinned, keyID: keyID,
            canSign: canSign, canVerify: canVerify)
    }
}
