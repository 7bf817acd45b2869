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
    /// What a large |t| means for this target.
    let kind: TargetKind
    /// What else the operation does that the reader should know to weigh a verdict.
    var note: String?
    /// Prepares keys and inputs (untimed) and returns the measurement; throws if the target
    /// cannot be set up, with the reason.
    let prepare: @Sendable () throws -> (MeasurementBudget) throws -> MeasurementResult
}

/// What a target is for, which decides what its |t| means.
enum TargetKind: Sendable {
    /// The time must not depend on the secret: a large |t| is a leak.
    case secret
    /// The harness's own deliberately leaky code: it must be flagged, or the harness cannot
    /// see a leak of its size and no verdict of the run means anything.
    case control
    /// Code that runs in variable time on public inputs, by design: a large |t| is expected.
    /// It is measured to explain a target whose operation includes it.
    case publicReference
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
        kind: .control,
        prepare: earlyExitCompareTarget),
    TimingTarget(
        name: "HMAC-SHA256 verify: tag",
        fixedClass: "the correct tag of a fixed 200-byte message",
        randomClass: "the correct tag with one byte changed at a random position",
        kind: .secret,
        prepare: hmacVerifyTarget),
    TimingTarget(
        name: "control: HMAC-SHA256 verify with an early-exit compare (leaky on purpose)",
        fixedClass: "the correct tag of a fixed 200-byte message",
        randomClass: "the correct tag with one byte changed at a random position",
        kind: .control,
        prepare: hmacEarlyExitVerifyTarget),
    TimingTarget(
        name: "Ed25519 sign: key",
        fixedClass: "one key, a message drawn from 1,000 random 200-byte messages",
        randomClass: "a key drawn from 1,000 generated before timing, a message drawn from the same 1,000",
        kind: .secret,
        prepare: ed25519SignTarget),
    TimingTarget(
        name: "P-256 ECDSA sign: key",
        fixedClass: "one key, a message drawn from 1,000 random 200-byte messages",
        randomClass: "a key drawn from 1,000 generated before timing, a message drawn from the same 1,000",
        kind: .secret,
        note: "signing ends with a variable-time verification of the finished signature (public inputs); "
            + "both classes sign varied messages, so both verify varied signatures and only the key differs",
        prepare: p256SignTarget),
    TimingTarget(
        name: "P-256 public key from a private scalar: d·G",
        fixedClass: "one 32-byte scalar d",
        randomClass: "a random scalar d",
        kind: .secret,
        prepare: p256PublicKeyTarget),
    TimingTarget(
        name: "P-256 ECDSA verify (public inputs, variable time by design): signature",
        fixedClass: "one key's signature of a fixed message, verified with its public key",
        randomClass: "the signature of the same message by a key drawn from 1,000, with that key's public key",
        kind: .publicReference,
        prepare: p256VerifyTarget),
    TimingTarget(
        name: "RSA-2048 sign: message",
        fixedClass: "one key, a fixed 200-byte message",
        randomClass: "the same key, a fresh random 200-byte message",
        kind: .secret,
        prepare: rsaMessageTarget),
    TimingTarget(
        name: "RSA-2048 sign: key",
        fixedClass: "one key, a fixed 200-byte message",
        randomClass: "a key drawn from 4 others, the same message",
        kind: .secret,
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

/// The number of keys in each elliptic-curve target's pools.
private let keyPoolSize = 1_000

/// Draws the key of one execution: from `fixed` for the fixed class, from `random` for the
/// random class, at a random index in both cases.
///
/// `fixed` holds the fixed key many times over, each copy made separately, so that it lives in
/// as many places in memory as the random keys do. With one copy only, the fixed key would
/// always be in the fastest cache and the random keys would not: a difference of the harness
/// that dudect would report as a leak.
func pooledKey<Key>(fixed: [Key], random: [Key]) -> (InputClass, inout InputGenerator) -> Key {
    { inputClass, generator in
        let pool = inputClass == .fixed ? fixed : random
        return pool[Int(generator.next() % UInt64(pool.count))]
    }
}

/// Draws the key and the message of one execution: the key as `pooledKey` does, the message
/// from `messages` at a random index in both classes.
///
/// With one fixed message, a deterministic signature scheme (RFC 6979 ECDSA, Ed25519) makes the
/// same signature on every execution of the fixed class, so any work on the signature that is
/// variable time on public values (the verification that ECDSA signing ends with) would repeat
/// identically there and vary in the random class: a difference of public data, not of the key.
/// Varied messages in both classes leave the key as the only difference.
func pooledKeyAndMessage<Key>(
    fixed: [Key], random: [Key], messages: [[UInt8]]
) -> (InputClass, inout InputGenerator) -> (Key, [UInt8]) {
    let drawKey = pooledKey(fixed: fixed, random: random)
    return { inputClass, generator in
        (drawKey(inputClass, &generator), messages[Int(generator.next() % UInt64(messages.count))])
    }
}

/// Ed25519 signing (RFC 8032 §5.1.6) with the fixed key or a key from a pool.
private func ed25519SignTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    var generator = InputGenerator()
    let fixedSeed = generator.bytes(32)
    let fixed = try (0..<keyPoolSize).map { _ in
        try Curve25519.Signing.PrivateKey(rawRepresentation: freshCopy(fixedSeed))
    }
    let random = try (0..<keyPoolSize).map { _ in
        try Curve25519.Signing.PrivateKey(rawRepresentation: generator.bytes(32))
    }
    let messages = (0..<keyPoolSize).map { _ in generator.bytes(messageByteCount) }
    return { budget in
        try measure(
            budget: budget, makeInput: pooledKeyAndMessage(fixed: fixed, random: random, messages: messages),
            operation: { key, message in blackHole(key.signature(for: message)) })
    }
}

/// ECDSA P-256 signing (RFC 6979 nonce) with the fixed key or a key from a pool.
///
/// The signature is verified with the public key before it is returned, in variable time
/// (its inputs are public); varied messages in both classes keep that verification from
/// telling the classes apart (see `pooledKeyAndMessage`). The next two targets time the
/// secret part alone (d·G) and the verification alone.
private func p256SignTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    var generator = InputGenerator()
    let fixedScalar = P256.Signing.PrivateKey(using: &generator).rawRepresentation
    let fixed = try (0..<keyPoolSize).map { _ in
        try P256.Signing.PrivateKey(rawRepresentation: freshCopy(fixedScalar))
    }
    let random = (0..<keyPoolSize).map { _ in P256.Signing.PrivateKey(using: &generator) }
    let messages = (0..<keyPoolSize).map { _ in generator.bytes(messageByteCount) }
    return { budget in
        try measure(
            budget: budget, makeInput: pooledKeyAndMessage(fixed: fixed, random: random, messages: messages),
            operation: { key, message in blackHole(try key.signature(for: message).rawRepresentation) })
    }
}

/// A P-256 private key made from its scalar, which computes the public key d·G.
///
/// That is the range check of d, the fixed-window multiplication with masked table reads and
/// the Fermat inversion to affine coordinates: the secret half of signing, without the
/// verification.
private func p256PublicKeyTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    var generator = InputGenerator()
    let fixedScalar = P256.Signing.PrivateKey(using: &generator).rawRepresentation
    return { budget in
        try measure(
            budget: budget,
            makeInput: { inputClass, generator in
                inputClass == .fixed
                    ? freshCopy(fixedScalar) : P256.Signing.PrivateKey(using: &generator).rawRepresentation
            },
            operation: { scalar in
                blackHole(try P256.Signing.PrivateKey(rawRepresentation: scalar).publicKey.rawRepresentation)
            })
    }
}

/// P-256 ECDSA verification, public inputs only: one signature and public key against many.
private func p256VerifyTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    var generator = InputGenerator()
    let message = generator.bytes(messageByteCount)
    let fixedKey = P256.Signing.PrivateKey(using: &generator)
    let fixedSignature = try fixedKey.signature(for: message).rawRepresentation
    let fixed = try (0..<keyPoolSize).map { _ in
        (
            try P256.Signing.PublicKey(rawRepresentation: freshCopy(fixedKey.publicKey.rawRepresentation)),
            try P256.Signing.ECDSASignature(rawRepresentation: freshCopy(fixedSignature))
        )
    }
    let random = try (0..<keyPoolSize).map { _ in
        let key = P256.Signing.PrivateKey(using: &generator)
        return (key.publicKey, try key.signature(for: message))
    }
    return { budget in
        try measure(
            budget: budget, makeInput: pooledKey(fixed: fixed, random: random),
            operation: { publicKey, signature in blackHole(publicKey.isValidSignature(signature, for: message)) })
    }
}

// MARK: - RSA

/// RSASSA-PKCS1-v1_5 SHA-256 signing with one key, over the fixed or a random message.
private func rsaMessageTarget() throws -> (MeasurementBudget) throws -> MeasurementResult {
    let key = try RSA.PrivateKey(pemRepresentation: rsaTestKeyPEMs()[0])
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
    let keys = try rsaTestKeyPEMs().map { try RSA.PrivateKey(pemRepresentation: $0) }
    guard keys.count >= 5 else {
        throw TargetUnavailable(
            description: "needs 5 distinct RSA-2048 keys with e = 65537 (one fixed, 4 to draw from); "
                + "found \(keys.count)")
    }
    // The fixed key loaded as many times as there are other keys: equal pools (see `pooledKey`).
    let random = Array(keys.dropFirst())
    let fixed = try random.map { _ in try RSA.PrivateKey(pemRepresentation: rsaTestKeyPEMs()[0]) }
    var generator = InputGenerator()
    let message = generator.bytes(messageByteCount)
    return { budget in
        try measure(
            budget: budget, makeInput: pooledKey(fixed: fixed, random: random),
            operation: { key in blackHole(try key.signature(for: message, using: SHA256.self)) })
    }
}

/// The PEM encodings of the distinct RSA-2048 private keys with e = 65537 of the repository's Wycheproof
/// signature-generation vectors (`Vectors/wycheproof/rsa_pkcs1_2048_sig_gen_test.json`).
///
/// Sigil has no RSA key generation, so the pool is the keys the repository holds. The groups
/// with e = 3 are left out: their public exponent makes the verification that follows every
/// signature cheaper, a public difference that the key test would report as a leak.
private func rsaTestKeyPEMs() throws -> [String] {
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
    return pems
}
