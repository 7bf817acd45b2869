import SigilSHA2
import SigilTestSupport
import Testing

@testable import SigilRSA

/// Exponent blinding: dp′ = dp + r·(p−1) and dq′ = dq + r′·(q−1) with fresh 64-bit r, r′ per
/// signature.
///
/// The blinded exponents change from one signature to the next; the signatures do not (PKCS#1
/// v1.5 is deterministic).
@Suite("RSA exponent blinding")
struct ExponentBlindingTests {
    /// Group 2 of Wycheproof's sig-gen file (SHA-256) and its first test case.
    static func keyAndCase() throws -> (RSA.PrivateKey, message: [UInt8], signature: [UInt8]) {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        let group = try document.objects("testGroups")[2]
        #expect(try group.string("sha") == "SHA-256")
        let test = try group.objects("tests")[0]
        return (
            try RSA.PrivateKey(pemRepresentation: try group.string("privateKeyPem")), try test.hexBytes("msg"),
            try test.hexBytes("sig")
        )
    }

    /// `value` reduced modulo `modulus`, in `limbCount` limbs.
    static func remainder(_ value: [UInt64], _ modulus: [UInt64], limbCount: Int) -> BigUInt {
        BigUInt(limbs: value).remainder(dividingBy: BigUInt(limbs: modulus)).resized(to: limbCount)
    }

    static let factors: [UInt64] = [0, 1, 2, 0x8000_0000_0000_0000, 0x9e37_79b9_7f4a_7c15, UInt64.max]

    @Test("d + r·(p−1) is one limb wider than p and congruent to d modulo p−1", arguments: factors)
    func blindedExponentIsCongruent(factor: UInt64) throws {
        let (key, _, _) = try Self.keyAndCase()
        for (exponent, prime) in [(key.exponentP, key.primeP.modulus), (key.exponentQ, key.primeQ.modulus)] {
            let blinded = MontgomeryModulus.blindedExponent(exponent, factor: factor, prime: prime)
            #expect(blinded.count == prime.count + 1)
            let primeMinusOne = BigUInt(limbs: prime).decremented().limbs
            #expect(Self.remainder(blinded, primeMinusOne, limbCount: prime.count) == BigUInt(limbs: exponent))
            // d′ − d = r·(p−1) exactly.
            let expected = BigUInt.product(BigUInt(limbs: primeMinusOne), BigUInt(limbs: [factor]))
            var difference = blinded
            var borrow: UInt64 = 0
            for index in 0..<difference.count {
                (difference[index], borrow) = subtractWithBorrow(
                    difference[index], index < exponent.count ? exponent[index] : 0, borrow)
            }
            #expect(borrow == 0)
            #expect(BigUInt(limbs: difference) == expected.resized(to: difference.count))
        }
    }

    @Test("every signature draws fresh exponent-blinding factors, so its blinded exponents differ")
    func freshFactorsPerSignature() throws {
        let (key, _, _) = try Self.keyAndCase()
        var generator = SystemRandomNumberGenerator()
        var seen: Set<[UInt64]> = []
        for _ in 0..<8 {
            let blinding = try key.makeBlinding(using: &generator)
            #expect(blinding.exponentFactorP != blinding.exponentFactorQ)
            let blindedP = MontgomeryModulus.blindedExponent(
                key.exponentP, factor: blinding.exponentFactorP, prime: key.primeP.modulus)
            let blindedQ = MontgomeryModulus.blindedExponent(
                key.exponentQ, factor: blinding.exponentFactorQ, prime: key.primeQ.modulus)
            #expect(blindedP != key.exponentP + [0])
            seen.insert(blindedP)
            seen.insert(blindedQ)
        }
        #expect(seen.count == 16)  // a repeat has probability about 2⁻⁵⁸
    }

    @Test("the signature is byte-identical to Wycheproof's whatever the exponent-blinding factors", arguments: factors)
    func signatureDoesNotDependOnFactors(factor: UInt64) throws {
        let (key, message, expected) = try Self.keyAndCase()
        var generator = SystemRandomNumberGenerator()
        var blinding = try key.makeBlinding(using: &generator)
        blinding.exponentFactorP = factor
        blinding.exponentFactorQ = ~factor
        let digest = SHA256.hash(data: message)
        let signature = try digest.withUnsafeBytes { (bytes) throws(RSAError) in
            try key.sign(digest: bytes, digestInfoPrefix: EMSAPKCS1v15.sha256DigestInfoPrefix, blinding: blinding)
        }
        #expect(signature == expected)
        // The package entry point of the constant-time check gives the same bytes.
        #expect(
            try key.signature(for: digest, exponentBlindingFactors: (factor, 7)) == expected)
    }

    @Test("the private operation with the check's entry point matches signatureValue")
    func privateOperationEntryPoint() throws {
        let (key, _, _) = try Self.keyAndCase()
        var generator = SystemRandomNumberGenerator()
        let blinding = try key.makeBlinding(using: &generator)
        let k = key.modulusLimbCount
        #expect(k == 32)
        #expect(key.primeLimbCount == 16)
        let m = BigUInt(limbs: [0x0123_4567_89ab_cdef, 42]).resized(to: k)
        var observer = UnobservedExponentiation()
        let direct = key.signatureValue(of: m, blinding: blinding, observer: &observer).limbs
        let viaEntryPoint = m.limbs.withUnsafeBufferPointer { input in
            blinding.factor.limbs.withUnsafeBufferPointer { factor in
                blinding.inverse.limbs.withUnsafeBufferPointer { inverse in
                    key.privateOperation(
                        input: input.baseAddress!, blindingFactor: factor.baseAddress!,
                        blindingInverse: inverse.baseAddress!,
                        exponentBlindingFactors: (blinding.exponentFactorP, blinding.exponentFactorQ))
                }
            }
        }
        #expect(viaEntryPoint == direct)
        let recovered = key.publicKey.montgomery.publicPower(direct, exponent: key.publicKey.exponent)
        #expect(BigUInt(limbs: recovered) == m)
    }
}
