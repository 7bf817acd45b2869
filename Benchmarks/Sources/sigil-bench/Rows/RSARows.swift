import Crypto
import SigilRSA
import SigilSHA2
import _CryptoExtras

/// RSASSA-PKCS1-v1_5 with SHA-256, Sigil's `RSA` vs swift-crypto's `_RSA.Signing` (BoringSSL).
///
/// One operation hashes a 200-byte message (about a JWT's signing input) and verifies or signs it.
enum RSARows {
    static func make() throws -> [Row] {
        let message = [UInt8](pseudoRandomCount: 200, stream: 0x5253_41)
        let peerPrivate2048 = try _RSA.Signing.PrivateKey(pemRepresentation: BenchmarkKeys.rsa2048PrivateKeyPEM)
        let peerPrivate4096 = try _RSA.Signing.PrivateKey(pemRepresentation: BenchmarkKeys.rsa4096PrivateKeyPEM)
        let peerPublic2048 = try _RSA.Signing.PublicKey(pemRepresentation: BenchmarkKeys.rsa2048PublicKeyPEM)
        let peerPublic4096 = try _RSA.Signing.PublicKey(pemRepresentation: BenchmarkKeys.rsa4096PublicKeyPEM)
        let sigilPrivate2048 = try RSA.PrivateKey(pemRepresentation: BenchmarkKeys.rsa2048PrivateKeyPEM)
        let sigilPublic2048 = try RSA.PublicKey(pemRepresentation: BenchmarkKeys.rsa2048PublicKeyPEM)
        let sigilPublic4096 = try RSA.PublicKey(pemRepresentation: BenchmarkKeys.rsa4096PublicKeyPEM)

        // PKCS#1 v1.5 is deterministic: both sides must produce the same bytes, and accept them.
        let signature2048 = try peerPrivate2048.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation
        let signature4096 = try peerPrivate4096.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation
        try expectSameBytes(
            try sigilPrivate2048.signature(for: message, using: SigilSHA2.SHA256.self), signature2048,
            row: "RSA-2048 sign")
        let peerSignature2048 = _RSA.Signing.RSASignature(rawRepresentation: signature2048)
        let peerSignature4096 = _RSA.Signing.RSASignature(rawRepresentation: signature4096)
        guard sigilPublic2048.isValidSignature(signature2048, for: message, using: SigilSHA2.SHA256.self),
            sigilPublic4096.isValidSignature(signature4096, for: message, using: SigilSHA2.SHA256.self),
            peerPublic2048.isValidSignature(peerSignature2048, for: message, padding: .insecurePKCS1v1_5),
            peerPublic4096.isValidSignature(peerSignature4096, for: message, padding: .insecurePKCS1v1_5)
        else {
            throw Disagreement(row: "RSA verify", detail: "a valid signature was rejected")
        }
        let verify2048 = [UInt8](signature2048)
        let verify4096 = [UInt8](signature4096)
        return [
            Row(
                "RSA-2048 verify, PKCS#1 v1.5 SHA-256", .perSecond("verifies"),
                sigil: {
                    blackHole(sigilPublic2048.isValidSignature(verify2048, for: message, using: SigilSHA2.SHA256.self))
                },
                peers: [
                    .peer("swift-crypto (BoringSSL)") {
                        blackHole(
                            peerPublic2048.isValidSignature(
                                peerSignature2048, for: message, padding: .insecurePKCS1v1_5))
                    }
                ]
            ),
            Row(
                "RSA-4096 verify, PKCS#1 v1.5 SHA-256", .perSecond("verifies"),
                sigil: {
                    blackHole(sigilPublic4096.isValidSignature(verify4096, for: message, using: SigilSHA2.SHA256.self))
                },
                peers: [
                    .peer("swift-crypto (BoringSSL)") {
                        blackHole(
                            peerPublic4096.isValidSignature(
                                peerSignature4096, for: message, padding: .insecurePKCS1v1_5))
                    }
                ]
            ),
            Row(
                "RSA-2048 sign, PKCS#1 v1.5 SHA-256", .perSecond("signatures"),
                sigil: { blackHole(try sigilPrivate2048.signature(for: message, using: SigilSHA2.SHA256.self)) },
                peers: [
                    .peer("swift-crypto (BoringSSL)") {
                        blackHole(try peerPrivate2048.signature(for: message, padding: .insecurePKCS1v1_5))
                    }
                ]
            ),
        ]
    }
}
