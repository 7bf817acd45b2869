import SigilBase64
import SigilEd25519
import SigilTestSupport
import Testing

/// RFC 8037 Appendix A: the Ed25519 JWK (A.1, A.2) and the JWS example (A.4, A.5), at the
/// primitive level: the signature is checked over the JWS signing input as raw bytes.
@Suite("RFC 8037 Ed25519 JWK and JWS example")
struct RFC8037Tests {
    @Test("the key derives x, signs the example byte for byte, and verifies it")
    func example() throws {
        let document = try Vectors.jsonObject("rfc/rfc6979_ecdsa_rfc8037_eddsa.json")
        let examples = try document.objects("eddsa")
        #expect(examples.count == 1)
        let example = try #require(examples.first)
        let jwk = try example.object("jwk")
        #expect(try jwk.string("kty") == "OKP")
        #expect(try jwk.string("crv") == "Ed25519")
        let secret = try jwk.base64URLBytes("d")
        let x = try jwk.base64URLBytes("x")
        let signingInput = Array(try example.string("signingInput").utf8)
        let parts = try example.string("jws").split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts[0] + "." + parts[1] == Substring(try example.string("signingInput")))
        let signature = try Base64URL.decode(String(parts[2]))
        #expect(signature.count == 64)

        let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: secret)
        #expect(privateKey.publicKey.rawRepresentation == x)
        #expect(privateKey.signature(for: signingInput) == signature)

        let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: x)
        #expect(publicKey.isValidSignature(signature, for: signingInput))
        #expect(!publicKey.isValidSignature(signature, for: signingInput.dropLast()))
    }
}
