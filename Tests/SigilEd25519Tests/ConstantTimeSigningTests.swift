import SigilTestSupport
import Testing

@testable import SigilEd25519

/// Records every step of a secret base-point multiplication.
struct RecordingObserver: BasePointObserver {
    var steps: [BasePointStep] = []
    mutating func record(_ step: BasePointStep) { steps.append(step) }
}

/// The secret base-point multiplications of key derivation and signing perform the same
/// sequence of table reads, additions and doublings whatever the key and the message.
@Suite("Constant-time signing: operation traces")
struct ConstantTimeSigningTests {
    static let secrets: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [UInt8](repeating: 0xff, count: 32),
        [UInt8](hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!,
        (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) },
    ]
    static let messages: [[UInt8]] = [[], Array("abc".utf8), [UInt8](repeating: 0x5a, count: 1000)]

    @Test("key derivation and signing traces are identical for different keys and messages")
    func traces() throws {
        var traces: [[BasePointStep]] = []
        var signatures: Set<[UInt8]> = []
        for secret in Self.secrets {
            var derivation = RecordingObserver()
            let key = secret.withUnsafeBytes {
                Curve25519.Signing.PrivateKey(secret: Scalar(loading: $0.baseAddress!), observer: &derivation)
            }
            #expect(key.rawRepresentation == secret)
            traces.append(derivation.steps)
            for message in Self.messages {
                var signing = RecordingObserver()
                let signature = message.withUnsafeBytes { key.signature(message: $0, observer: &signing) }
                #expect(signature == key.signature(for: message))
                #expect(key.publicKey.isValidSignature(signature, for: message))
                signatures.insert(signature)
                traces.append(signing.steps)
            }
        }
        #expect(traces.count == 16)
        #expect(signatures.count == 12)  // the secrets and messages did make a difference
        for trace in traces.dropFirst() {
            #expect(trace == traces[0])
        }

        // The shape: 64 lookups of all 8 entries of a row, 64 additions, 4 doublings.
        let trace = traces[0]
        #expect(trace.count { $0 == .add } == 64)
        #expect(trace.count { $0 == .double } == 4)
        #expect(trace.count { if case .tableRead = $0 { true } else { false } } == 64 * 8)
        #expect(Array(trace[0..<9]) == (1...8).map { BasePointStep.tableRead(row: 0, entry: $0) } + [.add])
    }

    /// The constant-time comb and the variable-time double-scalar multiplication, two
    /// independent paths, agree on [s]B for edge and pseudo-random scalars.
    @Test("fixed-base comb agrees with the variable-time multiplication")
    func combAgreesWithVariableTime() {
        var scalars: [[UInt8]] = [
            [UInt8](repeating: 0, count: 32),
            [1] + [UInt8](repeating: 0, count: 31),
            [8] + [UInt8](repeating: 0, count: 31),
            // L − 1
            [UInt8](hex: "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")!,
            // 2²⁵³ − 1, every digit at its extreme after re-centring
            [UInt8](repeating: 0xff, count: 31) + [0x1f],
            [UInt8](repeating: 0x88, count: 31) + [0x08],
        ]
        var state: UInt64 = 0x0123_4567_89ab_cdef
        for _ in 0..<20 {
            var bytes: [UInt8] = []
            for _ in 0..<32 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 56))
            }
            bytes[31] &= 0x0f
            scalars.append(bytes)
        }
        for scalar in scalars {
            var observer = UnobservedBasePoint()
            let comb = scalar.withUnsafeBytes { BasePointTable.multiply($0.baseAddress!, observer: &observer) }
            let reference = scalar.withUnsafeBytes {
                BasePointTable.doubleScalarMultiplyVartime(
                    Scalar(0, 0, 0, 0), ExtendedPoint.identity, Scalar(loading: $0.baseAddress!))
            }
            var left = [UInt8](repeating: 0, count: 32)
            var right = [UInt8](repeating: 0, count: 32)
            left.withUnsafeMutableBytes { comb.encode(into: $0.baseAddress!) }
            right.withUnsafeMutableBytes { reference.encode(into: $0.baseAddress!) }
            #expect(left == right, "scalar \(scalar.hexString)")
        }
    }
}
