import SigilBase64
import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// Wycheproof's `rsa_pkcs1_2048_sig_gen_test.json` as signing known answers: PKCS#1 v1.5 is
/// deterministic, so each private-key form must reproduce `sig` byte for byte.
@Suite("Wycheproof PKCS#1 v1.5 signature generation")
struct SignatureGenerationVectorSigningTests {
    /// The group's private key from each form it gives: PKCS#1 PEM, PKCS#8 DER, and the
    /// eight JWK members decoded by the test (when the group has a JWK).
    static func privateKeys(fromGroup group: [String: Any]) throws -> [RSA.PrivateKey] {
        var keys = [
            try RSA.PrivateKey(pemRepresentation: try group.string("privateKeyPem")),
            try RSA.PrivateKey(derRepresentation: try group.hexBytes("privateKeyPkcs8")),
        ]
        if let jwk = group["privateKeyJwk"] as? [String: Any] {
            keys.append(
                try RSA.PrivateKey(
                    modulus: try jwk.base64URLBytes("n"), publicExponent: try jwk.base64URLBytes("e"),
                    privateExponent: try jwk.base64URLBytes("d"), prime1: try jwk.base64URLBytes("p"),
                    prime2: try jwk.base64URLBytes("q"), exponent1: try jwk.base64URLBytes("dp"),
                    exponent2: try jwk.base64URLBytes("dq"), coefficient: try jwk.base64URLBytes("qi")))
        }
        let publicKey = try RSA.PublicKey(derRepresentation: try group.hexBytes("keyDer"))
        for key in keys {
            #expect(key.publicKey == publicKey)
            #expect(key.keySizeInBits == 2048)
        }
        return keys
    }

    /// 43 cases.
    ///
    /// SHA-256/384/512 groups (24 valid cases) and the three e = 3 groups (acceptable,
    /// SmallPublicKey: Sigil accepts e = 3 and signs with such keys) are reproduced by every
    /// key form: 27 cases. The SHA-1 (8, acceptable) and SHA-224 (8, valid) groups: their keys
    /// load, and the hash is reported unsupported.
    @Test("43 cases: 27 reproduced byte for byte by every key form, 16 unsupported hashes")
    func reproduceEverySignature() throws {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        #expect(try document.integer("numberOfTests") == 43)
        var reproduced = 0
        var unsupported = 0
        var keyForms = 0
        for group in try document.objects("testGroups") {
            let tests = try group.objects("tests")
            let keys = try Self.privateKeys(fromGroup: group)
            let hashName = try group.string("sha")
            guard let hash = VectorHash(rawValue: hashName) else {
                #expect(hashName == "SHA-1" || hashName == "SHA-224")
                #expect(keys.count == 2)
                unsupported += tests.count
                continue
            }
            #expect(keys.count == 3)
            keyForms += keys.count
            for test in tests {
                let tcId = try test.integer("tcId")
                let message = try test.hexBytes("msg")
                let expected = try test.hexBytes("sig")
                for key in keys {
                    let signature = try hash.signature(key, for: message)
                    #expect(signature == expected, "tcId \(tcId)")
                    #expect(hash.isValid(key.publicKey, signature, for: message))
                }
                reproduced += 1
            }
        }
        #expect(reproduced == 27)
        #expect(unsupported == 16)
        #expect(reproduced + unsupported == 43)
        #expect(keyForms == 18)
    }

    /// The digest entry points give the same signatures as the message entry point.
    @Test func digestEntryPoints() throws {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        let group = try document.objects("testGroups")[2]
        #expect(try group.string("sha") == "SHA-256")
        let key = try RSA.PrivateKey(pemRepresentation: try group.string("privateKeyPem"))
        let message: [UInt8] = Array("digest entry points".utf8)
        #expect(
            try key.signature(for: SHA256.hash(data: message)) == key.signature(for: message, using: SHA256.self))
        #expect(
            try key.signature(for: SHA384.hash(data: message)) == key.signature(for: message, using: SHA384.self))
        #expect(
            try key.signature(for: SHA512.hash(data: message)) == key.signature(for: message, using: SHA512.self))
        let signature = try key.signature(for: message, using: SHA512.self)
        #expect(key.publicKey.isValidSignature(signature, for: SHA512.hash(data: message)))
        #expect(!key.publicKey.isValidSignature(signature, for: SHA384.hash(data: message)))
        #expect(!key.publicKey.isValidSignature(signature, for: SHA256.hash(data: message)))
    }
}
