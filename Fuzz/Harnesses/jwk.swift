// fuzz-support: JWKOracles
// JWK (RFC 7517) and JWK Set parsing in SigilJWT: `oct` and `RSA` keys, public and private
// members, `alg` / `use` / `key_ops` / `kid`.
//
// Oracles: parsing never traps; an accepted key has an algorithm of its family; a key that
// can sign produces a signature that the same key verifies, and a verifier built from it
// accepts a token it signed; a key set is never empty.
import SigilJWT

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    JWKOracles.check(text, algorithms: [nil, .hs256, .hs512, .rs256, .rs384])
    return 0
}
