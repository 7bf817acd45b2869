import SigilEd25519
import SigilTestSupport
import Testing

@Suite("Wycheproof Ed25519 verification")
struct WycheproofTests {
    /// Every case of `ed25519_test.json`: `valid` must verify and `invalid` must not (the file
    /// has no `acceptable` case).
    ///
    /// Each group's key is read from its raw form.
    @Test("151 cases: 88 valid, 63 invalid")
    func verifyEveryCase() throws {
        let document = try Vectors.jsonObject("wycheproof/ed25519_test.json")
        #expect(document["numberOfTests"] as? Int == 151)
        var counted = 0
        var accepted = 0
        var rejected = 0
        for group in try document.objects("testGroups") {
            let raw = try group.object("publicKey").hexBytes("pk")
            let key = try Curve25519.Signing.PublicKey(rawRepresentation: raw)
            #expect(key.rawRepresentation == raw)
            for test in try group.objects("tests") {
                let tcId = try test.integer("tcId")
                let message = try test.hexBytes("msg")
                let signature = try test.hexBytes("sig")
                let result = try test.string("result")
                let verified = key.isValidSignature(signature, for: message)
                switch result {
                case "valid":
                    #expect(verified, "tcId \(tcId) is valid")
                    accepted += 1
                case "invalid":
                    #expect(!verified, "tcId \(tcId) is invalid")
                    rejected += 1
                default:
                    Issue.record("tcId \(tcId): unexpected result \(result)")
                }
                counted += 1
            }
        }
        #expect(counted == 151)
        #expect(accepted == 88)
        #expect(rejected == 63)
    }
}
