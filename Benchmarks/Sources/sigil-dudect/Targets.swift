import Foundation
import SigilEC
import SigilEd25519
import SigilHMAC
import SigilRSA
import SigilSHA2

/// Something whose running time must not tell an adversary a secret, with dudect's two input
/// classes.
struct TimingTarget: Sendable {
    /// The name in the report and for `--filter`.
    let name: String
    /// What the fixed class is.
    let fixedClass: String
    /// What the random class is.
    let randomClass: String
    /// Whether this is the harness's own deliberately leaky control, which must be flagged.
    let isControl: Bool
    /// Prepares keys and inputs (untimed) and returns the measurement; throws if the target
    /// cannot be set up, with the reason.
    let prepare: @Sendable () throws -> (MeasurementBudget) throws -> MeasurementResult
}

/// A target that could not be set up.
struct TargetUnavailable: Error, CustomStringConvertible {
    let description: String
}

/// The message the signing targets sign when it is fixed: 200 bytes, about a JWS signing input.
private let messageByteCount = 200

/// Every target, in the order they run.
let allTargets: [TimingTarget] = [
    TimingTarget(
        name: "control: early-exit compare (leaky on purpose)",
        fixedClass: "a 32-byte tag equal to the expected one (the loop runs to the end)",
        randomClass: "the same tag with one byte changed at a random position (the loop stops there)",
        isControl: true,
        prepare: earlyExitCompareTarget),
    TimingTarget(
        name: "HMAC-SHA256 verify: tag",
        fixedClass: "the correct tag of a fixed 200-byte message",
        randomClass: "the correct tag with one byte changed at a random position",
        isControl: false,
        prepare: hmacVerifyTarget),
    TimingTarget(
        name: "control: HMAC-SHA256 verify with an early-exit compare (leaky on purpose)",
        fixedClass: "the correct tag of a fixed 200-byte message",
        randomClass: "the correct tag with one byte changed at a random position",
        isControl: true,
        prepare: hmacEarlyExitVerifyTarget),
    TimingTarget(
        name: "Ed25519 sign: key",
        fixedClass: "one key, a fixed 200-byte message",
        randomClass: "a key drawn from 1,000 generated before timing, the same message",
        isControl: false,
        prepare: ed25519SignTarget),
    TimingTarget(
        name: "P-256 ECDSA sign: key",
        fixedClass: "one key, a fixed 200-byte message (so a fixed RFC 6979 nonce)",
        randomClass: "a key drawn from 1,000 generated before timing, the same message",
        isControl: false,
        prepare: p256SignTarget),
    TimingTarget(
        name: "RSA-2048 sign: message",
        fixedClass: "one key, a fixed 200-byte message",
        randomClass: "the same key, a fresh random 200-byte message",
        isControl: false,
        prepare: rsaMessageTarget),
    TimingTarget(
        name: "RSA-2048 sign: key",
        fixedClass: "one key, a fixed 200-byte message",
        randomClass: "a key drawn from 4 others, the same message",
        isControl: false,
        prepare: rsaKeyTarget),
]

/// A copy of `bytes` in a buffer of its own.
///
/// Assigning an array shares its buffer until one side is written, so a fixed input that is
/// never written would be the same memory in every execution, always in cache, while every
/// random input is new memory: a difference of the harness, not of the code under test. Each
/// input of either class gets its own buffer instead, as in dudect.
func freshCopy(_ bytes: [UInt8]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
        initialized = buffer.initialize(fromContentsOf: bytes)
    }
}

// MARK: - Tag comparison

/// A tag and its message under a fixed key; the inputs of both comparison targets.
private struct TagInputs {
    let key: HMACKey<SHA256>
    let message: [UInt8]
    let tag: [UInt8]

    init() {
        var generator = InputGenerator()
        key = HMACKey(SymmetricKey(data: generator.bytes(32)))
        message = generator.bytes(messageByteCount)
        tag = Array(key.authenticationCode(for: message))
    }

    /// The correct tag (fixed class), or one with one byte at a random position changed to a
    /// different value (random class); a fresh copy either way.
    func candidate(_ inputClass: InputClass, _ generator: inout InputGenerator) -> [UInt8] {
        var candidate = freshCopy(tag)
        if inputClass == .random {
            let position = Int(generator.next() % UInt64(candidate.count))
            candidate[position] ^= UInt8(truncatingIfNeeded: generator.next() % 255 + 1)
        }
        return candidate
    }
}

/// The harness's control: a byte comparison that returns at the first difference.
///
/// A naive MAC check does this. The control must be flagged, or the harness cannot see a leak
/// of this size.
private func earlyExitCompareTarget() -> (MeasurementBudget) throws -> MeasurementResult {
    let inputs = TagInputs()
    return { budget in
        try measure(budget: budget, makeInput: inputs.candidate) { candidate in
            blackHole(earlyExitEquals(inputs.tag, candidate))
        }
    }
}

/// Compares two byte arrays and returns at the first difference: not constant time, on
/// purpose (the control's leak).
@inline(never)
func earlyExitEquals(_ expected: [UInt8], _ candidate: [UInt8]) -> Bool {
    guard expected.count == candidate.count else { return false }
    for index in expected.indices where expected[index] != candidate[index] {
        return false
    }
    return true
}

/// HMAC-SHA256 verification through `HMACKey.isValidAuthenticationCode(_:authenticating:)`,
/// the path SigilJWT takes for HS256: the MAC of the message, then a constant-time
/// comparison with the candidate tag.
private func hmacVerifyTarget() -> (MeasurementBudget) throws -> MeasurementResult {
    let inputs = TagInputs()
    return { budget in
        try measure(budget: budget, makeInput: inputs.candidate) { candidate in
            blackHole(inputs.key.isValidAuthenticationCode(candidate, authenticating: inputs.message))
        }
    }
}

/// The harness's second control: the HMAC target with its constant-time comparison replaced by
/// `earlyExitEquals`.
///
/// It shows that the harness sees an early-exit comparison's leak under the noise of the MAC
/// computation, so that the HMAC target's verdict has the power to find one.
private func hmacEarlyExitVerifyTarget() -> (MeasurementBudget) throws -> MeasurementResult {
    let inputs = TagInputs()
    return { budget in
        try measure(budget: budget, makeInput: inputs.candidate) { candidate in
            blackHole(earlyExitEquals(Array(inputs.key.authenticationCode(for: inputs.message)), candidate))
        }
    }
}

// MARK: - Elliptic curves

/// The number of keys in each elliptic-curve target's pool.
private let keyPoolSize = 1_000

/// Ed25519 signing (RFC 8032 §5.1.6) with the fixed key or a key from a pool.
private func ed25519SignTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    var generator = InputGenerator()
    let keys = try (0...keyPoolSize).map { _ in
        try Curve25519.Signing.PrivateKey(rawRepresentation: generator.bytes(32))
    }
    let message = generator.bytes(messageByteCount)
    return { budget in
        try measure(
            budget: budget,
            makeInput: { inputClass, generator in
                inputClass == .fixed ? keys[0] : keys[1 + Int(generator.next() % UInt64(keyPoolSize))]
            },
            operation: { key in blackHole(key.signature(for: message)) })
    }
}

/// ECDSA P-256 signing (RFC 6979 nonce) with the fixed key or a key from a pool.
private func p256SignTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    var generator = InputGenerator()
    let keys = (0...keyPoolSize).map { _ in P256.Signing.PrivateKey(using: &generator) }
    let message = generator.bytes(messageByteCount)
    return { budget in
        try measure(
            budget: budget,
            makeInput: { inputClass, generator in
                inputClass == .fixed ? keys[0] : keys[1 + Int(generator.next() % UInt64(keyPoolSize))]
            },
            operation: { key in blackHole(try key.signature(for: message).rawRepresentation) })
    }
}

// MARK: - RSA

/// RSASSA-PKCS1-v1_5 SHA-256 signing with one key, over the fixed or a random message.
private func rsaMessageTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    let key = try rsaTestKeys()[0]
    var generator = InputGenerator()
    let fixedMessage = generator.bytes(messageByteCount)
    return { budget in
        try measure(
            budget: budget,
            makeInput: { inputClass, generator in
                inputClass == .fixed ? freshCopy(fixedMessage) : generator.bytes(messageByteCount)
            },
            operation: { message in blackHole(try key.signature(for: message, using: SHA256.self)) })
    }
}

/// RSASSA-PKCS1-v1_5 SHA-256 signing of one message, with the fixed key or one of the others.
private func rsaKeyTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    let keys = try rsaTestKeys()
    guard keys.count >= 5 else {
        throw TargetUnavailable(
            description: "needs 5 distinct RSA-2048 keys with e = 65537 (one fixed, 4 to draw from); "
                + "found \(keys.count)")
    }
    var generator = InputGenerator()
    let message = generator.bytes(messageByteCount)
    return { budget in
        try measure(
            budget: budget,
            makeInput: { inputClass, generator in
                inputClass == .fixed ? keys[0] : keys[1 + Int(generator.next() % UInt64(keys.count - 1))]
            },
            operation: { key in blackHole(try key.signature(for: message, using: SHA256.self)) })
    }
}

/// The distinct RSA-2048 private keys with e = 65537 of the repository's Wycheproof
/// signature-generation vectors (`Vectors/wycheproof/rsa_pkcs1_2048_sig_gen_test.json`).
///
/// Sigil has no RSA key generation, so the pool is the keys the repository holds. The groups
/// with e = 3 are left out: their public exponent makes the verification that follows every
/// signature cheaper, a public difference that the key test would report as a leak.
private func rsaTestKeys() throws -> [RSA.PrivateKey] {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Vectors/wycheproof/rsa_pkcs1_2048_sig_gen_test.json")
    guard let data = try? Data(contentsOf: path),
        let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let groups = root["testGroups"] as? [[String: Any]]
    else {
        throw TargetUnavailable(description: "cannot read the Wycheproof RSA key file \(path.lastPathComponent)")
    }
    var pems: [String] = []
    for group in groups {
        guard group["keySize"] as? Int == 2048,
            (group["privateKey"] as? [String: Any])?["publicExponent"] as? String == "010001",
            let pem = group["privateKeyPem"] as? String, !pems.contains(pem)
        else { continue }
        pems.append(pem)
    }
    return try pems.map { try RSA.PrivateKey(pemRepresentation: $0) }
}
