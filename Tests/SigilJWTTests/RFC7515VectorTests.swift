import SigilBase64
import SigilJSON
import SigilJWT
import SigilTestSupport
import Testing

/// RFC 7515 Appendix A.1, A.2, A.5, RFC 7519 §3.1 and the derived negative cases, from
/// Vectors/rfc/rfc7515_jws.json, each validated at the case's `expectedJwt.now`.
@Suite("RFC 7515 / RFC 7519 vectors")
struct RFC7515VectorTests {
    struct Case: Sendable, CustomStringConvertible {
        let id: Int
        let object: JSONObject
        var description: String { "tcId \(id)" }
    }

    static func cases() throws -> [Case] {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc7515_jws.json"))
        let tests = try #require(file["tests"]?.arrayValue)
        return try tests.map { test in
            let object = try #require(test.objectValue)
            let id = try #require(object["tcId"]?.numberValue?.int64Value)
            return Case(id: Int(id), object: object)
        }
    }

    @Test("the file has 11 cases, and all 11 are checked")
    func caseCount() throws {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc7515_jws.json"))
        #expect(file["numberOfTests"]?.numberValue?.int64Value == 11)
        #expect(try Self.cases().count == 11)
    }

    /// The verification key for a case, built from the form the library reads: the JWK.
    static func key(for test: JSONObject, algorithm: JWTAlgorithm) throws -> JWTKey? {
        guard let key = test["key"]?.objectValue else { return nil }
        let jwk = try #require(key["jwk"]).serialized()
        return try JWTKey(jwk: jwk, algorithm: algorithm)
    }

    @Test("each case gives its expected result", arguments: try cases())
    func vector(_ testCase: Case) throws {
        let test = testCase.object
        let token = try #require(test["token"]?.stringValue)
        let expected = try #require(test["expectedJwt"]?.objectValue)
        let now = try #require(expected["now"]?.numberValue?.int64Value)
        let algorithms = try #require(expected["algorithms"]?.arrayValue).compactMap {
            $0.stringValue.flatMap(JWTAlgorithm.init(rawValue:))
        }
        let valid = expected["result"]?.stringValue == "valid"

        var options = JWTValidationOptions()
        options.clock = .fixed(now)
        options.leeway = expected["leeway"]?.numberValue?.int64Value ?? 0
        options.allowedAlgorithms = Set(algorithms)

        // The key the case names, bound to the case's alg when that fits the key type (so
        // tcId 11's RS384 header meets an RS384 key and fails on the signature), else to the
        // key type's default (tcId 10's HS256 token meets an RS256 key).
        let isRSA = test["key"]?["jwk"]?["kty"]?.stringValue == "RSA"
        let caseAlgorithm = test["alg"]?.stringValue.flatMap(JWTAlgorithm.init(rawValue:))
        let keyAlgorithm: JWTAlgorithm =
            if let caseAlgorithm, JWTAlgorithm.rsaPKCS1Algorithms.contains(caseAlgorithm) == isRSA {
                caseAlgorithm
            } else {
                isRSA ? .rs256 : .hs256
            }
        guard let key = try Self.key(for: test, algorithm: keyAlgorithm) else {
            // A.5, alg none: no key at all. Any verifier rejects it, whatever keys it holds.
            let verifier = JWTVerifier(key: try TokenForge.hs256Key(), options: options)
            #expect(!valid)
            let error = TokenForge.error { () throws(JWTError) in try verifier.verify(token) }
            #expect(error?.code == .algorithmNotAllowed)
            return
        }
        let verifier = JWTVerifier(key: key, options: options)
        let result = TokenForge.error { () throws(JWTError) in try verifier.verify(token) }
        if valid {
            #expect(result == nil, "\(testCase): \(String(describing: result))")
            let verified = try verifier.verify(token)
            #expect(verified.claims.issuer == "joe")
            #expect(verified.claims.expiration == 1_300_819_380)
            #expect(verified.claims["http://example.com/is_root"] == .bool(true))
            if let payload = test["payloadUtf8"]?.stringValue {
                #expect(verified.payload == Array(payload.utf8))
            }
        } else {
            let error = try #require(result, "\(testCase) must be rejected")
            let expectedCode: JWTError.Code =
                switch testCase.id {
                case 3: .expired
                case 10: .algorithmNotAllowed  // HS256 token presented to an RS256 key
                default: .invalidSignature
                }
            #expect(error.code == expectedCode, "\(testCase): \(error)")
        }
        // expectedSignature: the raw JWS check agrees.
        if let signature = test["expectedSignature"]?.stringValue, signature != "not applicable",
            test["alg"]?.stringValue == key.algorithm.rawValue
        {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            let input = Array((parts[0] + "." + parts[1]).utf8)
            let raw = try Base64URL.decode(String(parts[2]))
            #expect(key.isValidSignature(raw, for: input) == (signature == "valid"), "\(testCase)")
        }
    }
}
