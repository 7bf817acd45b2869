import Crypto
import SigilHMAC
import SigilSHA2

/// HMAC-SHA256 over 200 bytes with a 32-byte key: one-shot, and with the keyed state
/// prepared once and reused, which is what a JWT signer does for every token.
enum HMACRows {
    static func make() throws -> [Row] {
        let keyBytes = [UInt8](pseudoRandomCount: 32, stream: 0x4B45_59)
        let message = [UInt8](pseudoRandomCount: 200, stream: 0x4D53_47)
        let sigilKey = SigilHMAC.SymmetricKey(data: keyBytes)
        let sigilKeyed = SigilHMAC.HMACKey<SigilSHA2.SHA256>(sigilKey)
        let peerKey = Crypto.SymmetricKey(data: keyBytes)
        let peerKeyed = Crypto.HMAC<Crypto.SHA256>(key: peerKey)
        let expected = Crypto.HMAC<Crypto.SHA256>.authenticationCode(for: message, using: peerKey)
        let sigilOneShot = SigilHMAC.HMAC<SigilSHA2.SHA256>.authenticationCode(for: message, using: sigilKey)
        try expectSameBytes(sigilOneShot, expected, row: "HMAC-SHA256 one-shot")
        try expectSameBytes(sigilKeyed.authenticationCode(for: message), expected, row: "HMAC-SHA256 keyed")

        let peerOneShot = { @Sendable in
            blackHole(Crypto.HMAC<Crypto.SHA256>.authenticationCode(for: message, using: peerKey))
        }
        // swift-crypto has no API for a reusable keyed state, but a copy of a keyed `HMAC` value
        // skips the key schedule too (copy-on-write of BoringSSL's context): the closest it gets.
        let peerKeyedCopy = { @Sendable in
            var authenticator = peerKeyed
            authenticator.update(data: message)
            blackHole(authenticator.finalize())
        }
        return [
            Row(
                "HMAC-SHA256 200 B one-shot", .nanoseconds(per: "MAC"), bytes: message.count,
                sigil: {
                    blackHole(SigilHMAC.HMAC<SigilSHA2.SHA256>.authenticationCode(for: message, using: sigilKey))
                },
                peers: boringSSLWithAndWithoutSHAExtensions("swift-crypto", peerOneShot)
            ),
            Row(
                "HMAC-SHA256 200 B keyed reuse (swift-crypto has none)", .nanoseconds(per: "MAC"),
                bytes: message.count,
                sigil: { blackHole(sigilKeyed.authenticationCode(for: message)) },
                peers: boringSSLWithAndWithoutSHAExtensions("swift-crypto one-shot", peerOneShot)
                    + boringSSLWithAndWithoutSHAExtensions("swift-crypto keyed copy", peerKeyedCopy)
            ),
        ]
    }
}
