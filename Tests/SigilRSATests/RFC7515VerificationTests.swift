import SigilBase64
import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// RFC 7515 Appendix A.2: the RS256 example JWS, with the JWK and the derived PEM.
@Suite("RFC 7515 A.2 RS256 signature")
struct RFC7515VerificationTests {
    static func rs256Cases() throws -> [[String: Any]] {
        let document = try Vectors.jsonObject("rfc/rfc7515_jws.json")
        return try document.objects("tests").filter { ($0["alg"] as? String)?.hasPrefix("RS") == true }
    }

    @Test("A.2 verifies with its JWK and PEM key")
    func appendixA2() throws {
        let cases = try Self.rs256Cases()
        let a2 = try #require(cases.first { ($0["derived"] as? Bool) == false && ($0["alg"] as? String) == "RS256" })
        let token = try a2.string("token")
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let signature = try Base64URL.decode(String(parts[2]))
        #expect(signature == (try Base64URL.decode(try a2.string("signatureB64u"))))
        let key = try a2.object("key")
        let jwk = try key.object("jwk")
        let fromJWK = try RSA.PublicKey(
            modulus: try jwk.base64URLBytes("n"), publicExponent: try jwk.base64URLBytes("e"))
        let fromPEM = try RSA.PublicKey(pemRepresentation: try key.string("pem"))
        #expect(fromJWK == fromPEM)
        #expect(fromPEM.pemRepresentation == (try key.string("pem")))
        #expect(fromJWK.isValidSignature(signature, for: signingInput, using: SHA256.self))
        #expect(!fromJWK.isValidSignature(signature, for: signingInput, using: SHA384.self))
        #expect(!fromJWK.isValidSignature(signature, for: signingInput.dropLast(), using: SHA256.self))
    }

    /// Every RS* case in the file (A.2, a modified signature, a header changed to RS384):
    /// the signature check, with the hash the header names, gives `expectedSignature`.
    @Test("3 RS256/RS384 cases of rfc7515_jws.json")
    func everyRS256Case() throws {
        let cases = try Self.rs256Cases()
        #expect(cases.count == 3)
        for testCase in cases {
            let token = try testCase.string("token")
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let signature = try? Base64URL.decode(String(parts[2])) else {
                #expect(try testCase.string("expectedSignature") != "valid")
                continue
            }
            let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
            let jwk = try testCase.object("key").object("jwk")
            let key = try RSA.PublicKey(
                modulus: try jwk.base64URLBytes("n"), publicExponent: try jwk.base64URLBytes("e"))
            let expected = try testCase.string("expectedSignature") == "valid"
            let hash: VectorHash = try testCase.string("alg") == "RS384" ? .sha384 : .sha256
            #expect(hash.isValid(key, signature, for: signingInput) == expected)
        }
    }
}
