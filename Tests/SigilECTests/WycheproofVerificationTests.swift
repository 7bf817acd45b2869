import SigilEC
import SigilTestSupport
import Testing

/// One Wycheproof ECDSA verification file.
struct WycheproofECDSAFile: Sendable, CustomTestStringConvertible {
    enum Curve: Sendable { case p256, p384, p521 }
    var name: String
    var curve: Curve
    var der: Bool
    var expectedCount: Int
    var expectedValid: Int
    var testDescription: String { "\(name) (\(expectedCount) cases)" }
}

@Suite("Wycheproof ECDSA verification")
struct WycheproofVerificationTests {
    static let files = [
        WycheproofECDSAFile(
            name: "ecdsa_secp256r1_sha256_p1363_test.json", curve: .p256, der: false, expectedCount: 262,
            expectedValid: 173),
        WycheproofECDSAFile(
            name: "ecdsa_secp256r1_sha256_test.json", curve: .p256, der: true, expectedCount: 484,
            expectedValid: 174),
        WycheproofECDSAFile(
            name: "ecdsa_secp384r1_sha384_p1363_test.json", curve: .p384, der: false, expectedCount: 280,
            expectedValid: 193),
        WycheproofECDSAFile(
            name: "ecdsa_secp521r1_sha512_p1363_test.json", curve: .p521, der: false, expectedCount: 318,
            expectedValid: 231),
    ]

    /// Every case: `valid` must verify; `invalid` must be refused, either when the signature
    /// is parsed (a wrong length, malformed DER) or by verification.
    ///
    /// The files have no `acceptable` cases.
    @Test("262 + 484 + 280 + 318 cases", arguments: files)
    func verifyEveryCase(_ file: WycheproofECDSAFile) throws {
        switch file.curve {
        case .p256: try Self.run(file, P256UnderTest.self)
        case .p384: try Self.run(file, P384UnderTest.self)
        case .p521: try Self.run(file, P521UnderTest.self)
        }
    }

    static func run<Curve: CurveUnderTest>(_ file: WycheproofECDSAFile, _: Curve.Type) throws {
        let document = try Vectors.jsonObject("wycheproof/\(file.name)")
        #expect(document["numberOfTests"] as? Int == file.expectedCount)
        var counted = 0
        var accepted = 0
        var refusedAtParse = 0
        for group in try document.objects("testGroups") {
            let key = try publicKey(fromGroup: group, Curve.self)
            for test in try group.objects("tests") {
                let tcId = try test.integer("tcId")
                let message = try test.hexBytes("msg")
                let signature = try test.hexBytes("sig")
                let result = try test.string("result")
                var verified = false
                do {
                    verified =
                        file.der
                        ? try Curve.verify(key, derSignature: signature, message: message)
                        : try Curve.verify(key, rawSignature: signature, message: message)
                } catch {
                    #expect(
                        error.code == .invalidDER || error.code == .invalidSignature,
                        "tcId \(tcId): unexpected error \(error)")
                    refusedAtParse += 1
                }
                switch result {
                case "valid":
                    #expect(verified, "tcId \(tcId) is valid")
                    accepted += 1
                case "invalid":
                    #expect(!verified, "tcId \(tcId) is invalid")
                default:
                    Issue.record("tcId \(tcId): unexpected result \(result)")
                }
                counted += 1
            }
        }
        #expect(counted == file.expectedCount)
        #expect(accepted == file.expectedValid)
        #expect(refusedAtParse > 0)
    }

    /// The group's key from each of its forms; all forms must give the same key, and the
    /// key's encodings must reproduce the file's.
    static func publicKey<Curve: CurveUnderTest>(
        fromGroup group: [String: Any], _: Curve.Type
    ) throws
        -> Curve.PublicKey
    {
        let raw = try group.object("publicKey")
        let uncompressed = try raw.hexBytes("uncompressed")
        let der = try group.hexBytes("publicKeyDer")
        let pem = try group.string("publicKeyPem")
        let fromX963 = try Curve.publicKey(x963: uncompressed)
        #expect(try Curve.publicKey(der: der) == fromX963)
        #expect(try Curve.publicKey(pem: pem) == fromX963)
        #expect(try Curve.publicKey(raw: Array(uncompressed.dropFirst())) == fromX963)
        if let jwk = group["publicKeyJwk"] as? [String: Any] {
            let x = try jwk.base64URLBytes("x")
            let y = try jwk.base64URLBytes("y")
            #expect(x.count == Curve.byteCount && y.count == Curve.byteCount)
            #expect(try Curve.publicKey(raw: x + y) == fromX963)
        }
        #expect(Curve.x963Representation(fromX963) == uncompressed)
        #expect(Curve.derRepresentation(fromX963) == der)
        return fromX963
    }
}
