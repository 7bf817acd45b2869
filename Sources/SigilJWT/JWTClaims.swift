import SigilJSON

/// A JWT claims set (RFC 7519 §4): any JSON object, with typed accessors for the
/// registered claims.
///
/// Custom claims are read and written through the subscript. The registered-claim
/// accessors are lenient readers: they return `nil` when a claim is absent *or* has the
/// wrong type. Validation (`JWTValidationOptions.validate(_:)`) is where wrong types are
/// reported, as `.wrongClaimType`.
///
/// ```swift
/// var claims = JWTClaims()
/// claims.subject = "user_admin"
/// claims.expiration = now + 3600
/// claims["roles"] = ["admin"]
/// ```
public struct JWTClaims: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The claims as a JSON object, members in order.
    public var object: JSONObject

    /// An empty claims set.
    public init() { object = JSONObject() }

    /// The claims of a JSON object.
    ///
    /// - Parameter object: The claims set.
    public init(_ object: JSONObject) { self.object = object }

    /// A claims set from a literal, for example `["sub": "alice", "exp": 1_900_000_000]`.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        object = JSONObject(elements)
    }

    /// Any claim, by name; `nil` when absent.
    ///
    /// Setting `nil` removes the claim.
    public subscript(name: String) -> JSONValue? {
        get { object[name] }
        set { object[name] = newValue }
    }

    /// Whether the claim `name` is present (with any value, `null` included).
    public func contains(_ name: String) -> Bool { object.contains(name) }

    /// `sub` (RFC 7519 §4.1.2), when it is a string.
    public var subject: String? {
        get { object["sub"]?.stringValue }
        set { object["sub"] = newValue.map { .string($0) } }
    }

    /// `iss` (RFC 7519 §4.1.1), when it is a string.
    public var issuer: String? {
        get { object["iss"]?.stringValue }
        set { object["iss"] = newValue.map { .string($0) } }
    }

    /// `jti` (RFC 7519 §4.1.7), when it is a string.
    public var id: String? {
        get { object["jti"]?.stringValue }
        set { object["jti"] = newValue.map { .string($0) } }
    }

    /// `aud` (RFC 7519 §4.1.3) as a list: a single string gives one element, an array its
    /// string elements.
    ///
    /// Empty when absent. Setting one value writes a string, several an array, none removes the
    /// claim.
    public var audience: [String] {
        get {
            switch object["aud"] {
            case .string(let value): return [value]
            case .array(let values): return values.compactMap { $0.stringValue }
            default: return []
            }
        }
        set {
            switch newValue.count {
            case 0: object["aud"] = nil
            case 1: object["aud"] = .string(newValue[0])
            default: object["aud"] = .array(newValue.map { .string($0) })
            }
        }
    }

    /// `exp` (RFC 7519 §4.1.4) in whole seconds (a fractional NumericDate is rounded
    /// down), when it is a valid NumericDate.
    public var expiration: Int64? {
        get { numericDateSeconds("exp") }
        set { object["exp"] = newValue.map { .number(JSONNumber($0)) } }
    }

    /// `nbf` (RFC 7519 §4.1.5) in whole seconds, when it is a valid NumericDate.
    public var notBefore: Int64? {
        get { numericDateSeconds("nbf") }
        set { object["nbf"] = newValue.map { .number(JSONNumber($0)) } }
    }

    /// `iat` (RFC 7519 §4.1.6) in whole seconds, when it is a valid NumericDate.
    public var issuedAt: Int64? {
        get { numericDateSeconds("iat") }
        set { object["iat"] = newValue.map { .number(JSONNumber($0)) } }
    }

    /// The claim `name` as a list of strings: a JSON array whose elements are all strings.
    ///
    /// `nil` when absent or of any other shape.
    ///
    /// - Parameter name: The claim, e.g. `"roles"`.
    /// - Returns: The strings, or `nil`.
    public func strings(_ name: String) -> [String]? {
        guard case .array(let values) = object[name] else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(values.count)
        for value in values {
            guard case .string(let string) = value else { return nil }
            strings.append(string)
        }
        return strings
    }

    private func numericDateSeconds(_ name: String) -> Int64? {
        guard let value = object[name], let date = try? NumericDate(value, claim: name) else { return nil }
        return date.wholeSeconds
    }
}
