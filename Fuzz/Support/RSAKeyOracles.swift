import SigilRSA
import SigilSHA2

/// Checks shared by the key-parsing harnesses (der, pem, jwk).
enum RSAKeyOracles {
    static func checkPublic(_ key: RSA.PublicKey?, minimumBits: Int, _ input: [UInt8]) {
        guard let key else { return }
        guard key.keySizeInBits >= minimumBits, key.keySizeInBits <= RSA.maximumModulusBits else {
            fatalError("rsa: accepted a \(key.keySizeInBits)-bit modulus")
        }
        guard let again = try? RSA.PublicKey(unsafeDERRepresentation: key.derRepresentation), again == key else {
            fatalError("rsa: derRepresentation does not parse back to the same key")
        }
        guard let pkcs1 = try? RSA.PublicKey(unsafeDERRepresentation: key.pkcs1DERRepresentation), pkcs1 == key else {
            fatalError("rsa: pkcs1DERRepresentation does not parse back to the same key")
        }
        // A signature made of input bytes, at the right length and at a wrong one.
        let length = (key.keySizeInBits + 7) / 8
        var signature = [UInt8](repeating: 0, count: length)
        for (index, byte) in input.prefix(length).enumerated() { signature[index] = byte }
        _ = key.isValidSignature(signature, for: input, using: SHA256.self)
        _ = key.isValidSignature(input, for: signature, using: SHA512.self)
    }

    static func checkPrivate(_ key: RSA.PrivateKey?) {
        guard let key else { return }
        let message: [UInt8] = Array("fuzz".utf8)
        // One attempt: signing must not fail. (Before ce2d185 it failed about 1 time in 500
        // for moduli just above 2^(k-1), "no blinding value could be drawn"; this oracle
        // found it.)
        guard let signature = try? key.signature(for: message, using: SHA256.self) else {
            fatalError("rsa: a parsed private key cannot sign")
        }
        guard key.publicKey.isValidSignature(signature, for: message, using: SHA256.self) else {
            fatalError("rsa: a parsed private key's signature does not verify")
        }
    }
}
