import SigilTestSupport
import Testing

@testable import SigilRSA

/// Returns all-ones words (a value ≥ n once masked, so a rejected draw) for its first
/// `rejectedWords` calls, then the system generator's.
struct RejectingGenerator: RandomNumberGenerator {
    var rejectedWords: Int
    var system = SystemRandomNumberGenerator()

    mutating func next() -> UInt64 {
        guard rejectedWords > 0 else { return system.next() }
        rejectedWords -= 1
        return UInt64.max
    }
}

/// The blinding value is drawn by rejection; a run of rejected draws must not make signing fail.
@Suite("RSA blinding draws")
struct BlindingDrawTests {
    static func key() throws -> RSA.PrivateKey {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        return try RSA.PrivateKey(pemRepresentation: try document.objects("testGroups")[2].string("privateKeyPem"))
    }

    @Test("20 and 100 rejected draws in a row still give a blinding pair that signs correctly", arguments: [20, 100])
    func rejectedRuns(draws: Int) throws {
        let key = try Self.key()
        let limbs = key.publicKey.montgomery.limbCount
        var generator = RejectingGenerator(rejectedWords: draws * limbs)
        let blinding = try key.makeBlinding(using: &generator)
        var observer = RecordingObserver()
        let m = BigUInt(limbs: [0x0123_4567_89ab_cdef, 42]).resized(to: limbs)
        let s = key.signatureValue(of: m, blinding: blinding, observer: &observer)
        let recovered = key.publicKey.montgomery.publicPower(s.limbs, exponent: key.publicKey.exponent)
        #expect(BigUInt(limbs: recovered) == m)
    }

    @Test("a generator that never yields a value below n makes signing fail with signingFailed")
    func brokenGenerator() throws {
        let key = try Self.key()
        var generator = RejectingGenerator(rejectedWords: Int.max)
        #expect(throws: RSAError(.signingFailed, "")) { try key.makeBlinding(using: &generator) }
    }
}
