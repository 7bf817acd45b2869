import SigilBase64
import SigilRSA
import SigilSHA2

// JSON Web Key thumbprints (RFC 7638), the usual `kid` of a published public key.

extension JWTKey {
    /// The key's RFC 7638 JWK thumbprint with SHA-256, base64url (43 characters), for use as
    /// its key ID; `nil` for HMAC keys.
    ///
    /// For an RSA key (public, or the public half of a private key) this is the SHA-256 of
    /// the canonical JSON `{"e":…,"kty":"RSA","n":…}`: the required members only, in
    /// lexicographic order, no whitespace, `n` and `e` base64url without leading zero
    /// octets (RFC 7638 §3.2, §3.3). It depends only on the public key, never on `alg`,
    /// `kid` or `use`, so anyone holding the JWK Set can recompute it.
    ///
    /// - Important: HMAC keys have no thumbprint here: RFC 7638 would hash the secret
    ///   itself (`{"k":…,"kty":"oct"}`), and publishing that hash would let anyone test
    ///   guesses of the secret offline.
    public var jwkThumbprint: String? {
        let publicKey: RSA.PublicKey
        switch material {
        case .rsaPublic(let key): publicKey = key
        case .rsaPrivate(let key): publicKey = key.publicKey
        default: return nil
        }
        return JWTKey.jwkThumbprint(of: publicKey)
    }

    /// The RFC 7638 SHA-256 thumbprint of an RSA public key, base64url.
    ///
    /// - Parameter key: The public key.
    /// - Returns: 43 base64url characters.
    public static func jwkThumbprint(of key: RSA.PublicKey) -> String {
        let exponent = Base64URL.encode(key.publicExponent)
        let modulus = Base64URL.encode(key.modulus)
        let json = #"{"e":""# + exponent + #"","kty":"RSA","n":""# + modulus + #""}"#
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
        JWTKey(algorithm: algorithm, keyID: keyID, material: material, canSign: canSign, canVerify: canVerify)
    }
}
