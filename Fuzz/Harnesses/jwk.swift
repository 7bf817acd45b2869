// JWK (RFC 7517) and JWK Set parsing in SigilJWT: `oct` and `RSA` keys, public and private
// members, `alg` / `use` / `key_ops` / `kid`.
//
// Oracles: parsing never traps; an accepted key has an algorithm of its family; a key that
// can sign produces a signature that the same key verifies, and a verifier built from it
// accepts a token it signed; a key set is never empty.
import SigilJWT

private func exercise(_ key: JWTKey) {
    let input = Array("eyJhbGciOiJIUzI1NiJ9.e30".utf8)
    let signature: [UInt8]
    do {
        signature = try key.signature(for: input)
    } catch {
        // Public keys and keys whose key_ops forbid signing refuse; a private key must sign.
        guard error.code != .signingFailed else { fatalError("jwk: a private key cannot sign") }
        return
    }
    guard key.isValidSignature(signature, for: input) else { fatalError("jwk: a key does not verify its own signature") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for algorithm in [nil, JWTAlgorithm.hs256, .hs512, .rs256, .rs384] as [JWTAlgorithm?] {
        guard let key = try? JWTKey(jwk: text, algorithm: algorithm) else { continue }
        guard key.supports(key.algorithm) else { fatalError("jwk: a key that does not support its own algorithm") }
        exercise(key)
    }
    if let set = try? JWTKeySet(jwks: text) {
        guard set.count > 0 else { fatalError("jwk: an empty key set was accepted") }
        for key in set.keys { exercise(key) }
    }
    return 0
}
