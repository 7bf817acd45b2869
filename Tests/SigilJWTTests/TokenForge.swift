import SigilBase64
import SigilJSON
import SigilJWT

/// Builds test tokens from raw header and payload text, so that tests can present exactly
/// the bytes an attacker would (duplicate members, odd types, `crit`, …).
enum TokenForge {
    /// A 32-byte HS256 test secret.
    static let secret = Array("0123456789abcdef0123456789abcdef".utf8)
    /// A fixed "now" for claim tests.
    static let now: Int64 = 1_700_000_000

    static func hs256Key(keyID: String? = nil) throws -> JWTKey {
        try JWTKey.hmac(secret, algorithm: .hs256, keyID: keyID)
    }

    /// `BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature)`, the signature
    /// made with `key` over the first two segments.
    static func token(header: String, payload: String, key: JWTKey) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let signature = try key.signature(for: Array(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }

    /// A token signed with the HS256 test key, with the header `{"alg":"HS256","typ":"JWT"}`.
    static func token(payload: String, key: JWTKey? = nil) throws -> String {
        try token(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: payload, key: key ?? hs256Key())
    }

    /// A verifier for the HS256 test key with the clock fixed at `now`.
    static func verifier(
        key: JWTKey? = nil,
        configure: (inout JWTValidationOptions) -> Void = { _ in }
    ) throws -> JWTVerifier {
        var options = JWTValidationOptions()
        options.clock = .fixed(now)
        configure(&options)
        return JWTVerifier(key: try key ?? hs256Key(), options: options)
    }

    /// The error that `body` throws (a `JWTError`, an `RSAError`, …), or `nil` if it does not
    /// throw.
    static func error<E: Error, R>(_ body: () throws(E) -> R) -> E? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
