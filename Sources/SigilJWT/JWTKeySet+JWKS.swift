import SigilJSON

extension JWTKeySet {
    /// A key set from a JWK Set (RFC 7517 §5): `{"keys": [ … ]}`.
    ///
    /// Entries Sigil cannot use for signatures are skipped, not fatal, so that a provider's
    /// set with other key types still works: an unknown `kty` (`EC`, `OKP`, …), an `alg`
    /// Sigil does not implement, `use` other than `sig`, or `key_ops` without `sign` or
    /// `verify`. An entry of a supported type that is malformed is an error, as is a set
    /// with no usable key.
    ///
    /// - Parameter jwks: The JWK Set's JSON text.
    /// - Throws: `.invalidKey` (or `.weakKey` for a short `oct` secret).
    public init(jwks: String) throws(JWTError) {
        let object = try JWTKey.parseJWKObject(jwks)
        guard case .array(let entries) = object["keys"] else {
            throw JWTError(.invalidKey, "the JWK Set has no keys array")
        }
        var keys: [JWTKey] = []
        for entry in entries {
            guard case .object(let jwk) = entry else {
                throw JWTError(.invalidKey, "the JWK Set has an entry that is not an object")
            }
            if let key = try JWTKey(jwk: jwk, algorithm: nil, skippingUnsupported: true) {
                keys.append(key)
            }
        }
        guard !keys.isEmpty else { throw JWTError(.invalidKey, "the JWK Set has no key Sigil can use") }
        self.init(keys)
    }
}
