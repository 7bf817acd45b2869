import SigilHMAC
import SigilTestSupport
import Testing

/// The PHC-style password hash: creation, verification, and every rejection of a malformed
/// stored string.
@Suite("PasswordHash")
struct PasswordHashTests {
    /// Computed with Python: `hashlib.pbkdf2_hmac('sha256', b'password', bytes(range(16)), 1000, 32)`.
    static let knownSHA256 = "$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODw$JeuGrMduQwGPGLmo+Qwv7UYtHHmeg9SK49fGkEamC2c"

    /// Computed with Python: PBKDF2-HMAC-SHA512 of "pässwörd" (UTF-8), salt bytes 100…107,
    /// 2000 iterations, 64 bytes.
    static let knownSHA512 =
        "$pbkdf2-sha512$i=2000$ZGVmZ2hpams$"
        + "F9ZtWsZiSWc04OTXXklmmzv3/spn+PN9JWlJsFACCqnJ5yVtHr4VI5QsIj0pryxY6OY3uBhpGEmcRS1TVOZM1Q"

    @Test("Known strings computed with Python hashlib parse, verify, and re-encode identically")
    func knownStrings() throws {
        let sha256 = try PasswordHash(parsing: Self.knownSHA256)
        #expect(sha256.algorithm == .pbkdf2SHA256)
        #expect(sha256.iterations == 1000)
        #expect(sha256.verify(password: "password"))
        #expect(sha256.verify(password: Array("password".utf8)))
        #expect(!sha256.verify(password: "Password"))
        #expect(!sha256.verify(password: ""))
        #expect(sha256.encoded == Self.knownSHA256)

        let sha512 = try PasswordHash(parsing: Self.knownSHA512)
        #expect(sha512.algorithm == .pbkdf2SHA512)
        #expect(sha512.iterations == 2000)
        #expect(sha512.verify(password: "pässwörd"))
        #expect(!sha512.verify(password: "passwords"))
        #expect(sha512.encoded == Self.knownSHA512)
    }

    @Test("create → encoded → parse → verify round-trips for both algorithms")
    func roundTrip() throws {
        for algorithm in [PasswordHash.Algorithm.pbkdf2SHA256, .pbkdf2SHA512] {
            let created = try PasswordHash.create(
                password: "correct horse battery staple", algorithm: algorithm, iterations: 1000)
            #expect(created.verify(password: "correct horse battery staple"))
            #expect(!created.verify(password: "correct horse battery stapl"))
            let encoded = created.encoded
            #expect(encoded.hasPrefix("$\(algorithm.identifier)$i=1000$"))
            let parsed = try PasswordHash(parsing: encoded)
            #expect(parsed.algorithm == algorithm)
            #expect(parsed.iterations == 1000)
            #expect(parsed.encoded == encoded)
            #expect(parsed.verify(password: "correct horse battery staple"))
            #expect(!parsed.verify(password: "wrong"))
            // 16-byte salt (22 characters) and a digest-length hash.
            let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
            #expect(fields.count == 5)
            #expect(fields[3].count == 22)
            #expect(fields[4].count == (algorithm.hashByteCount * 8 + 5) / 6)
        }
        // Two hashes of one password differ by their salts.
        let first = try PasswordHash.create(password: "same", iterations: 1000)
        let second = try PasswordHash.create(password: "same", iterations: 1000)
        #expect(first.encoded != second.encoded)
    }

    @Test(
        "A stored string is read at both iteration bounds and refused one past either",
        arguments: [
            (PasswordHash.minimumIterations, true), (PasswordHash.maximumIterations, true),
            (PasswordHash.minimumIterations - 1, false), (PasswordHash.maximumIterations + 1, false),
        ])
    func iterationBounds(iterations: Int, accepted: Bool) throws {
        let stored = "$pbkdf2-sha256$i=\(iterations)$\(Self.salt)$\(Self.hash)"
        if accepted {
            let parsed = try PasswordHash(parsing: stored)
            #expect(parsed.iterations == iterations)
            #expect(parsed.encoded == stored)
        } else {
            let error = #expect(throws: PasswordHashError.self) { try PasswordHash(parsing: stored) }
            #expect(error?.code == .invalidIterationCount)
        }
    }

    @Test(
        "Each algorithm's default iteration count is within the bounds, so a default hash reads back",
        arguments: [PasswordHash.Algorithm.pbkdf2SHA256, .pbkdf2SHA512])
    func defaultIterationsAreUsable(algorithm: PasswordHash.Algorithm) throws {
        let iterations = algorithm.defaultIterations
        let hash = String(repeating: "A", count: (algorithm.hashByteCount * 8 + 5) / 6)
        let stored = "$\(algorithm)$i=\(iterations)$\(Self.salt)$\(hash)"
        let parsed = try PasswordHash(parsing: stored)
        #expect(parsed.algorithm == algorithm)
        #expect(parsed.iterations == iterations)
    }

    @Test("The description shows neither salt nor hash")
    func description() throws {
        let hash = try PasswordHash(parsing: Self.knownSHA256)
        #expect(hash.description == "PasswordHash(pbkdf2-sha256, i=1000)")
        #expect(!hash.description.contains("AAEC"))
        #expect(!hash.description.contains("JeuG"))
    }

    @Test("create rejects iteration counts outside 1,000…10,000,000", arguments: [0, -1, 999, 10_000_001, Int.max])
    func createRejectsIterations(iterations: Int) {
        let error = #expect(throws: PasswordHashError.self) {
            try PasswordHash.create(password: "x", iterations: iterations)
        }
        #expect(error?.code == .invalidIterationCount)
    }

    static let salt = "AAECAwQFBgcICQoLDA0ODw"
    static let hash = "JeuGrMduQwGPGLmo+Qwv7UYtHHmeg9SK49fGkEamC2c"

    /// Every malformed shape, with the code it must produce.
    static let malformedStrings: [(String, PasswordHashError.Code)] = [
        ("", .malformed),
        ("$", .malformed),
        ("pbkdf2-sha256$i=1000$\(salt)$\(hash)", .malformed),
        ("x$pbkdf2-sha256$i=1000$\(salt)$\(hash)", .malformed),
        ("$pbkdf2-sha256$i=1000$\(salt)", .malformed),
        ("$pbkdf2-sha256$i=1000$\(salt)$\(hash)$", .malformed),
        ("$pbkdf2-sha256$i=1000$\(salt)$\(hash)$extra", .malformed),
        ("$pbkdf2-sha256$1000$\(salt)$\(hash)", .malformed),
        ("$pbkdf2-sha256$rounds=1000$\(salt)$\(hash)", .malformed),
        ("$pbkdf2-sha256$v=1$\(salt)$\(hash)", .malformed),
        ("$pbkdf2-sha256$i=1000$\(salt)$\(hash)" + String(repeating: "A", count: 200), .malformed),
        ("$pbkdf2-sha1$i=1000$\(salt)$\(hash)", .unsupportedAlgorithm),
        ("$PBKDF2-SHA256$i=1000$\(salt)$\(hash)", .unsupportedAlgorithm),
        ("$pbkdf2-sha384$i=1000$\(salt)$\(hash)", .unsupportedAlgorithm),
        ("$$i=1000$\(salt)$\(hash)", .unsupportedAlgorithm),
        ("$pbkdf2-sha256$i=$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=01000$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=+1000$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=-1000$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=1e4$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i= 1000$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=0$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=999$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=10000001$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=99999999$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=999999999999999999999$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=1000,p=1$\(salt)$\(hash)", .invalidIterationCount),
        ("$pbkdf2-sha256$i=1000$\(salt)==$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODx$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0OD$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0OD*$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0OD-$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$AAEC AwQFBgcICQoLDA0ODw$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$AAECAwQFBg$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$" + String(repeating: "A", count: 87) + "$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$" + String(repeating: "A", count: 88) + "$\(hash)", .invalidSalt),
        ("$pbkdf2-sha256$i=1000$\(salt)$\(hash)=", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$JeuGrMduQwGPGLmo+Qwv7UYtHHmeg9SK49fGkEamC2d", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$JeuGrMduQwGPGLmo-Qwv7UYtHHmeg9SK49fGkEamC2c", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$\(hash)\n", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$AAECAwQFBgcICQoLDA0O", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$" + String(repeating: "A", count: 88), .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$JeuGrMduQwGPGLmo+Qwv7UYtHHmeg9SK49fGkEam", .invalidHash),
        ("$pbkdf2-sha256$i=1000$\(salt)$\(hash)AAAA", .invalidHash),
        ("$pbkdf2-sha512$i=1000$\(salt)$\(hash)", .invalidHash),
    ]

    @Test("Malformed strings are rejected with the right code", arguments: 0..<47)
    func malformed(index: Int) {
        #expect(Self.malformedStrings.count == 47)
        let (text, code) = Self.malformedStrings[index]
        let error = #expect(throws: PasswordHashError.self) {
            try PasswordHash(parsing: text)
        }
        #expect(error?.code == code, "\(text)")
        // Errors never quote the string, the salt or the hash.
        #expect(error?.description.contains(Self.salt) == false)
        #expect(error?.description.contains("JeuG") == false)
    }

    @Test("A tampered hash, salt or iteration count fails verification")
    func tampered() throws {
        let variants = [
            "$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODg$\(Self.hash)",
            "$pbkdf2-sha256$i=1001$\(Self.salt)$\(Self.hash)",
            "$pbkdf2-sha256$i=1000$\(Self.salt)$JeuGrMduQwGPGLmo+Qwv7UYtHHmeg9SK49fGkEamC2Y",
        ]
        for variant in variants {
            let parsed = try PasswordHash(parsing: variant)
            #expect(!parsed.verify(password: "password"), "\(variant)")
        }
    }

    @Test("PasswordHashError: equality by code, codes named")
    func errorShape() {
        let error = #expect(throws: PasswordHashError.self) { try PasswordHash(parsing: "") }
        #expect(error?.code.description == "malformed")
        #expect(PasswordHashError.Code.invalidSalt.description == "invalidSalt")
        #expect(PasswordHashError.Code.invalidHash != PasswordHashError.Code.invalidSalt)
    }
}
