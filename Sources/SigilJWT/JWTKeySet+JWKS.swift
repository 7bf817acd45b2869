import SigilJSON

extension JWTKeySet {
    /// How `init(jwks:options:)` treats entries it cannot use.
    public struct JWKSReadingOptions: Sendable {
        /// Fail on any entry that is not usable, instead of leaving it out.
        ///
        /// Default `false`.
        public var isStrict = false
        /// Accept a set that holds both symmetric (`oct`) and asymmetric keys.
        ///
        /// Default `false`: mixing them is refused, as Wycheproof's JWK tests recommend,
        /// because a published set should never carry a shared secret.
        public var allowsMixedKeyTypes = false

        /// The defaults: lenient about unusable entries, no mixed key types.
        public init() {}
    }

    /// A key set from a JWK Set (RFC 7517 §5): `{"keys": [ … ]}`.
    ///
    /// One rule for every entry: an entry Sigil cannot use for signatures — another `kty`
    /// (`EC` until a family reads it, `OKP`, …), an `alg` Sigil does not implement, `use`
    /// other than `sig`, `key_ops` without `sign` or `verify`, or a malformed entry of a
    /// supported type (a member missing, not canonical base64url, a weak key) — is left out
    /// and listed in `skippedEntries` with its reason, so that one bad entry in a provider's
    /// set does not stop the others from working. With `options.isStrict` it is an error
    /// instead.
    ///
    /// Whatever the options, the set is refused when two usable entries share a `kid`,
    /// when no entry is usable, and (unless `options.allowsMixedKeyTypes`) when it mixes
    /// symmetric and asymmetric keys. Entries without `alg` are not pinned: they take the
    /// algorithm the verifier allows (see `JWTKey`), so give the verifier an allow-list.
    ///
    /// ```swift
    /// var options = JWTValidationOptions(issuers: ["https://issuer.example"], audiences: ["api"])
    /// options.allowedAlgorithms = [.rs256]
    /// let verifier = JWTVerifier(keys: try JWTKeySet(jwks: jwksText), options: options)
    /// ```
    ///
    /// - Parameters:
    ///   - jwks: The JWK Set's JSON text.
    ///   - options: How to treat unusable entries and mixed key types.
    /// - Throws: `.invalidKey` (or, in strict mode, the entry's own error, such as `.weakKey`).
    public init(jwks: String, options: JWKSReadingOptions = JWKSReadingOptions()) throws(JWTError) {
        try self.init(jwks: try JWTKey.parseJWKObject(jwks), options: options)
    }

    /// A key set from an already parsed JWK Set object (see `init(jwks:options:)`).
    ///
    /// - Parameters:
    ///   - object: The JWK Set's top-level object, `{"keys": [ … ]}`.
    ///   - options: How to treat unusable entries and mixed key types.
    /// - Throws: As `init(jwks:options:)`.
    public init(jwks object: JSONObject, options: JWKSReadingOptions = JWKSReadingOptions()) throws(JWTError) {
        guard case .array(let entries) = object["keys"] else {
            throw JWTError(.invalidKey, "the JWK Set has no keys array")
        }
        var keys: [JWTKey] = []
        var skipped: [SkippedEntry] = []
        for (index, entry) in entries.enumerated() {
            guard case .object(let jwk) = entry else {
                throw JWTError(.invalidKey, "the JWK Set has an entry that is not an object")
            }
            do {
                keys.append(try JWTKey(jwk: jwk, algorithm: nil))
            } catch {
                if options.isStrict { throw error }
                var keyID: String?
                if case .string(let kid) = jwk["kid"] { keyID = kid }
                skipped.append(SkippedEntry(index: index, keyID: keyID, error: error))
            }
        }
        guard !keys.isEmpty else { throw JWTError(.invalidKey, "the JWK Set has no key Sigil can use") }
        var seen: Set<String> = []
        for key in keys {
            guard let keyID = key.keyID else { continue }
            guard seen.insert(keyID).inserted else {
                throw JWTError(.invalidKey, "two keys in the JWK Set have the same kid")
            }
        }
        if !options.allowsMixedKeyTypes {
            let symmetric = keys.filter { $0.publicJWK == nil }.count
            guard symmetric == 0 || symmetric == keys.count else {
                throw JWTError(.invalidKey, "the JWK Set mixes symmetric and asymmetric keys")
            }
        }
        self.init(keys, skippedEntries: skipped)
    }

    /// The set's public keys as a JWK Set document (RFC 7517 §5), for publishing: every
    /// asymmetric key's public half; HMAC keys are left out.
    public var publicJWKS: JSONObject {
        var entries: [JSONValue] = []
        for key in keys {
            if let jwk = key.publicJWK { entries.append(.object(jwk)) }
        }
        return ["keys": .array(entries)]
    }
}
