import Crypto

/// HMAC-SHA256 over 200 bytes with a 32-byte key (issue 2): one-shot, and with the keyed state
/// prepared once and reused, which is what a JWT signer does for every token.
enum HMACRows {
    static func make() throws -> [Row] {
        let keyBytes = [UInt8](pseudoRandomCount: 32, seed: 0x4B45_59)
        let message = [UInt8](pseudoRandomCount: 200, seed: 0x4D53_47)
        let peerKey = Crypto.SymmetricKey(data: keyBytes)
        let peerPrepared = Crypto.HMAC<Crypto.SHA256>(key: peerKey)
        return [
            Row(
                "HMAC-SHA256 200 B one-shot", .nanoseconds(per: "MAC"), bytes: message.count,
                sigil: nil,
                peers: boringSSLWithAndWithoutSHAExtensions {
                    blackHole(Crypto.HMAC<Crypto.SHA256>.authenticationCode(for: message, using: peerKey))
                }
            ),
            Row(
                "HMAC-SHA256 200 B keyed reuse (swift-crypto has none)", .nanoseconds(per: "MAC"),
                bytes: message.count,
                sigil: nil,
                peers: boringSSLWithAndWithoutSHAExtensions("swift-crypto one-shot") {
                    blackHole(Crypto.HMAC<Crypto.SHA256>.authenticationCode(for: message, using: peerKey))
                } + [
                    // Not an API for reuse, but a value copy of a keyed HMAC skips the key
                    // schedule too: the closest swift-crypto gets.
                    .peer("swift-crypto (copy of a keyed HMAC value)") {
                        var authenticator = peerPrepared
                        authenticator.update(data: message)
                        blackHole(authenticator.finalize())
                    }
                ]
            ),
        ]
    }
}
