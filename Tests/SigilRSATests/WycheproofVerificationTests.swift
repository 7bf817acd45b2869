import SigilBase64
import SigilRSA
import SigilTestSupport
import Testing

/// One Wycheproof `RsassaPkcs1Verify` file: its groups' keys in every form, and its cases.
struct WycheproofVerificationFile: Sendable, CustomTestStringConvertible {
    var name: String
    var expectedCount: Int
    var testDescription: String { "\(name) (\(expectedCount) cases)" }
}

@Suite("Wycheproof RSASSA-PKCS1-v1_5 verification")
struct WycheproofVerificationTests {
    static let files = [
        WycheproofVerificationFile(name: "rsa_signature_2048_sha256_test.json", expectedCount: 259),
        WycheproofVerificationFile(name: "rsa_signature_2048_sha384_test.json", expectedCount: 258),
        WycheproofVerificationFile(name: "rsa_signature_2048_sha512_test.json", expectedCount: 259),
    ]

    /// Every case of the file: `valid` must verify, `invalid` must not, and `acceptable`
    /// (only `MissingNull`: a DigestInfo without the NULL parameters) must not either: Sigil
    /// builds the one encoding RFC 8017 §9.2 defines and compares it whole.
    @Test("259 + 258 + 259 cases", arguments: files)
    func verifyEveryCase(_ file: WycheproofVerificationFile) throws {
        let document = try Vectors.jsonObject("wycheproof/\(file.name)")
        #expect(document["numberOfTests"] as? Int == file.expectedCount)
        let groups = try document.objects("testGroups")
        var counted = 0
        var accepted = 0
        for group in groups {
            let hash = try #require(VectorHash(rawValue: try group.string("sha")))
            let key = try WycheproofVerificationTests.publicKey(fromGroup: group)
            for test in try group.objects("tests") {
                let tcId = try test.integer("tcId")
                let message = try test.hexBytes("msg")
                let signature = try test.hexBytes("sig")
                let result = try test.string("result")
                let flags = test["flags"] as? [String] ?? []
                let verified = hash.isValid(key, signature, for: message)
                switch result {
                case "valid":
                    #expect(verified, "tcId \(tcId) is valid")
                    accepted += 1
                case "invalid":
                    #expect(!verified, "tcId \(tcId) is invalid")
                case "acceptable":
                    #expect(flags == ["MissingNull"], "tcId \(tcId): the only acceptable cases are MissingNull")
                    #expect(!verified, "tcId \(tcId): MissingNull is rejected by design")
                default:
                    Issue.record("tcId \(tcId): unknown result \(result)")
                }
                counted += 1
            }
        }
        #expect(counted == file.expectedCount)
        #expect(accepted > 0)
    }

    /// The group's key from each of its forms; all forms must give the same key.
    static func publicKey(fromGroup group: [String: Any]) throws -> RSA.PublicKey {
        let der = try group.hexBytes("publicKeyDer")
        let pkcs1 = try group.hexBytes("publicKeyAsn")
        let pem = try group.string("publicKeyPem")
        let raw = try group.object("publicKey")
        let modulus = try raw.hexBytes("modulus")
        let exponent = try raw.hexBytes("publicExponent")
        let jwk = try group.object("keyJwk")

        let fromDER = try RSA.PublicKey(derRepresentation: der)
        #expect(try RSA.PublicKey(derRepresentation: pkcs1) == fromDER)
        #expect(try RSA.PublicKey(pemRepresentation: pem) == fromDER)
        #expect(try RSA.PublicKey(modulus: modulus, publicExponent: exponent) == fromDER)
        let jwkModulus = try jwk.base64URLBytes("n")
        let jwkExponent = try jwk.base64URLBytes("e")
        #expect(try RSA.PublicKey(modulus: jwkModulus, publicExponent: jwkExponent) == fromDER)
        #expect(fromDER.keySizeInBits == 2048)
        #expect(fromDER.derRepresentation == der)
        #expect(fromDER.pkcs1DERRepresentation == pkcs1)
        return fromDER
    }
}
