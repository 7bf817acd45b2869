import SigilBase64
import SigilHMAC
import SigilJSON
import SigilJWT
import SigilRSA
import SigilSHA2

/// The fixed keys, verifiers and base tokens of the JWT harnesses: RFC 7515 A.1 (HS256)
/// and A.2 (RS256), with the clock at a moment when their tokens are valid.
enum JWTFixtures {
    static let now: Int64 = 1_300_819_000
    static let leeway: Int64 = 60

    /// RFC 7515 A.1's 64-byte HMAC key.
    static let hmacSecret: [UInt8] = hexBytes(
        "0323354b2b0fa5bc837e0665777ba68f5ab328e6f054c928a90f84b2d2502ebfd3fb5a92d20647ef968ab4c377623d223d2e2172052e4f08c0cd9af567d080a3"
    )

    /// RFC 7515 A.2's RSA public key.
    static let rsaPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAofgWCuLjybRlzo0tZWJj
        NiuSfb4p4fAkd/wWJcyQoTbji9k0l8W26mPddxHmfHQp+Vaw+4qPCJrcS2mJPMEz
        P1Pt0Bm4d4QlL+yRT+SFd2lZS+pCgNMsD1W/YpRPEwOWvG6b32690r2jZ47soMZo
        9wGzjb/7OMg0LOL+bSf63kpaSHSXndS5z5rexMdbBYUsLA9e+KXBdQOS+UTo7WTB
        EMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6/I5IhlJH7aGhyxX
        FvUK+DWNmoudF8NAco9/h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXp
        oQIDAQAB
        -----END PUBLIC KEY-----

        """

    static let rsaPublicKey: RSA.PublicKey = {
        guard let key = try? RSA.PublicKey(pemRepresentation: rsaPEM) else { fatalError("fixture: RSA key") }
        return key
    }()

    static let hsKey: JWTKey = {
        guard let key = try? JWTKey.hmac(hmacSecret, algorithm: .hs256) else { fatalError("fixture: HS key") }
        return key
    }()

    static let rsKey: JWTKey = {
        guard let key = try? JWTKey.rsa(rsaPublicKey, algorithm: .rs256) else { fatalError("fixture: RS key") }
        return key
    }()

    static var options: JWTValidationOptions {
        JWTValidationOptions(leeway: leeway, clock: .fixed(now))
    }

    /// One verifier per key, and one with several keys under IDs.
    static let verifiers: [JWTVerifier] = {
        guard let hsWithID = try? JWTKey.hmac(hmacSecret, algorithm: .hs256, keyID: "hs"),
            let rsWithID = try? JWTKey.rsa(rsaPublicKey, algorithm: .rs256, keyID: "rs"),
            let otherWithID = try? JWTKey.hmac(Array(hmacSecret.reversed()), algorithm: .hs512, keyID: "other")
        else { fatalError("fixture: keys with IDs") }
        return [
            JWTVerifier(key: hsKey, options: options),
            JWTVerifier(key: rsKey, options: options),
            JWTVerifier(keys: JWTKeySet([hsWithID, rsWithID, otherWithID]), options: options),
        ]
    }()

    /// Valid tokens to mutate: RFC 7515 A.1 (HS256, CR LF in its JSON), A.2 (RS256), one
    /// from JWTSigner, and one with a kid.
    static let baseTokens: [String] = {
        let signed = signHS256(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: #"{"sub":"admin","roles":["admin"],"exp":1300822600,"nbf":1300818000,"iat":1300818000}"#)
        let withID = signHS256(header: #"{"alg":"HS256","kid":"hs"}"#, payload: #"{"sub":"a","exp":1300822600}"#)
        return [
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw",
            signed,
            withID,
        ]
    }()

    /// `BASE64URL(header) '.' BASE64URL(payload) '.' HMAC-SHA256`, for any header bytes.
    static func signHS256(header: String, payload: String) -> String {
        signHS256(rawHeader: Base64URL.encode(Array(header.utf8)), rawPayload: Base64URL.encode(Array(payload.utf8)))
    }

    /// Signs already-encoded segments as they are (they need not be valid base64url).
    static func signHS256<H: Collection, P: Collection>(rawHeader: H, rawPayload: P) -> String
    where H.Element == UInt8, P.Element == UInt8 {
        var input = Array(rawHeader)
        input.append(UInt8(ascii: "."))
        input.append(contentsOf: rawPayload)
        let mac = HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: hmacSecret))
        return String(decoding: input, as: UTF8.self) + "." + Base64URL.encode(Array(mac))
    }

    static func signHS256(rawHeader: String, rawPayload: String) -> String {
        signHS256(rawHeader: Array(rawHeader.utf8), rawPayload: Array(rawPayload.utf8))
    }

    /// An independent check of a token that a verifier accepted: strict segments, the
    /// header's alg, the signature recomputed with the fixture key, and exp/nbf/iat
    /// against the fixed clock and leeway.
    static func checkAccepted(_ token: String) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3,
            let headerBytes = try? Base64URL.decode(Array(segments[0].utf8)),
            let payloadBytes = try? Base64URL.decode(Array(segments[1].utf8)),
            let signature = try? Base64URL.decode(Array(segments[2].utf8))
        else { fatalError("jwt: accepted a token whose segments are not strict base64url") }
        guard case .object(let header)? = try? JSONValue.parse(headerBytes),
            case .string(let alg)? = header["alg"]
        else { fatalError("jwt: accepted a token whose header has no alg") }
        let input = Array(segments[0].utf8) + [UInt8(ascii: ".")] + Array(segments[1].utf8)
        switch alg {
        case "HS256":
            let mac = Array(HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: hmacSecret)))
            guard mac == signature else { fatalError("jwt: accepted an HS256 token with a wrong MAC") }
        case "RS256":
            guard rsaPublicKey.isValidSignature(signature, for: input, using: SHA256.self) else {
                fatalError("jwt: accepted an RS256 token with a wrong signature")
            }
        default:
            fatalError("jwt: accepted alg \(alg)")
        }
        guard case .object(let claims)? = try? JSONValue.parse(payloadBytes) else {
            fatalError("jwt: accepted a payload that is not a JSON object")
        }
        guard case .number(let exp)? = claims["exp"], let expiry = exp.doubleValue else {
            fatalError("jwt: accepted a token without a numeric exp")
        }
        guard Double(now) < expiry + Double(leeway) else { fatalError("jwt: accepted an expired token") }
        if let nbfValue = claims["nbf"] {
            guard case .number(let nbf) = nbfValue, let notBefore = nbf.doubleValue,
                notBefore <= Double(now + leeway)
            else { fatalError("jwt: accepted a token before its nbf") }
        }
        if let iatValue = claims["iat"] {
            guard case .number(let iat) = iatValue, let issuedAt = iat.doubleValue,
                issuedAt <= Double(now + leeway)
            else { fatalError("jwt: accepted a token issued in the future") }
        }
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(nibble(high) << 4 | nibble(low))
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10
    }
}
