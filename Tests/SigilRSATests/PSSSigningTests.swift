import SigilRSA
import SigilSHA2
import SigilTestSupport
import Testing

/// A known RSASSA-PSS signature of `PSSTestData.message` with the salt 0, 1, 2, ….
struct PSSKnownAnswer: Sendable, CustomTestStringConvertible {
    var key: String
    var hash: String
    var mgf1: String
    var saltByteCount: Int
    var signature: String
    var testDescription: String { "\(key) \(hash)/MGF1-\(mgf1) salt \(saltByteCount)" }
}

/// Yields the bytes 0, 1, 2, … (eight per word, least significant first): a fixed salt.
struct CountingGenerator: RandomNumberGenerator {
    var nextByte = 0

    mutating func next() -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<8 {
            word |= UInt64(UInt8(truncatingIfNeeded: nextByte + index)) << UInt64(8 * index)
        }
        nextByte += 8
        return word
    }
}

/// The hash and MGF1 hash of a test, as the generic parameters of the API.
enum PSSHashPair: String, CaseIterable, Sendable {
    case sha256, sha384, sha512

    /// Signs with the JWS preset of this hash (PS256/384/512) and checks the result.
    func signAndVerify(_ key: RSA.PrivateKey, _ message: [UInt8]) throws {
        switch self {
        case .sha256: try PSSSigningTests.roundTrip(key, message, .jws(SHA256.self))
        case .sha384: try PSSSigningTests.roundTrip(key, message, .jws(SHA384.self))
        case .sha512: try PSSSigningTests.roundTrip(key, message, .jws(SHA512.self))
        }
    }
}

@Suite("RSASSA-PSS signing")
struct PSSSigningTests {
    static func wycheproofKey() throws -> RSA.PrivateKey {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        let group = try document.objects("testGroups")[2]
        #expect(try group.string("sha") == "SHA-256")
        return try RSA.PrivateKey(pemRepresentation: try group.string("privateKeyPem"))
    }

    static func key(named name: String) throws -> RSA.PrivateKey {
        switch name {
        case "wycheproof2048": try wycheproofKey()
        case "key2049": try RSA.PrivateKey(pemRepresentation: PSSTestData.key2049PEM)
        case "key3072": try RSA.PrivateKey(pemRepresentation: PSSTestData.key3072PEM)
        default: try RSA.PrivateKey(pemRepresentation: PSSTestData.key4096PEM)
        }
    }

    static let message = Array(PSSTestData.message.utf8)

    /// Sign, then: the signature verifies, is k bytes, differs from a second signature
    /// (random salt), fails for another message, another salt length or a flipped bit, and is
    /// not a PKCS#1 v1.5 signature; and a PKCS#1 v1.5 signature of the message is not a PSS
    /// signature.
    static func roundTrip<Hash: HashFunction>(
        _ key: RSA.PrivateKey, _ message: [UInt8], _ parameters: RSA.PSSParameters<Hash, Hash>
    ) throws {
        let publicKey = key.publicKey
        let signature = try key.pssSignature(for: message, parameters: parameters)
        #expect(signature.count == (key.keySizeInBits + 7) / 8)
        #expect(publicKey.isValidPSSSignature(signature, for: message, parameters: parameters))
        #expect(publicKey.isValidPSSSignature(signature, forDigest: Hash.hash(data: message), parameters: parameters))
        let second = try key.pssSignature(for: message, parameters: parameters)
        #expect(second != signature, "a random salt makes each signature different")
        #expect(publicKey.isValidPSSSignature(second, for: message, parameters: parameters))
        #expect(!publicKey.isValidPSSSignature(signature, for: message + [0], parameters: parameters))
        let longerSalt = try RSA.PSSParameters(
            hash: Hash.self, mgf1: Hash.self, saltByteCount: parameters.saltByteCount + 1)
        #expect(!publicKey.isValidPSSSignature(signature, for: message, parameters: longerSalt))
        var flipped = signature
        flipped[flipped.count / 2] ^= 0x10
        #expect(!publicKey.isValidPSSSignature(flipped, for: message, parameters: parameters))
        #expect(!publicKey.isValidSignature(signature, for: message, using: Hash.self))
        let pkcs1Signature = try key.signature(for: message, using: Hash.self)
        #expect(publicKey.isValidSignature(pkcs1Signature, for: message, using: Hash.self))
        #expect(!publicKey.isValidPSSSignature(pkcs1Signature, for: message, parameters: parameters))
    }

    /// The 2048-bit key signs the empty message, the others a short one.
    @Test(
        "PS256/384/512 sign-then-verify with 2048-, 2049-, 3072- and 4096-bit keys",
        arguments: ["wycheproof2048", "key2049", "key3072", "key4096"], PSSHashPair.allCases)
    func roundTrips(keyName: String, hash: PSSHashPair) throws {
        let key = try Self.key(named: keyName)
        try hash.signAndVerify(key, keyName == "wycheproof2048" ? [] : Self.message)
    }

    @Test("the key sizes are the ones named")
    func keySizes() throws {
        #expect(try Self.key(named: "wycheproof2048").keySizeInBits == 2048)
        #expect(try Self.key(named: "key2049").keySizeInBits == 2049)
        #expect(try Self.key(named: "key3072").keySizeInBits == 3072)
        #expect(try Self.key(named: "key4096").keySizeInBits == 4096)
    }

    /// With a fixed salt, Sigil's signature is byte for byte the one computed independently
    /// by Scripts/make-pss-test-data.py (and checked there with Python `cryptography`).
    @Test("known answers with a fixed salt", arguments: PSSTestData.knownAnswers)
    func knownAnswer(_ answer: PSSKnownAnswer) throws {
        let key = try Self.key(named: answer.key)
        let expected = try #require([UInt8](hex: answer.signature))
        let signature = try Self.sign(answer, key: key)
        #expect(signature == expected)
        #expect(try Self.verify(answer, expected, key: key.publicKey))
        var tampered = expected
        tampered[tampered.count - 1] ^= 0x01
        #expect(try !Self.verify(answer, tampered, key: key.publicKey))
    }

    @Test("PSSTestData has 7 known answers")
    func knownAnswerCount() {
        #expect(PSSTestData.knownAnswers.count == 7)
    }

    static func sign(_ answer: PSSKnownAnswer, key: RSA.PrivateKey) throws -> [UInt8] {
        var generator = CountingGenerator()
        let message = Self.message
        let salt = answer.saltByteCount
        switch (answer.hash, answer.mgf1) {
        case ("SHA256", "SHA256"):
            return try key.pssSignature(for: message, parameters: .jws(SHA256.self), using: &generator)
        case ("SHA384", "SHA384"):
            return try key.pssSignature(for: message, parameters: .jws(SHA384.self), using: &generator)
        case ("SHA512", "SHA512"):
            let parameters = try RSA.PSSParameters(hash: SHA512.self, mgf1: SHA512.self, saltByteCount: salt)
            return try key.pssSignature(
                forDigest: SHA512.hash(data: message), parameters: parameters, using: &generator)
        case ("SHA384", "SHA256"):
            let parameters = try RSA.PSSParameters(hash: SHA384.self, mgf1: SHA256.self, saltByteCount: salt)
            return try key.pssSignature(for: message, parameters: parameters, using: &generator)
        case ("SHA512", "SHA256"):
            let parameters = try RSA.PSSParameters(hash: SHA512.self, mgf1: SHA256.self, saltByteCount: salt)
            return try key.pssSignature(for: message, parameters: parameters, using: &generator)
        default:
            throw VectorFieldError(field: "hash pair \(answer.hash)/\(answer.mgf1)")
        }
    }

    static func verify(_ answer: PSSKnownAnswer, _ signature: [UInt8], key: RSA.PublicKey) throws -> Bool {
        let hashName = "SHA-" + answer.hash.dropFirst(3)
        let mgfName = "SHA-" + answer.mgf1.dropFirst(3)
        let verifier = try #require(PSSVerifier(hash: hashName, mgf1: mgfName))
        return try verifier.verify(signature, Self.message, key: key, saltByteCount: answer.saltByteCount)
    }

    @Test("an empty salt makes PSS deterministic; a salt of hLen does not")
    func emptySalt() throws {
        let key = try Self.wycheproofKey()
        let parameters = try RSA.PSSParameters(hash: SHA256.self, mgf1: SHA256.self, saltByteCount: 0)
        let first = try key.pssSignature(for: Self.message, parameters: parameters)
        let second = try key.pssSignature(for: Self.message, parameters: parameters)
        #expect(first == second)
        #expect(key.publicKey.isValidPSSSignature(first, for: Self.message, parameters: parameters))
        #expect(!key.publicKey.isValidPSSSignature(first, for: Self.message, parameters: .jws(SHA256.self)))
    }

    @Test("the JWS presets: salt = hash length")
    func jwsPresets() {
        #expect(RSA.PSSParameters.jws(SHA256.self).saltByteCount == 32)
        #expect(RSA.PSSParameters.jws(SHA384.self).saltByteCount == 48)
        #expect(RSA.PSSParameters.jws(SHA512.self).saltByteCount == 64)
        #expect(RSA.PSSParameters<SHA256, SHA256>.maximumSaltByteCount == 2048)
    }

    @Test("salt lengths outside 0…2048 are refused", arguments: [-1, Int.min, 2049, Int.max])
    func saltLengthOutOfRange(_ saltByteCount: Int) {
        Self.expectInvalidParameters {
            _ = try RSA.PSSParameters(hash: SHA256.self, mgf1: SHA256.self, saltByteCount: saltByteCount)
        }
    }

    /// emLen = 256 for a 2048-bit key: SHA-512 leaves room for 256 − 64 − 2 = 190 salt bytes.
    @Test("a salt too long for the key: signing throws, verification is false")
    func saltTooLongForKey() throws {
        let key = try Self.wycheproofKey()
        let fits = try RSA.PSSParameters(hash: SHA512.self, mgf1: SHA512.self, saltByteCount: 190)
        let signature = try key.pssSignature(for: Self.message, parameters: fits)
        #expect(key.publicKey.isValidPSSSignature(signature, for: Self.message, parameters: fits))
        let tooLong = try RSA.PSSParameters(hash: SHA512.self, mgf1: SHA512.self, saltByteCount: 191)
        Self.expectInvalidParameters {
            _ = try key.pssSignature(for: Self.message, parameters: tooLong)
        }
        #expect(!key.publicKey.isValidPSSSignature(signature, for: Self.message, parameters: tooLong))
        let maximum = try RSA.PSSParameters(hash: SHA512.self, mgf1: SHA512.self, saltByteCount: 2048)
        Self.expectInvalidParameters {
            _ = try key.pssSignature(for: Self.message, parameters: maximum)
        }
        #expect(!key.publicKey.isValidPSSSignature(signature, for: Self.message, parameters: maximum))
    }

    /// `body` throws an `RSAError` with the code `.invalidPSSParameters`.
    static func expectInvalidParameters(
        _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: RSAError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error?.code == .invalidPSSParameters, sourceLocation: sourceLocation)
    }

    @Test("the error names the problem")
    func errorDescription() {
        #expect(RSAError.Code.invalidPSSParameters.description == "invalidPSSParameters")
    }
}
