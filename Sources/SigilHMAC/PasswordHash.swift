import SigilBase64
import SigilSHA2

/// A salted, iterated password hash stored as a PHC string.
///
/// The format follows the PHC string format (github.com/P-H-C/phc-string-format):
///
///     $pbkdf2-sha256$i=600000$<salt>$<hash>
///
/// - `pbkdf2-sha256` or `pbkdf2-sha512`: PBKDF2 (RFC 8018 §5.2) with HMAC-SHA-256 or -SHA-512;
/// - `i=`: the iteration count, decimal, without sign or leading zeros, from
///   ``minimumIterations`` to ``maximumIterations``;
/// - `<salt>` and `<hash>`: PHC "B64", the standard base64 alphabet (RFC 4648 §4) without
///   `=` padding, decoded strictly (canonical encodings only). The salt has 8 to 64 bytes
///   (new hashes use 16 random bytes); the hash is exactly as long as the digest (32 bytes
///   for SHA-256, 64 for SHA-512).
///
/// ```swift
/// let stored = try PasswordHash.create(password: "correct horse").encoded   // at sign-up
/// let ok = try PasswordHash(parsing: stored).verify(password: attempt)       // at login
/// ```
///
/// - Important: Passwords are hashed as the UTF-8 bytes given, without Unicode
///   normalization; normalize before both `create` and `verify` if users may type the same
///   password in different forms. `description` shows the algorithm and iteration count only.
public struct PasswordHash: Sendable, CustomStringConvertible {
    /// A password-hashing algorithm and its PHC identifier.
    public struct Algorithm: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case sha256
            case sha512
        }

        private let kind: Kind

        private init(_ kind: Kind) {
            self.kind = kind
        }

        /// PBKDF2-HMAC-SHA256, identifier `pbkdf2-sha256`.
        public static let pbkdf2SHA256 = Algorithm(.sha256)

        /// PBKDF2-HMAC-SHA512, identifier `pbkdf2-sha512`.
        public static let pbkdf2SHA512 = Algorithm(.sha512)

        /// The PHC identifier: `pbkdf2-sha256` or `pbkdf2-sha512`.
        public var identifier: String {
            switch kind {
            case .sha256: "pbkdf2-sha256"
            case .sha512: "pbkdf2-sha512"
            }
        }

        /// The iteration count used when `PasswordHash.create`
        /// is not given one: OWASP's Password Storage Cheat Sheet recommendation, 600,000 for
        /// PBKDF2-HMAC-SHA256 and 210,000 for PBKDF2-HMAC-SHA512.
        public var defaultIterations: Int {
            switch kind {
            case .sha256: 600_000
            case .sha512: 210_000
            }
        }

        /// The hash length, created and accepted: the digest length, 32 or 64 bytes.
        public var hashByteCount: Int {
            switch kind {
            case .sha256: 32
            case .sha512: 64
            }
        }

        /// The algorithm with the given PHC identifier, if supported.
        init?(identifier: some Sequence<UInt8>) {
            if identifier.elementsEqual("pbkdf2-sha256".utf8) {
                self = .pbkdf2SHA256
            } else if identifier.elementsEqual("pbkdf2-sha512".utf8) {
                self = .pbkdf2SHA512
            } else {
                return nil
            }
        }

        /// Runs PBKDF2 with this algorithm's hash function.
        func deriveKey(
            password: SymmetricKey,
            salt: [UInt8],
            iterations: Int,
            byteCount: Int
        ) throws(PBKDF2Error) -> [UInt8] {
            switch kind {
            case .sha256:
                try PBKDF2<SHA256>.deriveKey(
                    from: password,
                    salt: salt,
                    iterations: iterations,
                    outputByteCount: byteCount
                )
            case .sha512:
                try PBKDF2<SHA512>.deriveKey(
                    from: password,
                    salt: salt,
                    iterations: iterations,
                    outputByteCount: byteCount
                )
            }
        }

        /// The PHC identifier.
        public var description: String { identifier }
    }

    /// The smallest iteration count accepted when creating or parsing: 1,000.
    ///
    /// Stored hashes with fewer are rejected as unsafe (and as malformed, since nothing here
    /// creates them).
    public static let minimumIterations = 1_000

    /// The largest iteration count accepted when creating or parsing: 10,000,000.
    ///
    /// The limit keeps a tampered or hostile string from making one verification run for
    /// minutes.
    public static let maximumIterations = 10_000_000

    /// The salt lengths accepted when parsing, in bytes: 8 to 64.
    ///
    /// New hashes use 16.
    public static let saltByteCountRange = 8...64

    /// The longest string ``init(parsing:)`` reads: 256 bytes, more than any valid string.
    public static let maximumEncodedLength = 256

    /// The byte length of the random salt of new hashes.
    public static let saltByteCount = 16

    /// The hash algorithm.
    public let algorithm: Algorithm

    /// The iteration count.
    public let iterations: Int

    private let salt: [UInt8]
    private let hash: [UInt8]

    private init(algorithm: Algorithm, iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.algorithm = algorithm
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Hashes a new password with a fresh 16-byte salt from `SystemRandomNumberGenerator`.
    ///
    /// - Parameters:
    ///   - password: The password's bytes.
    ///   - algorithm: The algorithm; PBKDF2-HMAC-SHA256 by default.
    ///   - iterations: The iteration count; `algorithm.defaultIterations` when nil. Must lie
    ///     within ``minimumIterations`` … ``maximumIterations``.
    /// - Returns: The password hash; store ``encoded``.
    /// - Throws: ``PasswordHashError`` with ``PasswordHashError/Code/invalidIterationCount``.
    public static func create<P: Sequence>(
        password: P,
        algorithm: Algorithm = .pbkdf2SHA256,
        iterations: Int? = nil
    ) throws(PasswordHashError) -> PasswordHash where P.Element == UInt8 {
        let count = iterations ?? algorithm.defaultIterations
        try checkIterations(count)
        var generator = SystemRandomNumberGenerator()
        var salt = [UInt8](repeating: 0, count: saltByteCount)
        for index in salt.indices {
            salt[index] = UInt8.random(in: 0...255, using: &generator)
        }
        let hash = try derive(
            password: SymmetricKey(data: password),
            algorithm: algorithm,
            iterations: count,
            salt: salt,
            byteCount: algorithm.hashByteCount
        )
        return PasswordHash(algorithm: algorithm, iterations: count, salt: salt, hash: hash)
    }

    /// Hashes a new password given as text (its UTF-8 bytes, not normalized); see the
    /// byte-sequence overload.
    ///
    /// - Parameters:
    ///   - password: The password.
    ///   - algorithm: The algorithm; PBKDF2-HMAC-SHA256 by default.
    ///   - iterations: The iteration count; `algorithm.defaultIterations` when nil.
    /// - Returns: The password hash; store ``encoded``.
    /// - Throws: ``PasswordHashError`` with ``PasswordHashError/Code/invalidIterationCount``.
    public static func create(
        password: String,
        algorithm: Algorithm = .pbkdf2SHA256,
        iterations: Int? = nil
    ) throws(PasswordHashError) -> PasswordHash {
        try create(password: password.utf8, algorithm: algorithm, iterations: iterations)
    }

    /// Parses a stored PHC string, checking every limit before any hashing work.
    ///
    /// Grammar: `"$" id "$i=" iterations "$" salt "$" hash`, nothing before or after.
    ///
    /// - Parameter encoded: The stored string.
    /// - Throws: ``PasswordHashError``: `.malformed` (shape or length),
    ///   `.unsupportedAlgorithm`, `.invalidIterationCount`, `.invalidSalt`, `.invalidHash`.
    public init(parsing encoded: String) throws(PasswordHashError) {
        let bytes = encoded.utf8
        guard bytes.count <= Self.maximumEncodedLength else {
            throw PasswordHashError(.malformed, reason: "longer than \(Self.maximumEncodedLength) bytes")
        }
        let dollar = UInt8(ascii: "$")
        let fields = Array(bytes).split(separator: dollar, omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty else {
            throw PasswordHashError(.malformed, reason: "expected $<id>$i=<iterations>$<salt>$<hash>")
        }
        guard let algorithm = Algorithm(identifier: fields[1]) else {
            throw PasswordHashError(.unsupportedAlgorithm, reason: "expected pbkdf2-sha256 or pbkdf2-sha512")
        }
        let parameters = fields[2]
        guard parameters.starts(with: "i=".utf8) else {
            throw PasswordHashError(.malformed, reason: "expected the parameter i=<iterations>")
        }
        let iterations = try Self.parseIterations(parameters.dropFirst(2))
        let salt: [UInt8]
        do {
            salt = try Base64.decode(fields[3], padding: .forbidden)
        } catch {
            throw PasswordHashError(.invalidSalt, reason: "the salt is not canonical unpadded base64")
        }
        guard Self.saltByteCountRange.contains(salt.count) else {
            throw PasswordHashError(.invalidSalt, reason: "the salt must be 8 to 64 bytes")
        }
        let hash: [UInt8]
        do {
            hash = try Base64.decode(fields[4], padding: .forbidden)
        } catch {
            throw PasswordHashError(.invalidHash, reason: "the hash is not canonical unpadded base64")
        }
        // Exactly the digest length: a shorter hash would still verify (PBKDF2 output is a
        // prefix of any longer output) with less margin, a longer one would cost more blocks.
        guard hash.count == algorithm.hashByteCount else {
            throw PasswordHashError(.invalidHash, reason: "the hash must be as long as the digest")
        }
        self.init(algorithm: algorithm, iterations: iterations, salt: salt, hash: hash)
    }

    /// Checks a password against this hash, comparing in constant time.
    ///
    /// - Parameter password: The password's bytes.
    /// - Returns: `true` when the password matches.
    public func verify<P: Sequence>(password: P) -> Bool where P.Element == UInt8 {
        let derived: [UInt8]
        do {
            derived = try Self.derive(
                password: SymmetricKey(data: password),
                algorithm: algorithm,
                iterations: iterations,
                salt: salt,
                byteCount: hash.count
            )
        } catch {
            return false
        }
        return derived.withUnsafeBytes { a in hash.withUnsafeBytes { b in constantTimeEquals(a, b) } }
    }

    /// Checks a password given as text (its UTF-8 bytes, not normalized), in constant time.
    ///
    /// - Parameter password: The password.
    /// - Returns: `true` when the password matches.
    public func verify(password: String) -> Bool {
        verify(password: password.utf8)
    }

    /// The PHC string to store: `$pbkdf2-sha256$i=600000$<salt>$<hash>`.
    public var encoded: String {
        "$\(algorithm.identifier)$i=\(iterations)$\(Base64.encode(salt, padding: false))$"
            + Base64.encode(hash, padding: false)
    }

    /// `PasswordHash(pbkdf2-sha256, i=600000)`: never the salt or the hash.
    public var description: String { "PasswordHash(\(algorithm.identifier), i=\(iterations))" }

    private static func checkIterations(_ iterations: Int) throws(PasswordHashError) {
        guard iterations >= minimumIterations, iterations <= maximumIterations else {
            throw PasswordHashError(
                .invalidIterationCount,
                reason: "the iteration count must be between \(minimumIterations) and \(maximumIterations)"
            )
        }
    }

    /// Canonical decimal: one to eight ASCII digits, no leading zero, then the range check.
    private static func parseIterations(_ digits: ArraySlice<UInt8>) throws(PasswordHashError) -> Int {
        guard !digits.isEmpty, digits.count <= 8, digits.first != UInt8(ascii: "0") else {
            throw PasswordHashError(.invalidIterationCount, reason: "the iteration count is not canonical decimal")
        }
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else {
                throw PasswordHashError(.invalidIterationCount, reason: "the iteration count is not decimal")
            }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        try checkIterations(value)
        return value
    }

    private static func derive(
        password: SymmetricKey,
        algorithm: Algorithm,
        iterations: Int,
        salt: [UInt8],
        byteCount: Int
    ) throws(PasswordHashError) -> [UInt8] {
        do {
            return try algorithm.deriveKey(password: password, salt: salt, iterations: iterations, byteCount: byteCount)
        } catch {
            throw PasswordHashError(.invalidIterationCount, reason: "PBKDF2 rejected the parameters")
        }
    }
}
