import SigilBase64
import SigilJSON

// JSON Web Key (RFC 7517) reading: `oct` keys (RFC 7518 §6.4) and `RSA` keys (RFC 7518 §6.3).

extension JWTKey {
    /// The limits for JWK and JWKS JSON.
    static let jwkLimits = JSONLimits(maxDepth: 8, maxBytes: 1 << 20, maxStringBytes: 16_384, maxNumberBytes: 64)

    /// A key from a JSON Web Key (RFC 7517).
    ///
    /// Supported: `"kty": "oct"` (an HMAC secret in `k`) and `"kty": "RSA"` (`n` and `e`).
    /// The JWK's own fields are honoured:
    /// - `alg`, if present, fixes the algorithm; it must be one Sigil implements, of the
    ///   key type's family, and equal `algorithm` when that is also given.
    /// - Without `alg`, `algorithm` is used; without either, `HS256` for `oct` and `RS256`
    ///   for `RSA`.
    /// - `use`, if present, must be `"sig"`; `key_ops`, if present, must allow `"verify"`
    ///   or `"sign"`, and the key is then limited to what it allows (RFC 7517 §4.2, §4.3).
    /// - `kid` becomes the key ID.
    ///
    /// - Parameters:
    ///   - jwk: The JWK's JSON text.
    ///   - algorithm: The algorithm, when the JWK has no `alg`.
    /// - Throws: `.invalidKey` for malformed JSON, a missing or invalid member, an
    ///   unsupported `kty`, or a `use`/`key_ops`/`alg` that rules the key out;
    ///   `.weakKey` for an HMAC secret shorter than the hash output.
    public init(jwk: String, algorithm: JWTAlgorithm? = nil) throws(JWTError) {
        let object = try JWTKey.parseJWKObject(jwk)
        guard let key = try JWTKey(jwk: object, algorithm: algorithm, skippingUnsupported: false) else {
            throw JWTError(.invalidKey, "the JWK is not a signature key Sigil supports")  // unreachable
        }
        self = key
    }

    /// Reads a JWK object. With `skippingUnsupported`, returns `nil` (instead of throwing)
    /// for a key that is well-formed but not for Sigil: another `kty`, an `alg` Sigil does
    /// not implement, `use` other than `sig`, or `key_ops` without `sign` or `verify`.
    init?(jwk object: JSONObject, algorithm requested: JWTAlgorithm?, skippingUnsupported: Bool) throws(JWTError) {
        func unsupported(_ reason: String) throws(JWTError) {
            if !skippingUnsupported { throw JWTError(.invalidKey, reason) }
        }
        guard case .string(let kty) = object["kty"] else {
            throw JWTError(.invalidKey, "the JWK has no kty string")
        }
        let family: JWTAlgorithm.Family
        switch kty {
        case "oct": family = .hmac
        case "RSA": family = .rsaPKCS1
        default:
            try unsupported("the JWK's kty is not oct or RSA")
            return nil
        }

        var canSign = true
        var canVerify = true
        if let use = object["use"] {
            guard case .string(let value) = use else { throw JWTError(.invalidKey, "the JWK's use is not a string") }
            guard value == "sig" else {
                try unsupported("the JWK's use is not sig")
                return nil
            }
        }
        if let keyOps = object["key_ops"] {
            guard case .array(let operations) = keyOps else {
                throw JWTError(.invalidKey, "the JWK's key_ops is not an array")
            }
            var seen: [String] = []
            for operation in operations {
                guard case .string(let name) = operation else {
                    throw JWTError(.invalidKey, "the JWK's key_ops has a member that is not a string")
                }
                guard !seen.contains(name) else { throw JWTError(.invalidKey, "the JWK's key_ops repeats a value") }
                seen.append(name)
            }
            canSign = seen.contains("sign")
            canVerify = seen.contains("verify")
            guard canSign || canVerify else {
                try unsupported("the JWK's key_ops allow neither sign nor verify")
                return nil
            }
        }

        var algorithm: JWTAlgorithm
        if let alg = object["alg"] {
            guard case .string(let name) = alg else { throw JWTError(.invalidKey, "the JWK's alg is not a string") }
            guard let named = JWTAlgorithm(rawValue: name), named.family == family else {
                try unsupported("the JWK's alg is not an algorithm Sigil implements for its kty")
                return nil
            }
            if let requested, requested != named {
                throw JWTError(.invalidKey, "the JWK's alg differs from the requested algorithm")
            }
            algorithm = named
        } else if let requested {
            guard requested.family == family else {
                throw JWTError(.invalidKey, "the requested algorithm does not fit the JWK's kty")
            }
            algorithm = requested
        } else {
            algorithm = family == .hmac ? .hs256 : .rs256
        }

        var keyID: String?
        if let kid = object["kid"] {
            guard case .string(let value) = kid else { throw JWTError(.invalidKey, "the JWK's kid is not a string") }
            keyID = value
        }

        var key: JWTKey
        switch family {
        case .hmac:
            let secret = try JWTKey.jwkBytes(object, "k")
            key = try JWTKey.hmac(secret, algorithm: algorithm, keyID: keyID)
        case .rsaPKCS1:
            key = try JWTKey.rsaJWK(object, algorithm: algorithm, keyID: keyID)
        }
        key = JWTKey(
            algorithm: key.algorithm, keyID: key.keyID, material: key.material,
            canSign: key.canSign && canSign, canVerify: key.canVerify && canVerify)
        self = key
    }

    /// Parses JWK or JWKS text into its top-level object.
    static func parseJWKObject(_ text: String) throws(JWTError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text, limits: jwkLimits)
        } catch {
            throw JWTError(.invalidKey, "the key is not valid JSON (\(error.reason))")
        }
        guard case .object(let object) = value else { throw JWTError(.invalidKey, "the key is not a JSON object") }
        return object
    }

    /// A required base64url member of a JWK, decoded.
    static func jwkBytes(_ object: JSONObject, _ name: String) throws(JWTError) -> [UInt8] {
        guard case .string(let text) = object[name] else {
            throw JWTError(.invalidKey, "the JWK has no \(name) string")
        }
        do {
            return try Base64URL.decode(text)
        } catch {
            throw JWTError(.invalidKey, "the JWK's \(name) is not canonical base64url")
        }
    }
}
