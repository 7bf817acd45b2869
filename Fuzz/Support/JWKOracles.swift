import SigilJWT

/// Checks shared by the JWK harnesses (jwk, ec-key).
enum JWKOracles {
    /// Reads `text` as a JWK with each of `algorithms` and as a JWK Set: an accepted key
    /// supports its own algorithm and verifies what it signs; a set is never empty.
    static func check(_ text: String, algorithms: [JWTAlgorithm?]) {
        for algorithm in algorithms {
            guard let key = try? JWTKey(jwk: text, algorithm: algorithm) else { continue }
            guard key.supports(key.algorithm) else { fatalError("jwk: a key that does not support its own algorithm") }
            exercise(key)
        }
        if let set = try? JWTKeySet(jwks: text) {
            guard set.count > 0 else { fatalError("jwk: an empty key set was accepted") }
            for key in set.keys { exercise(key) }
        }
    }

    /// A key that can sign produces a signature that the same key verifies.
    static func exercise(_ key: JWTKey) {
        let input = Array("eyJhbGciOiJIUzI1NiJ9.e30".utf8)
        let signature: [UInt8]
        do {
            signature = try key.signature(for: input)
        } catch {
            // Public keys and keys whose key_ops forbid signing refuse; a private key must sign.
            guard error.code != .signingFailed else { fatalError("jwk: a private key cannot sign") }
            return
        }
        guard key.isValidSignature(signature, for: input) else {
            fatalError("jwk: a key does not verify its own signature")
        }
    }
}
