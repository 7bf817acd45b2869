import SigilEC
import Testing

/// The README's SigilEC snippet, compiled and run, so the README stays true.
@Suite("README: ECDSA primitives")
struct ReadmeExampleTests {
    @Test("sign and verify with a PEM key")
    func snippet() throws {
        let pem = KeyEncodingTests.p256PKCS8
        let message = "hello"
        let key = try P256.Signing.PrivateKey(pemRepresentation: pem)  // EC PRIVATE KEY or PRIVATE KEY
        let signature = try key.signature(for: Array(message.utf8))  // RFC 6979, deterministic
        let ok = key.publicKey.isValidSignature(signature, for: Array(message.utf8))
        #expect(ok)
        #expect(signature.rawRepresentation.count == 64)
    }
}
