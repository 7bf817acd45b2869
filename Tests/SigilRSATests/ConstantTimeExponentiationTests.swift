import SigilTestSupport
import Testing

@testable import SigilRSA

/// Records every step of a secret exponentiation.
struct RecordingObserver: ExponentiationObserver {
    var steps: [ExponentiationStep] = []
    mutating func record(_ step: ExponentiationStep) { steps.append(step) }
}

/// The secret exponentiation's sequence of table reads, squarings and multiplications does
/// not depend on the exponent's bits (nor on the base, nor on the key of a given size).
@Suite("Constant-time exponentiation: operation traces")
struct ConstantTimeExponentiationTests {
    static func key(group index: Int) throws -> RSA.PrivateKey {
        let document = try Vectors.jsonObject("wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
        return try RSA.PrivateKey(pemRepresentation: try document.objects("testGroups")[index].string("privateKeyPem"))
    }

    @Test("two exponents of equal length give identical traces")
    func exponentTraces() throws {
        let key = try Self.key(group: 2)
        let context = key.primeP
        let k = context.limbCount
        #expect(k == 16)
        var base = [UInt64](repeating: 0, count: k)
        base[0] = 0x1234_5678_9abc_def1
        base[7] = 0x0fed_cba9_8765_4321
        let montgomeryBase = context.multiply(base, context.rSquared)

        let exponents: [[UInt64]] = [
            [UInt64](repeating: UInt64.max, count: k),  // every bit set
            [1] + [UInt64](repeating: 0, count: k - 1),  // a single low bit
            [UInt64](repeating: 0, count: k - 1) + [1 << 63],  // a single high bit
            key.exponentP,  // the key's dp
            key.exponentQ,  // the key's dq
            (0..<k).map { UInt64($0) &* 0x9e37_79b9_7f4a_7c15 },  // a mixed pattern
        ]
        var traces: [[ExponentiationStep]] = []
        var results: [[UInt64]] = []
        for exponent in exponents {
            var observer = RecordingObserver()
            results.append(context.secretPower(montgomeryBase: montgomeryBase, exponent: exponent, observer: &observer))
            traces.append(observer.steps)
        }
        for trace in traces.dropFirst() {
            #expect(trace == traces[0])
        }
        #expect(Set(results).count == exponents.count)  // the exponents did make a difference

        // The shape: 30 multiplications build the table; then 205 windows of 5 bits over the
        // 1024 bit positions (the top window has 4), each reading all 32 entries; every window
        // but the first squares 5 times and multiplies once.
        let trace = traces[0]
        let windows = (64 * k + MontgomeryModulus.windowBits - 1) / MontgomeryModulus.windowBits
        #expect(windows == 205)
        #expect(trace.count { $0 == .multiply } == 30 + (windows - 1))
        #expect(trace.count { $0 == .square } == 5 * (windows - 1))
        #expect(trace.count { if case .tableRead = $0 { true } else { false } } == 32 * windows)
        let firstLookup = trace[30..<62]
        #expect(Array(firstLookup) == (0..<32).map { ExponentiationStep.tableRead($0) })
    }

    @Test("signing traces are identical for different messages and different keys of one size")
    func signingTraces() throws {
        let keys = [try Self.key(group: 2), try Self.key(group: 3), try Self.key(group: 4)]
        var traces: [[ExponentiationStep]] = []
        for (index, key) in keys.enumerated() {
            for message in [BigUInt(limbs: [2]), BigUInt(limbs: [UInt64(index) &+ 0x0123_4567_89ab_cdef, 7])] {
                let m = message.resized(to: key.publicKey.montgomery.limbCount)
                var generator = SystemRandomNumberGenerator()
                let blinding = try key.makeBlinding(using: &generator)
                var observer = RecordingObserver()
                let s = key.signatureValue(of: m, blinding: blinding, observer: &observer)
                // The value is right: sᵉ mod n = m.
                let recovered = key.publicKey.montgomery.publicPower(s.limbs, exponent: key.publicKey.exponent)
                #expect(BigUInt(limbs: recovered) == m)
                traces.append(observer.steps)
            }
        }
        #expect(traces.count == 6)
        for trace in traces.dropFirst() {
            #expect(trace == traces[0])
        }
        // Two exponentiations with blinded exponents dp + r·(p−1), dq + r′·(q−1) of 17 limbs:
        // 218 windows each (the top one has 3 bits) over the interleaved table.
        let windows = (64 * 17 + MontgomeryModulus.windowBits - 1) / MontgomeryModulus.windowBits
        #expect(windows == 218)
        #expect(traces[0].count { $0 == .multiply } == 2 * (30 + windows - 1))
        #expect(traces[0].count { $0 == .square } == 2 * 5 * (windows - 1))
        #expect(traces[0].count { if case .tableRead = $0 { true } else { false } } == 2 * 32 * windows)
    }
}
