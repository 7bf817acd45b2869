import SigilEC
import SigilTestSupport
import Testing

/// RFC 6979 App.
///
/// A.2.5–A.2.7: deterministic ECDSA reproduces the published signatures byte for byte, and
/// every signature verifies.
@Suite("RFC 6979 deterministic ECDSA")
struct RFC6979SigningTests {
    @Test("6 signatures over P-256, P-384 and P-521")
    func everyCase() throws {
        let document = try Vectors.jsonObject("rfc/rfc6979_ecdsa_rfc8037_eddsa.json")
        let cases = try document.objects("ecdsa")
        #expect(cases.count == 6)
        var counts: [String: Int] = [:]
        for item in cases {
            let curve = try item.string("curve")
            let d = try item.hexBytes("d")
            let publicKey = try item.hexBytes("Qx") + item.hexBytes("Qy")
            let message = Array(try item.string("message").utf8)
            let expected = try item.hexBytes("r") + item.hexBytes("s")
            switch curve {
            case "P-256":
                #expect(try item.string("hash") == "SHA-256")
                let key = try P256.Signing.PrivateKey(rawRepresentation: d)
                #expect(key.publicKey.rawRepresentation == publicKey)
                let signature = try key.signature(for: message)
                #expect(signature.rawRepresentation == expected)
                #expect(key.publicKey.isValidSignature(signature, for: message))
            case "P-384":
                #expect(try item.string("hash") == "SHA-384")
                let key = try P384.Signing.PrivateKey(rawRepresentation: d)
                #expect(key.publicKey.rawRepresentation == publicKey)
                let signature = try key.signature(for: message)
                #expect(signature.rawRepresentation == expected)
                #expect(key.publicKey.isValidSignature(signature, for: message))
            case "P-521":
                #expect(try item.string("hash") == "SHA-512")
                let key = try P521.Signing.PrivateKey(rawRepresentation: d)
                #expect(key.publicKey.rawRepresentation == publicKey)
                let signature = try key.signature(for: message)
                #expect(signature.rawRepresentation == expected)
                #expect(key.publicKey.isValidSignature(signature, for: message))
            default:
                Issue.record("unknown curve \(curve)")
            }
            counts[curve, default: 0] += 1
        }
        #expect(counts == ["P-256": 2, "P-384": 2, "P-521": 2])
    }
}
