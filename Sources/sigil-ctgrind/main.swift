// sigil-ctgrind: runs Sigil's secret-dependent code with secrets taken from memory that was
// never written, for valgrind's memcheck to check the compiled code (the ctgrind technique).
//
//     sigil-ctgrind --list          the names of the checks, one a line
//     sigil-ctgrind NAME ...        runs the named checks (all of them without a name)
//
// `.ci/ctgrind` builds this in release mode and runs each check under
// `valgrind --tool=memcheck`. Every branch or memory address that depends on a secret then
// shows up as a memcheck error; the script fails on any error whose stack is in a secret path.
//
// Adding a check (e.g. ECDSA or Ed25519 signing): write one function below that takes its
// secrets (private scalar, nonce, …) from `undefinedWords(_:)`, runs the operation, and keeps
// the result in `keptResults`/`keptSignatures`; then add one `ConstantTimeCheck` line to
// `checks`. Then teach `.ci/ctgrind` the new secret-path functions (SECRET_PATHS) and any
// place that legitimately branches on the finished result (EXPECTED).

import SigilEC
import SigilEd25519
import SigilRSA
import SigilSHA2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One named check: runs secret-dependent code on secrets that memcheck sees as undefined.
struct ConstantTimeCheck {
    /// The name on the command line and in the gate's report.
    let name: String
    /// What the check runs and which values are undefined.
    let summary: String
    /// Runs the check; throws if the operation itself failed.
    let run: () throws -> Void
}

let checks: [ConstantTimeCheck] = [
    ConstantTimeCheck(
        name: "rsa2048-exponentiation",
        summary: "the fixed-window exponentiation modulo p (1,024 bits) with an undefined base and exponent",
        run: rsaExponentiation),
    ConstantTimeCheck(
        name: "rsa2048-private-operation",
        summary: "the CRT private operation (blinding, both exponentiations, Garner, unblinding) "
            + "with undefined input, blinding factor, blinding inverse and exponent-blinding factors",
        run: rsaPrivateOperation),
    ConstantTimeCheck(
        name: "rsa2048-sign-pkcs1v15",
        summary: "RS256 signing through the library's signing path, exponent-blinding factors undefined "
            + "(the effective exponents dp + r·(p−1), dq + r′·(q−1) are undefined; the signature is still right)",
        run: rsaSignPKCS1v15),
    ConstantTimeCheck(
        name: "ed25519-sign",
        summary: "Ed25519 key derivation and signing (RFC 8032 §5.1.5, §5.1.6) with an undefined 32-byte seed: "
            + "the secret scalar, the prefix, the nonce and both base-point multiplications are undefined",
        run: ed25519Sign),
    ConstantTimeCheck(
        name: "p256-scalar-multiplication",
        summary: "d·G on P-256 (the fixed-window multiplication, masked table reads, the Fermat inversion of Z) "
            + "with 254 of the 256 bits of d undefined",
        run: { try ecBasePointMultiplication(.p256, byteCount: 32, clearedTopBits: 1) }),
    ConstantTimeCheck(
        name: "p256-sign",
        summary: "ES256 signing through the library (key loading with its range check and d·G, RFC 6979 nonce, "
            + "k·G, k⁻¹, s, verification) with 254 of the 256 bits of d undefined",
        run: { try p256Sign() }),
    ConstantTimeCheck(
        name: "p256-sign-hedged",
        summary: "hedged ES256 signing (RFC 6979 §3.6) with a known key and undefined fresh randomness: "
            + "the nonce, k·G, k⁻¹ and s are undefined",
        run: { try p256SignHedged() }),
    ConstantTimeCheck(
        name: "p384-sign",
        summary: "ES384 signing through the library with 382 of the 384 bits of d undefined",
        run: { try p384Sign() }),
    ConstantTimeCheck(
        name: "p521-sign",
        summary: "ES512 signing through the library with 519 of the 521 bits of d undefined",
        run: { try p521Sign() }),
]

// MARK: - ECDSA

/// A private scalar of `byteCount` big-endian bytes, undefined but for its top
/// `clearedTopBits` bits (zero) and its lowest bit (one), so that it is in [1, n − 1]
/// whatever the undefined bits are: below 2^255 for P-256, 2^383 for P-384, 2^520 for P-521,
/// each below the curve's order n.
func undefinedPrivateScalar(byteCount: Int, clearedTopBits: Int) -> [UInt8] {
    let memory = UnsafeRawPointer(undefinedWords((byteCount + 7) / 8)).assumingMemoryBound(to: UInt8.self)
    var bytes = Array(UnsafeBufferPointer(start: memory, count: byteCount))
    for bit in 0..<clearedTopBits {
        bytes[bit / 8] &= ~(0x80 >> UInt8(bit % 8))
    }
    bytes[byteCount - 1] |= 1
    return bytes
}

/// A random number generator whose every word is undefined, for hedged signing.
struct UndefinedRandomness: RandomNumberGenerator {
    mutating func next() -> UInt64 { undefinedWord() }
}

/// d·G with d undefined (all but the bits that keep it in range).
func ecBasePointMultiplication(_ curve: ECCheckCurve, byteCount: Int, clearedTopBits: Int) throws {
    let scalar = undefinedPrivateScalar(byteCount: byteCount, clearedTopBits: clearedTopBits)
    guard let point = ecBasePointMultiple(curve: curve, scalar: scalar) else {
        throw CheckFailure("the scalar does not have the curve's length")
    }
    keptSignatures.append(point)
}

/// The message every ECDSA check signs.
let ecMessage = Array("sigil-ctgrind: a JWS signing input".utf8)

/// Loads a P-256 key from an undefined scalar and signs with it (RFC 6979 nonce).
func p256Sign() throws {
    let key = try P256.Signing.PrivateKey(rawRepresentation: undefinedPrivateScalar(byteCount: 32, clearedTopBits: 1))
    keptSignatures.append(try key.signature(for: ecMessage).rawRepresentation)
}

/// Signs with RFC 6979 §1's P-256 key and undefined hedging randomness.
func p256SignHedged() throws {
    let d: [UInt8] = [
        0xc9, 0xaf, 0xa9, 0xd8, 0x45, 0xba, 0x75, 0x16, 0x6b, 0x5c, 0x21, 0x57, 0x67, 0xb1, 0xd6, 0x93,
        0x4e, 0x50, 0xc3, 0xdb, 0x36, 0xe8, 0x9b, 0x12, 0x7b, 0x8a, 0x62, 0x2b, 0x12, 0x0f, 0x67, 0x21,
    ]
    let key = try P256.Signing.PrivateKey(rawRepresentation: d)
    var randomness = UndefinedRandomness()
    keptSignatures.append(try key.signature(for: ecMessage, hedgingWith: &randomness).rawRepresentation)
}

/// Loads a P-384 key from an undefined scalar and signs with it.
func p384Sign() throws {
    let key = try P384.Signing.PrivateKey(rawRepresentation: undefinedPrivateScalar(byteCount: 48, clearedTopBits: 1))
    keptSignatures.append(try key.signature(for: ecMessage).rawRepresentation)
}

/// Loads a P-521 key from an undefined scalar and signs with it.
func p521Sign() throws {
    let key = try P521.Signing.PrivateKey(rawRepresentation: undefinedPrivateScalar(byteCount: 66, clearedTopBits: 8))
    keptSignatures.append(try key.signature(for: ecMessage).rawRepresentation)
}

// MARK: - Ed25519

/// Derives a key from an undefined seed and signs a message with it.
func ed25519Sign() throws {
    let seed = UnsafeRawBufferPointer(start: undefinedWords(4), count: 32)
    let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    keptSignatures.append(key.signature(for: Array("sigil-ctgrind".utf8)))
}

// MARK: - RSA

/// The key every RSA check uses.
func checkKey() throws -> RSA.PrivateKey {
    try RSA.PrivateKey(pemRepresentation: checkKeyPEM)
}

/// base^exponent·R mod p with an undefined base and an undefined exponent one limb wider
/// than p (as a blinded exponent is).
func rsaExponentiation() throws {
    let key = try checkKey()
    let limbs = key.primeLimbCount
    let result = key.exponentiateModuloP(
        montgomeryBase: undefinedWords(limbs), exponent: undefinedWords(limbs + 1), exponentLimbCount: limbs + 1)
    keptResults.append(result)
}

/// The whole CRT private operation with every input but the key undefined.
///
/// The result is meaningless (the blinding factor and inverse do not match); only the code path
/// matters.
func rsaPrivateOperation() throws {
    let key = try checkKey()
    let limbs = key.modulusLimbCount
    let result = key.privateOperation(
        input: undefinedWords(limbs), blindingFactor: undefinedWords(limbs), blindingInverse: undefinedWords(limbs),
        exponentBlindingFactors: (undefinedWord(), undefinedWord()))
    keptResults.append(result)
}

/// RS256 signing as `signature(for:using:)` does it (encoding, base blinding, CRT,
/// verification before returning), with the exponent-blinding factors undefined.
///
/// The value of the signature does not depend on them, so it must equal the ordinary signature.
func rsaSignPKCS1v15() throws {
    let key = try checkKey()
    let message = Array("sigil-ctgrind: a JWS signing input".utf8)
    let expected = try key.signature(for: message, using: SHA256.self)
    let signature = try key.signature(
        for: SHA256.hash(data: message), exponentBlindingFactors: (undefinedWord(), undefinedWord()))
    try compareFinishedSignature(signature, expected)
    keptSignatures.append(signature)
}

/// Compares a finished signature with the expected one.
///
/// The signature was computed from undefined exponent-blinding factors, so memcheck reports
/// this comparison; the gate expects that report here and nowhere else.
@inline(never)
func compareFinishedSignature(_ signature: [UInt8], _ expected: [UInt8]) throws {
    guard signature == expected else { throw CheckFailure("the signature differs from the ordinary signature") }
}

// MARK: - Running

/// A check whose operation gave a wrong result.
struct CheckFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--list"] {
    for check in checks { print(check.name) }
} else {
    let selected = arguments.isEmpty ? checks : checks.filter { arguments.contains($0.name) }
    let unknown = arguments.filter { name in !checks.contains { $0.name == name } }
    guard unknown.isEmpty else {
        print("sigil-ctgrind: unknown check \(unknown.joined(separator: ", ")); --list shows the names")
        exit(2)
    }
    for check in selected {
        do {
            try check.run()
            print("sigil-ctgrind: ran \(check.name): \(check.summary)")
        } catch {
            print("sigil-ctgrind: \(check.name) failed: \(error)")
            exit(1)
        }
    }
}
