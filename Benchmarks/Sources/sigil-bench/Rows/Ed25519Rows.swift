import Crypto
import SigilEd25519

/// Ed25519 (RFC 8032), SigilEd25519 vs swift-crypto (BoringSSL), over a 200-byte message
/// (about a JWT's signing input).
///
/// Both sides hold the same private key. Ed25519 is deterministic, so both must produce the
/// same signature bytes before anything is timed, and both must accept them.
enum Ed25519Rows {
    static func make() throws -> [Row] {
        let message = [UInt8](pseudoRandomCount: 200, stream: 0x4544_32)
        let raw = [UInt8](pseudoRandomCount: 32, stream: 0x4544_3235_3531_39)
        let sigilKey = try SigilEd25519.Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        let sigilPublic = sigilKey.publicKey
        let peerKey = try Crypto.Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        let peerPublic = peerKey.publicKey
        try expectSameBytes(sigilPublic.rawRepresentation, peerPublic.rawRepresentation, row: "Ed25519 public key")

        let peerSignature = try peerKey.signature(for: message)
        let signature = sigilKey.signature(for: message)
        try expectSameBytes(signature, peerSignature, row: "Ed25519 sign")
        guard sigilPublic.isValidSignature(signature, for: message),
            peerPublic.isValidSignature(peerSignature, for: message)
        else {
            throw Disagreement(row: "Ed25519", detail: "a valid signature was rejected")
        }
        return [
            Row(
                "Ed25519 sign", .perSecond("signatures"),
                sigil: { blackHole(sigilKey.signature(for: message)) },
                peers: [.peer(boringSSL) { blackHole(try peerKey.signature(for: message)) }]
            ),
            Row(
                "Ed25519 verify", .perSecond("verifies"),
                sigil: { blackHole(sigilPublic.isValidSignature(signature, for: message)) },
                peers: [.peer(boringSSL) { blackHole(peerPublic.isValidSignature(peerSignature, for: message)) }]
            ),
        ]
    }
}
