import SigilBase64
import SigilJSON

// JSON Web Key (RFC 7517) reading and publishing, for every family.

extension JWTKey {
    /// The limits for JWK and JWKS JSON.
    static let jwkLimits = JSONLimits(
        maximumDepth: 8, maximumBytes: 1 << 20, maximumStringBytes: 16_384, maximumNumberBytes: 64)

    /// The key material of a JWK, read by its key type's family, or `nil` for a `kty` no
    /// family reads.
    ///
    /// Each family registers here, in one line (a build may leave one out, as for
    /// `init(pem:algorithm:keyID:)`).
    static func jwkMaterial(kty: String, _ object: JSONObject) throws(JWTError) -> JWTKeyStorage? {
        switch kty {
        case "oct": try hmacJWK(object)
        #if !SIGIL_WITHOUT_RSA
        case "RSA": try rsaJWK(object)
        #endif
        #if !SIGIL_WITHOUT_EDDSA
        case "OKP": try okpJWK(object)
        #endif
        #if !SIGIL_WITHOUT_ECDSA
        case "EC": try ecJWK(object)
        #endif
        default: nil
        }
    }

    /// A key from a JSON Web Key (RFC 7517).
    ///
    /// Supported: `"kty": "oct"` (an HMAC secret in `k`), `"kty": "RSA"` (`n` and `e`, and
    /// the private members for a signing key), `"kty": "EC"` with `"crv"` `P-256`, `P-384`
    /// or `P-521` (`x`, `y`, and `d` for a signing key) and `"kty": "OKP"` with
    /// `"crv": "Ed25519"` (`x`, and `d` for a signing key). The JWK's own fields are honoured:
    /// - `alg`, if present, pins the key to that algorithm; it must be one the key supports,
    ///   and equal `algorithm` when that is also given.
    /// - Without `alg`, `algorithm` pins the key when given; without either, the key is not
    ///   pinned and takes the algorithm the verifier allows (see `JWTKey`).
    /// - `use`, if present, must be `"sig"`; `key_ops`, if present, must allow `"verify"`
    ///   or `"sign"`, and the key is then limited to what it allows (RFC 7517 §4.2, §4.3).
    /// - `kid` becomes the key ID.
    ///
    /// - Parameters:
    ///   - jwk: The JWK's JSON text.
    ///   - algorithm: The algorithm to pin the key to, when the JWK has no `alg`.
    /// - Throws: `.invalidKey` for malformed JSON, a missing or invalid member, an
    ///   unsupported `kty`, or a `use`/`key_ops`/`alg` that rules the key out;
    ///   `.weakKey` for an HMAC secret shorter than 32 bytes.
    public init(jwk: String, algorithm: JWTAlgorithm? = nil) throws(JWTError) {
        self = try JWTKey(jwk: try JWTKey.parseJWKObject(jwk), algorithm: algorithm)
    }

    /// Reads a parsed JWK object (see `init(jwk:algorithm:)`).
    init(jwk object: JSONObject, algorithm requested: JWTAlgorithm?) throws(JWTError) {
        guard case .string(let kty) = object["kty"] else {
            throw JWTError(.invalidKey, "the JWK has no kty string")
        }
        var canSign = true
        var canVerify = true
        if let use = object["use"] {
            guard case .string(let value) = use else { throw JWTError(.invalidKey, "the JWK's use is not a string") }
            guard value == "sig" else { throw JWTError(.invalidKey, "the JWK's use is not sig") }
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
                throw JWTError(.invalidKey, "the JWK's key_ops allow neither sign nor verify")
            }
        }
        var pinned = requested
        if let alg = object["alg"] {
            guard case .string(let name) = alg else { throw JWTError(.invalidKey, "the JWK's alg is not a string") }
            guard let named = JWTAlgorithm(rawValue: name) else {
                throw JWTError(.invalidKey, "the JWK's alg is not a registered signature algorithm")
            }
            if let requested, requested != named {
                throw JWTError(.invalidKey, "the JWK's alg differs from the requested algorithm")
            }
            pinned = named
        }
        var keyID: String?
        if let kid = object["kid"] {
            guard case .string(let value) = kid else { throw JWTError(.invalidKey, "the JWK's kid is not a string") }
            keyID = value
        }
        guard let storage = try JWTKey.jwkMaterial(kty: kty, object) else {
            throw JWTError(.invalidKey, "the JWK's kty is not one Sigil reads")
        }
        if let pinned, !storage.supports(pinned) {
            throw JWTError(.invalidKey, "the JWK's key cannot be used with \(pinned)")
        }
        self.init(
            storage: storage, algorithm: pinned ?? storage.defaultAlgorithm, isAlgorithmPinned: pinned != nil,
            keyID: keyID, canSign: canSign, canVerify: canVerify)
    }

    /// The public half of the key as a JWK object (the key type's members, `use: sig`, `alg`
    /// when the key is pinned, and `kid` when set), for publishing in a JWK Set; `nil` for
    /// HMAC keys, which have no public half.
    public var publicJWK: JSONObject? {
        guard let members = storage.publicJWKMembers else { return nil }
        var jwk: JSONObject = ["use": "sig"]
        for (name, value) in members { jwk[name] = .string(value) }
        if isAlgorithmPinned { jwk["alg"] = .string(algorithm.rawValue) }
        if let keyID { jwk["kid"] = .string(keyID) }
        return jwk
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
