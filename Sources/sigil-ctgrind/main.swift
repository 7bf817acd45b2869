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
]

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

/// RS256 signing as `signature(for:hashAlgorithm:)` does it (encoding, base blinding, CRT,
/// verification before returning), with the exponent-blinding factors undefined.
///
/// The value of the signature does not depend on them, so it must equal the ordinary signature.
func rsaSignPKCS1v15() throws {
    let key = try checkKey()
    let message = Array("sigil-ctgrind: a JWS signing input".utf8)
    let expected = try key.signature(for: message, hashAlgorithm: .sha256)
    let digest = Array(SHA256.hash(data: message))
    let signature = try key.signature(
        digest: digest, hashAlgorithm: .sha256, exponentBlindingFactors: (undefinedWord(), undefinedWord()))
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
