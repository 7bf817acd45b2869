// fuzz-support: ECKeyOracles JWKOracles
// Elliptic-curve and OKP key parsing: P-256, P-384 and P-521 ECDSA keys and Ed25519 keys
// from raw bytes, X9.62 points, SubjectPublicKeyInfo DER and PEM (RFC 5480, RFC 8410), SEC 1
// `EC PRIVATE KEY` (RFC 5915) and PKCS#8 DER and PEM (RFC 5208, RFC 5958); and `EC` / `OKP`
// JWKs (RFC 7518 §6.2, RFC 8037) through `JWTKey(jwk:algorithm:)` and `JWTKeySet(jwks:)`.
//
// Oracles: parsing never traps; an accepted key re-encodes in each of its forms to bytes that
// parse back to the same key; a parsed private key signs and its public key verifies; a
// constant signature never verifies; a JWK key supports its own algorithm and verifies what
// it signs; a key set is never empty.
import SigilEC
import SigilEd25519
import SigilJWT

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: input, as: UTF8.self)
    ECKeyOracles.checkECDSAKeyType(P256.Signing.PrivateKey.self, input, text)
    ECKeyOracles.checkECDSAKeyType(P384.Signing.PrivateKey.self, input, text)
    ECKeyOracles.checkECDSAKeyType(P521.Signing.PrivateKey.self, input, text)
    ECKeyOracles.checkKeyType(Curve25519.Signing.PrivateKey.self, input, text)
    JWKOracles.check(text, algorithms: [nil, .es256, .es384, .es512, .edDSA])
    return 0
}
