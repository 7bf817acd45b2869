// fuzz-support: RSAKeyOracles
// RSA key parsing from PEM (RFC 7468): PUBLIC KEY, RSA PUBLIC KEY, RSA PRIVATE KEY,
// PRIVATE KEY.
//
// Oracles: as for DER (see RSAKeyOracles), plus: a parsed public key's PEM forms parse back
// to the same key.
import SigilRSA

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: input, as: UTF8.self)
    for (key, minimumBits) in [
        (try? RSA.PublicKey(pemRepresentation: text), RSA.minimumModulusBits),
        (try? RSA.PublicKey(unsafePEMRepresentation: text), RSA.minimumUnsafeModulusBits),
    ] {
        RSAKeyOracles.checkPublic(key, minimumBits: minimumBits, input)
        if let key {
            guard let again = try? RSA.PublicKey(unsafePEMRepresentation: key.pemRepresentation), again == key,
                let pkcs1 = try? RSA.PublicKey(unsafePEMRepresentation: key.pkcs1PEMRepresentation), pkcs1 == key
            else {
                fatalError("pem: a parsed key's PEM does not parse back to the same key")
            }
        }
    }
    RSAKeyOracles.checkPrivate(try? RSA.PrivateKey(pemRepresentation: text))
    return 0
}
