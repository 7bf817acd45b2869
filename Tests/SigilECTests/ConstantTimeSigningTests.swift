import SigilTestSupport
import Testing

@testable import SigilEC

/// Records every step of a secret scalar multiplication.
struct RecordingObserver: ScalarMultiplicationObserver {
    var steps: [ScalarMultiplicationStep] = []
    mutating func record(_ step: ScalarMultiplicationStep) { steps.append(step) }
}

/// Signing's sequence of point doublings, additions and table reads does not depend on the
/// nonce, the private key or the message.
@Suite("Constant-time ECDSA signing: operation traces")
struct ConstantTimeSigningTests {
    static func trace<C: WeierstrassCurve>(
        _: C.Type, e: C.Field.Storage, d: C.Field.Storage, k: C.Field.Storage
    ) -> (steps: [ScalarMultiplicationStep], signature: [UInt8]) {
        var observer = RecordingObserver()
        let signature = ECDSA<C>.sign(e: e, privateScalar: d, nonce: k, observer: &observer)
        let bytes = signature.map { $0.r.bigEndianBytes(count: C.byteCount) + $0.s.bigEndianBytes(count: C.byteCount) }
        return (observer.steps, bytes ?? [])
    }

    /// Nonces with very different bit patterns: 1, n − 1, a single high bit, alternating
    /// bits, and RFC 6979 nonces for two keys and messages.
    static func nonces<C: WeierstrassCurve>(_: C.Type) -> [C.Field.Storage] {
        var one = C.Field.Storage()
        one[0] = 1
        var nMinusOne = C.Scalar.modulus
        nMinusOne[0] -= 1
        var highBit = C.Field.Storage()
        let top = C.Scalar.bitCount - 2
        highBit[top / 64] = 1 << UInt64(top % 64)
        var alternating = C.Field.Storage()
        for i in 0..<C.Field.Storage.count { alternating[i] = 0x5555_5555_5555_5555 }
        alternating = ECDSA<C>.bitsToScalar(alternating.bigEndianBytes(count: C.byteCount))
        var first = DeterministicNonce<C>(privateScalar: one, digest: [1, 2, 3], additionalData: [])
        var second = DeterministicNonce<C>(privateScalar: nMinusOne, digest: [4, 5, 6], additionalData: [9])
        return [one, nMinusOne, highBit, alternating, first.next(), second.next()]
    }

    static func check<C: WeierstrassCurve>(_: C.Type, windows expectedWindows: Int) {
        #expect(ProjectivePoint<C>.windowCount == expectedWindows)
        let nonces = nonces(C.self)
        let keys = [nonces[4], nonces[5], nonces[0]]
        var traces: [[ScalarMultiplicationStep]] = []
        var signatures: Set<[UInt8]> = []
        for (index, k) in nonces.enumerated() {
            let d = keys[index % keys.count]
            let e = ECDSA<C>.bitsToScalar([UInt8(index), 0xab, 0xcd])
            let (steps, signature) = trace(C.self, e: e, d: d, k: k)
            #expect(!signature.isEmpty)
            signatures.insert(signature)
            traces.append(steps)
        }
        #expect(signatures.count == nonces.count)  // the inputs did make a difference
        for trace in traces.dropFirst() {
            #expect(trace == traces[0])
        }
        // The shape: 14 additions build the table 0·P … 15·P; then every 4-bit window reads
        // all 16 entries and adds once, and every window but the first doubles 4 times.
        let trace = traces[0]
        #expect(trace.count { $0 == .add } == 14 + expectedWindows)
        #expect(trace.count { $0 == .double } == 4 * (expectedWindows - 1))
        #expect(trace.count { if case .tableRead = $0 { true } else { false } } == 16 * expectedWindows)
        let firstLookup = trace[14..<30]
        #expect(Array(firstLookup) == (0..<16).map { ScalarMultiplicationStep.tableRead($0) })
    }

    @Test("P-256: identical traces for six nonces, keys and digests")
    func p256() { Self.check(P256Curve.self, windows: 64) }

    @Test("P-384: identical traces")
    func p384() { Self.check(P384Curve.self, windows: 96) }

    @Test("P-521: identical traces")
    func p521() { Self.check(P521Curve.self, windows: 131) }
}
