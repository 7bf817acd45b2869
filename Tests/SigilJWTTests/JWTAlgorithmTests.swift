import SigilJWT
import Testing

@Suite("JWTAlgorithm")
struct JWTAlgorithmTests {
    static let implemented = JWTAlgorithm.hmacAlgorithms + JWTAlgorithm.rsaPKCS1Algorithms

    @Test("names round-trip", arguments: implemented)
    func roundTrip(algorithm: JWTAlgorithm) {
        #expect(JWTAlgorithm(rawValue: algorithm.rawValue) == algorithm)
        #expect(algorithm.description == algorithm.rawValue)
    }

    @Test("each family's key supports its own algorithms and no other family's")
    func families() throws {
        let secret = try JWTKey.hmac(Array(repeating: 7, count: 64))
        let rsa = try JWTKey.rsa(pem: try RSAKeyTests.publicPEM())
        for algorithm in JWTAlgorithm.hmacAlgorithms {
            #expect(secret.supports(algorithm))
            #expect(!rsa.supports(algorithm))
        }
        for algorithm in JWTAlgorithm.rsaPKCS1Algorithms {
            #expect(rsa.supports(algorithm))
            #expect(!secret.supports(algorithm))
        }
        // A 32-byte secret is too short for HS384 and HS512 (RFC 7518 §3.2).
        let short = try JWTKey.hmac(Array(repeating: 7, count: 32))
        #expect(short.supports(.hs256) && !short.supports(.hs384) && !short.supports(.hs512))
    }

    @Test("registered names that no family here implements are algorithms, but no key supports them")
    func registeredButUnimplemented() throws {
        let key = try JWTKey.hmac(Array(repeating: 7, count: 64))
        for name in ["ES256K", "EdDSA"] {
            let algorithm = try #require(JWTAlgorithm(rawValue: name))
            #expect(!key.supports(algorithm))
        }
    }

    @Test(
        "none and unknown names are not algorithms",
        arguments: ["none", "None", "NONE", "nOnE", "hs256", "es256", "", "XS256", "RS1"])
    func unknownNames(name: String) {
        #expect(JWTAlgorithm(rawValue: name) == nil)
    }
}
