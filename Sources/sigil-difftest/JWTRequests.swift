import SigilJWT

/// JWT verification requests, with keys cached by their request field.
struct JWTRequests {
    private var keys: [String: JWTKey] = [:]

    /// `jwt-verify ALG KIND KEY NOW LEEWAY TOKEN` → `ok` or `err CODE` (a `JWTError` code
    /// name such as `expired`, or the key's error).
    ///
    /// ALG is the key's algorithm (`HS256`, …). KIND is `hmac` (KEY is the secret) or `pem`
    /// (KEY is the PEM text of an RSA, EC or Ed25519 public key). The
    /// verifier's clock is fixed at NOW (Unix seconds), with LEEWAY seconds of leeway and
    /// every other option at its default (exp required). TOKEN is the token's bytes.
    mutating func verify(_ arguments: [Substring]) -> String {
        guard arguments.count == 6, let algorithm = JWTAlgorithm(rawValue: String(arguments[0])),
            let now = Int64(arguments[3]), let leeway = Int64(arguments[4]), let token = HexField.decode(arguments[5])
        else { return "bad arguments" }
        let cacheKey = arguments[0] + " " + arguments[1] + " " + arguments[2]
        let key: JWTKey
        if let cached = keys[String(cacheKey)] {
            key = cached
        } else {
            do {
                key = try Self.makeKey(algorithm: algorithm, kind: arguments[1], field: arguments[2])
            } catch {
                return "err key-\(error.code)"
            }
            keys[String(cacheKey)] = key
        }
        let verifier = JWTVerifier(key: key, options: JWTValidationOptions(leeway: leeway, clock: .fixed(now)))
        do {
            _ = try verifier.verify(utf8: token)
            return "ok"
        } catch {
            return "err \(error.code)"
        }
    }

    private static func makeKey(
        algorithm: JWTAlgorithm, kind: Substring, field: Substring
    ) throws(JWTError)
        -> JWTKey
    {
        switch kind {
        case "hmac":
            return try JWTKey.hmac(HexField.decode(field) ?? [], algorithm: algorithm)
        case "pem":
            return try JWTKey(pem: String(decoding: HexField.decode(field) ?? [], as: UTF8.self), algorithm: algorithm)
        default:
            throw JWTError(.invalidKey, "unknown key kind")
        }
    }
}
