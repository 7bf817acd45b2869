import Crypto
import SigilRSA
import SigilSHA2
import _CryptoExtras

/// RSASSA-PSS verification as JWS PS256 uses it (RFC 7518 §3.5: SHA-256, MGF1 with SHA-256,
/// a 32-byte salt), Sigil's `RSA.PublicKey` vs swift-crypto's `_RSA.Signing` with `.PSS`
/// padding (BoringSSL), on the RSA-2048 key of the PKCS#1 v1.5 rows and a 200-byte message.
///
/// PSS signatures are randomised, so each side signs once and the other must accept; the row
/// then times the verification of one signature that both accept.
enum RSAPSSRows {
    static func make() throws -> [Row] {
        let message = [UInt8](pseudoRandomCount: 200, stream: 0x5053_53)
        let peerPrivate = try _RSA.Signing.PrivateKey(pemRepresentation: BenchmarkKeys.rsa2048PrivateKeyPEM)
        let peerPublic = try _RSA.Signing.PublicKey(pemRepresentation: BenchmarkKeys.rsa2048PublicKeyPEM)
        let sigilPrivate = try RSA.PrivateKey(pemRepresentation: BenchmarkKeys.rsa2048PrivateKeyPEM)
        let sigilPublic = try RSA.PublicKey(pemRepresentation: BenchmarkKeys.rsa2048PublicKeyPEM)
        let parameters = RSA.PSSParameters.jws(SigilSHA2.SHA256.self)

        let peerSignature = try peerPrivate.signature(for: message, padding: .PSS)
        let signature = [UInt8](peerSignature.rawRepresentation)
        let sigilSignature = try sigilPrivate.pssSignature(for: message, parameters: parameters)
        guard sigilPublic.isValidPSSSignature(signature, for: message, parameters: parameters),
            peerPublic.isValidSignature(peerSignature, for: message, padding: .PSS),
            peerPublic.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: sigilSignature), for: message, padding: .PSS)
        else {
            throw Disagreement(row: "PS256 verify", detail: "a valid signature was rejected")
        }
        return [
            Row(
                "RSA-2048 verify, PSS SHA-256 (PS256)", .perSecond("verifies"),
                sigil: { blackHole(sigilPublic.isValidPSSSignature(signature, for: message, parameters: parameters)) },
                peers: [
                    .peer(boringSSL) {
                        blackHole(peerPublic.isValidSignature(peerSignature, for: message, padding: .PSS))
                    }
                ]
            )
        ]
    }
}
