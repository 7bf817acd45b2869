import Crypto
import SigilEC

/// ECDSA over P-256 (SHA-256), P-384 (SHA-384) and P-521 (SHA-512), SigilEC vs swift-crypto (BoringSSL).
///
/// One operation hashes a 200-byte message (about a JWT's signing input) and signs it, or verifies a signature of it.
///
/// Both sides hold the same private key. Sigil signs with an RFC 6979 deterministic nonce and
/// checks each signature with the public key before returning it (a fault check that
/// BoringSSL does not make); BoringSSL draws a random nonce. Before timing, each side accepts
/// the other's signature, and the verify rows time one signature that both sides accept.
enum ECDSARows {
    static func make() throws -> [Row] {
        let message = [UInt8](pseudoRandomCount: 200, stream: 0x4543_44)
        return try p256(message) + p384(message) + p521(message)
    }

    /// A fixed private scalar of `count` bytes, below the group order of each curve here:
    /// the top byte is cleared to at most `topByteMask`.
    static func scalar(count: Int, stream: UInt64, topByteMask: UInt8 = 0x7F) -> [UInt8] {
        var bytes = [UInt8](pseudoRandomCount: count, stream: stream)
        bytes[0] &= topByteMask
        bytes[0] |= 0x01
        return bytes
    }

    static func p256(_ message: [UInt8]) throws -> [Row] {
        let raw = scalar(count: 32, stream: 0x5032_3536)
        let sigilKey = try SigilEC.P256.Signing.PrivateKey(rawRepresentation: raw)
        let sigilPublic = sigilKey.publicKey
        let peerKey = try Crypto.P256.Signing.PrivateKey(rawRepresentation: raw)
        let peerPublic = peerKey.publicKey
        try expectSameBytes(sigilPublic.rawRepresentation, peerPublic.rawRepresentation, row: "P-256 public key")

        let peerSignature = try peerKey.signature(for: message)
        let sigilSignature = try SigilEC.P256.Signing.ECDSASignature(rawRepresentation: peerSignature.rawRepresentation)
        let sigilOwn = try sigilKey.signature(for: message)
        guard sigilPublic.isValidSignature(sigilSignature, for: message),
            peerPublic.isValidSignature(
                try Crypto.P256.Signing.ECDSASignature(rawRepresentation: sigilOwn.rawRepresentation), for: message)
        else {
            throw Disagreement(row: "P-256", detail: "a valid signature was rejected")
        }
        return [
            Row(
                "P-256 sign, SHA-256 (Sigil: RFC 6979 nonce, verified before return)", .perSecond("signatures"),
                sigil: { blackHole(try sigilKey.signature(for: message)) },
                peers: [.peer(boringSSL) { blackHole(try peerKey.signature(for: message)) }]
            ),
            Row(
                "P-256 verify, SHA-256", .perSecond("verifies"),
                sigil: { blackHole(sigilPublic.isValidSignature(sigilSignature, for: message)) },
                peers: [.peer(boringSSL) { blackHole(peerPublic.isValidSignature(peerSignature, for: message)) }]
            ),
        ]
    }

    static func p384(_ message: [UInt8]) throws -> [Row] {
        let raw = scalar(count: 48, stream: 0x5033_3834)
        let sigilKey = try SigilEC.P384.Signing.PrivateKey(rawRepresentation: raw)
        let sigilPublic = sigilKey.publicKey
        let peerKey = try Crypto.P384.Signing.PrivateKey(rawRepresentation: raw)
        let peerPublic = peerKey.publicKey
        try expectSameBytes(sigilPublic.rawRepresentation, peerPublic.rawRepresentation, row: "P-384 public key")

        let peerSignature = try peerKey.signature(for: message)
        let sigilSignature = try SigilEC.P384.Signing.ECDSASignature(rawRepresentation: peerSignature.rawRepresentation)
        let sigilOwn = try sigilKey.signature(for: message)
        guard sigilPublic.isValidSignature(sigilSignature, for: message),
            peerPublic.isValidSignature(
                try Crypto.P384.Signing.ECDSASignature(rawRepresentation: sigilOwn.rawRepresentation), for: message)
        else {
            throw Disagreement(row: "P-384", detail: "a valid signature was rejected")
        }
        return [
            Row(
                "P-384 sign, SHA-384 (Sigil: RFC 6979 nonce, verified before return)", .perSecond("signatures"),
                sigil: { blackHole(try sigilKey.signature(for: message)) },
                peers: [.peer(boringSSL) { blackHole(try peerKey.signature(for: message)) }]
            ),
            Row(
                "P-384 verify, SHA-384", .perSecond("verifies"),
                sigil: { blackHole(sigilPublic.isValidSignature(sigilSignature, for: message)) },
                peers: [.peer(boringSSL) { blackHole(peerPublic.isValidSignature(peerSignature, for: message)) }]
            ),
        ]
    }

    static func p521(_ message: [UInt8]) throws -> [Row] {
        // A P-521 scalar is 66 bytes of which the top 7 bits are zero.
        let raw = scalar(count: 66, stream: 0x5035_3231, topByteMask: 0x00)
        let sigilKey = try SigilEC.P521.Signing.PrivateKey(rawRepresentation: raw)
        let sigilPublic = sigilKey.publicKey
        let peerKey = try Crypto.P521.Signing.PrivateKey(rawRepresentation: raw)
        let peerPublic = peerKey.publicKey
        try expectSameBytes(sigilPublic.rawRepresentation, peerPublic.rawRepresentation, row: "P-521 public key")

        let peerSignature = try peerKey.signature(for: message)
        let sigilSignature = try SigilEC.P521.Signing.ECDSASignature(rawRepresentation: peerSignature.rawRepresentation)
        let sigilOwn = try sigilKey.signature(for: message)
        guard sigilPublic.isValidSignature(sigilSignature, for: message),
            peerPublic.isValidSignature(
                try Crypto.P521.Signing.ECDSASignature(rawRepresentation: sigilOwn.rawRepresentation), for: message)
        else {
            throw Disagreement(row: "P-521", detail: "a valid signature was rejected")
        }
        return [
            Row(
                "P-521 sign, SHA-512 (Sigil: RFC 6979 nonce, verified before return)", .perSecond("signatures"),
                sigil: { blackHole(try sigilKey.signature(for: message)) },
                peers: [.peer(boringSSL) { blackHole(try peerKey.signature(for: message)) }]
            ),
            Row(
                "P-521 verify, SHA-512", .perSecond("verifies"),
                sigil: { blackHole(sigilPublic.isValidSignature(sigilSignature, for: message)) },
                peers: [.peer(boringSSL) { blackHole(peerPublic.isValidSignature(peerSignature, for: message)) }]
            ),
        ]
    }
}

/// The name swift-crypto's rows print for it.
let boringSSL = "swift-crypto (BoringSSL)"
