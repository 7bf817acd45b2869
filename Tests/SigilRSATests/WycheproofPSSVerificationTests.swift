import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// One Wycheproof `RsassaPssVerify` file and what its cases must give.
struct WycheproofPSSFile: Sendable, CustomTestStringConvertible {
    var name: String
    var keySize: Int
    var expectedCount: Int
    var expectedValid: Int
    var expectedInvalid: Int
    /// Groups whose hash or MGF1 hash is SHA-1 or SHA-224, which Sigil does not implement.
    var expectedUnsupported: Int
    var testDescription: String { "\(name) (\(expectedCount) cases)" }
}

/// Wycheproof's RSASSA-PSS verification files: every case is run, or counted as unsupported
/// with its reason.
@Suite("Wycheproof RSASSA-PSS verification")
struct WycheproofPSSVerificationTests {
    static let files = [
        WycheproofPSSFile(
            name: "rsa_pss_2048_sha256_mgf1_32_test.json", keySize: 2048, expectedCount: 108, expectedValid: 63,
            expectedInvalid: 45, expectedUnsupported: 0),
        WycheproofPSSFile(
            name: "rsa_pss_2048_sha384_mgf1_48_test.json", keySize: 2048, expectedCount: 141, expectedValid: 95,
            expectedInvalid: 46, expectedUnsupported: 0),
        WycheproofPSSFile(
            name: "rsa_pss_4096_sha512_mgf1_64_test.json", keySize: 4096, expectedCount: 179, expectedValid: 132,
            expectedInvalid: 47, expectedUnsupported: 0),
        // 150 groups of one valid case: SHA-1/224/256/384/512 for the hash × the same five
        // for MGF1 × salt lengths 0, 20, 28, 32, 48, 64. 3 × 3 × 6 = 54 use only SHA-2
        // functions Sigil has; 96 involve SHA-1 or SHA-224.
        WycheproofPSSFile(
            name: "rsa_pss_misc_test.json", keySize: 2048, expectedCount: 150, expectedValid: 54, expectedInvalid: 0,
            expectedUnsupported: 96),
    ]

    /// Every case: `valid` must verify, `invalid` must not (there are no `acceptable`
    /// cases).
    ///
    /// A valid signature must also fail with the salt length one byte longer or shorter, and
    /// must not verify as RSASSA-PKCS1-v1_5. Groups Sigil cannot run are counted per reason,
    /// and the reason is checked: the hash name is one `RSA` refuses.
    @Test("108 + 141 + 179 + 150 cases", arguments: files)
    func verifyEveryCase(_ file: WycheproofPSSFile) throws {
        let document = try Vectors.jsonObject("wycheproof/\(file.name)")
        #expect(document["numberOfTests"] as? Int == file.expectedCount)
        var counted = 0
        var valid = 0
        var invalid = 0
        var unsupported: [String: Int] = [:]
        for group in try document.objects("testGroups") {
            #expect(try group.string("type") == "RsassaPssVerify")
            #expect(try group.string("mgf") == "MGF1")
            #expect(try group.integer("keySize") == file.keySize)
            let sha = try group.string("sha")
            let mgfSha = try group.string("mgfSha")
            let saltLength = try group.integer("sLen")
            let key = try Self.publicKey(fromGroup: group, keySize: file.keySize)
            let tests = try group.objects("tests")
            guard let verifier = PSSVerifier(hash: sha, mgf1: mgfSha) else {
                let reason = Self.unsupportedReason(hash: sha, mgf1: mgfSha)
                unsupported[reason, default: 0] += tests.count
                counted += tests.count
                continue
            }
            for test in tests {
                let tcId = try test.integer("tcId")
                let message = try test.hexBytes("msg")
                let signature = try test.hexBytes("sig")
                let verified = try verifier.verify(signature, message, key: key, saltByteCount: saltLength)
                switch try test.string("result") {
                case "valid":
                    #expect(verified, "tcId \(tcId) is valid")
                    #expect(
                        try !verifier.verify(signature, message, key: key, saltByteCount: saltLength + 1),
                        "tcId \(tcId) verifies only with its own salt length")
                    if saltLength > 0 {
                        #expect(
                            try !verifier.verify(signature, message, key: key, saltByteCount: saltLength - 1),
                            "tcId \(tcId) verifies only with its own salt length")
                    }
                    if let hash = VectorHash(rawValue: sha) {
                        #expect(
                            !hash.isValid(key, signature, for: message),
                            "tcId \(tcId): a PSS signature is not a PKCS#1 v1.5 signature")
                    }
                    valid += 1
                case "invalid":
                    #expect(!verified, "tcId \(tcId) is invalid")
                    invalid += 1
                case let other:
                    Issue.record("tcId \(tcId): unexpected result \(other)")
                }
                counted += 1
            }
        }
        #expect(counted == file.expectedCount)
        #expect(valid == file.expectedValid)
        #expect(invalid == file.expectedInvalid)
        #expect(unsupported.values.reduce(0, +) == file.expectedUnsupported)
        if file.expectedUnsupported > 0 {
            // 5 × 6 groups with SHA-1 as the hash, 5 × 6 with SHA-224 as the hash, and
            // 3 × 6 each with SHA-1 or SHA-224 as the MGF1 hash only.
            #expect(unsupported == ["SHA-1": 30 + 18, "SHA-224": 30 + 18])
        }
    }

    /// Which unsupported function a group needs: the hash if it is one, else the MGF1 hash.
    static func unsupportedReason(hash: String, mgf1: String) -> String {
        PSSVerifier.isSupported(hash) ? mgf1 : hash
    }

    /// The group's key from each of its forms; all forms must give the same key.
    static func publicKey(fromGroup group: [String: Any], keySize: Int) throws -> RSA.PublicKey {
        let der = try group.hexBytes("publicKeyDer")
        let fromDER = try RSA.PublicKey(derRepresentation: der)
        #expect(try RSA.PublicKey(derRepresentation: try group.hexBytes("publicKeyAsn")) == fromDER)
        #expect(try RSA.PublicKey(pemRepresentation: try group.string("publicKeyPem")) == fromDER)
        let raw = try group.object("publicKey")
        #expect(
            try RSA.PublicKey(modulus: try raw.hexBytes("modulus"), publicExponent: try raw.hexBytes("publicExponent"))
                == fromDER)
        if let jwk = group["publicKeyJwk"] as? [String: Any] {
            #expect(
                try RSA.PublicKey(modulus: try jwk.base64URLBytes("n"), publicExponent: try jwk.base64URLBytes("e"))
                    == fromDER)
        }
        #expect(fromDER.keySizeInBits == keySize)
        return fromDER
    }
}

/// Verification with a hash and an MGF1 hash named as in Wycheproof (`SHA-256`, …),
/// dispatched to the generic API with the matching `SigilSHA2` types.
struct PSSVerifier {
    var hash: String
    var mgf1: String

    static func isSupported(_ name: String) -> Bool { ["SHA-256", "SHA-384", "SHA-512"].contains(name) }

    init?(hash: String, mgf1: String) {
        guard Self.isSupported(hash), Self.isSupported(mgf1) else { return nil }
        self.hash = hash
        self.mgf1 = mgf1
    }

    func verify(_ signature: [UInt8], _ message: [UInt8], key: RSA.PublicKey, saltByteCount: Int) throws -> Bool {
        switch hash {
        case "SHA-256": try verify(signature, message, key: key, hash: SHA256.self, saltByteCount: saltByteCount)
        case "SHA-384": try verify(signature, message, key: key, hash: SHA384.self, saltByteCount: saltByteCount)
        default: try verify(signature, message, key: key, hash: SHA512.self, saltByteCount: saltByteCount)
        }
    }

    private func verify<Hash: HashFunction>(
        _ signature: [UInt8], _ message: [UInt8], key: RSA.PublicKey, hash: Hash.Type, saltByteCount: Int
    ) throws -> Bool {
        switch mgf1 {
        case "SHA-256":
            let parameters = try RSA.PSSParameters(hash: Hash.self, mgf1: SHA256.self, saltByteCount: saltByteCount)
            return key.isValidPSSSignature(signature, for: message, parameters: parameters)
        case "SHA-384":
            let parameters = try RSA.PSSParameters(hash: Hash.self, mgf1: SHA384.self, saltByteCount: saltByteCount)
            return key.isValidPSSSignature(signature, for: message, parameters: parameters)
        default:
            let parameters = try RSA.PSSParameters(hash: Hash.self, mgf1: SHA512.self, saltByteCount: saltByteCount)
            return key.isValidPSSSignature(signature, for: message, parameters: parameters)
        }
    }
}
