import SigilBase64
import SigilRSA
import SigilTestSupport
import Testing

/// Wycheproof's `rsa_pkcs1_2048_sig_gen_test.json` used as verification cases, with every
/// public-key form it gives.
@Suite("Wycheproof PKCS#1 v1.5 signature generation file, as verification cases")
struct SignatureGenerationVectorVerificationTests {
    static let file = "wycheproof/rsa_pkcs1_2048_sig_gen_test.json"

    /// 43 cases: the SHA-256/384/512 groups (24 valid cases, and the three e = 3 groups
    /// whose `acceptable` cases are correct signatures under a small public exponent) verify
    /// with the PEM, SubjectPublicKeyInfo DER, PKCS#1 DER, raw n/e and JWK forms; the
    /// SHA-1 group (acceptable, WeakHash) and the SHA-224 group (valid) are reported as an
    /// unsupported hash, never verified.
    @Test("43 cases, every public-key form")
    func verifyEveryCase() throws {
        let document = try Vectors.jsonObject(Self.file)
        #expect(try document.integer("numberOfTests") == 43)
        var verified = 0
        var unsupported = 0
        var smallExponent = 0
        for group in try document.objects("testGroups") {
            let tests = try group.objects("tests")
            let hashName = try group.string("sha")
            guard let hash = VectorHash(rawValue: hashName) else {
                #expect(hashName == "SHA-1" || hashName == "SHA-224")
                unsupported += tests.count
                continue
            }
            let keys = try Self.publicKeys(fromGroup: group)
            for test in tests {
                let tcId = try test.integer("tcId")
                let message = try test.hexBytes("msg")
                let signature = try test.hexBytes("sig")
                let result = try test.string("result")
                let flags = test["flags"] as? [String] ?? []
                #expect(result == "valid" || flags == ["SmallPublicKey"], "tcId \(tcId)")
                if flags == ["SmallPublicKey"] { smallExponent += 1 }
                for key in keys {
                    #expect(hash.isValid(key, signature, for: message), "tcId \(tcId)")
                }
                // A changed message does not verify.
                #expect(!hash.isValid(keys[0], signature, for: message + [0]), "tcId \(tcId)")
                verified += 1
            }
        }
        #expect(verified == 27)
        #expect(smallExponent == 3)
        #expect(unsupported == 16)
        #expect(verified + unsupported == 43)
    }

    /// PEM, SubjectPublicKeyInfo DER, PKCS#1 DER, raw n/e, and the JWK when the group has one.
    static func publicKeys(fromGroup group: [String: Any]) throws -> [RSA.PublicKey] {
        let raw = try group.object("privateKey")
        var keys = [
            try RSA.PublicKey(pemRepresentation: try group.string("keyPem")),
            try RSA.PublicKey(derRepresentation: try group.hexBytes("keyDer")),
            try RSA.PublicKey(derRepresentation: try group.hexBytes("keyAsn")),
            try RSA.PublicKey(modulus: try raw.hexBytes("modulus"), publicExponent: try raw.hexBytes("publicExponent")),
        ]
        if let jwk = group["keyJwk"] as? [String: Any] {
            keys.append(
                try RSA.PublicKey(modulus: try jwk.base64URLBytes("n"), publicExponent: try jwk.base64URLBytes("e")))
        }
        for key in keys { #expect(key == keys[0]) }
        return keys
    }
}
