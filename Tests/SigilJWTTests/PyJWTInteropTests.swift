import Foundation
import SigilJSON
import SigilJWT
import Testing

/// Tokens made by Python's PyJWT (Fixtures/pyjwt_tokens.json, made by
/// Fixtures/make_pyjwt_fixtures.py) verify here, at the file's fixed `now`.
@Suite("PyJWT interop fixtures")
struct PyJWTInteropTests {
    static func fixtures() throws -> JSONObject {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pyjwt_tokens.json")
        return try #require(try JSONValue.parse(String(decoding: Data(contentsOf: url), as: UTF8.self)).objectValue)
    }

    struct Case: Sendable, CustomStringConvertible {
        let object: JSONObject
        var description: String { object["name"]?.stringValue ?? "?" }
    }

    static func cases() throws -> [Case] {
        try #require(try fixtures()["cases"]?.arrayValue).compactMap { $0.objectValue.map(Case.init) }
    }

    @Test("the fixture file has 16 cases, and all are checked")
    func count() throws {
        #expect(try Self.cases().count == 16)
    }

    @Test("each PyJWT token gives its expected result", arguments: try cases())
    func verify(_ testCase: Case) throws {
        let fixtures = try Self.fixtures()
        let test = testCase.object
        let token = try #require(test["token"]?.stringValue)
        let algorithm = try #require(test["alg"]?.stringValue.flatMap(JWTAlgorithm.init(rawValue:)))
        let verify = test["verify"]?.objectValue ?? JSONObject()
        let kid = verify["kid"]?.stringValue

        let key: JWTKey
        if JWTAlgorithm.hmacAlgorithms.contains(algorithm) {
            let secret = try #require(fixtures["secrets"]?[algorithm.rawValue]?.stringValue)
            key = try JWTKey.hmac(secret, algorithm: algorithm, keyID: kid)
        } else {
            let jwk = try #require(fixtures["rsaPublicJWK"]).serialized()
            key = try JWTKey(jwk: jwk, algorithm: algorithm)
        }
        var options = JWTValidationOptions()
        options.clock = .fixed(try #require(fixtures["now"]?.numberValue?.int64Value))
        if let audience = verify["audience"]?.stringValue { options.audiences = [audience] }
        if let issuer = verify["issuer"]?.stringValue { options.issuers = [issuer] }
        let verifier = JWTVerifier(key: key, options: options)

        let expected = try #require(test["expect"]?.stringValue)
        if expected == "valid" {
            let verified = try verifier.verify(token)
            #expect(verified.claims.subject == "user_admin")
            #expect(verified.claims.strings("roles") == ["admin"])
        } else {
            let error = TokenForge.error { () throws(JWTError) in try verifier.verify(token) }
            #expect(error?.code.description == expected)
        }
    }
}
