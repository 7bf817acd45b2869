// fuzz-support: RSAKeyOracles
// RSA key parsing from DER: SubjectPublicKeyInfo / PKCS#1 public keys, PKCS#1 / PKCS#8
// private keys.
//
// Oracles:
// - parsing never traps;
// - a parsed public key has a modulus within the documented bounds, re-encodes to DER
//   that parses back to the same key, and checking a signature with it never traps;
// - a parsed private key signs, and its public key verifies that signature.
import SigilRSA

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    RSAKeyOracles.checkPublic(try? RSA.PublicKey(derRepresentation: input), minimumBits: RSA.minimumModulusBits, input)
    RSAKeyOracles.checkPublic(
        try? RSA.PublicKey(unsafeDERRepresentation: input), minimumBits: RSA.minimumUnsafeModulusBits, input)
    RSAKeyOracles.checkPrivate(try? RSA.PrivateKey(derRepresentation: input))
    return 0
}
