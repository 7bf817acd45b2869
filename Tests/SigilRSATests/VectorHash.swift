import SigilRSA
import SigilSHA2

/// A hash function named as in the test vectors (`SHA-256`, `SHA-384`, `SHA-512`), for RSASSA-PKCS1-v1_5 signing and
/// verification: a switch that calls the generic API with the matching `SigilSHA2` type.
///
/// SigilRSA has no run-time hash names of its own; a caller that reads a name from data maps it like this.
enum VectorHash: String, CaseIterable, Sendable {
    case sha256 = "SHA-256"
    case sha384 = "SHA-384"
    case sha512 = "SHA-512"

    /// `key.signature(for: message, using: Hash.self)` with this hash.
    func signature(_ key: RSA.PrivateKey, for message: [UInt8]) throws(RSAError) -> [UInt8] {
        switch self {
        case .sha256: try key.signature(for: message, using: SHA256.self)
        case .sha384: try key.signature(for: message, using: SHA384.self)
        case .sha512: try key.signature(for: message, using: SHA512.self)
        }
    }

    /// `key.isValidSignature(signature, for: message, using: Hash.self)` with this hash.
    func isValid<Signature: Sequence, Message: Sequence>(
        _ key: RSA.PublicKey, _ signature: Signature, for message: Message
    ) -> Bool where Signature.Element == UInt8, Message.Element == UInt8 {
        switch self {
        case .sha256: key.isValidSignature(signature, for: message, using: SHA256.self)
        case .sha384: key.isValidSignature(signature, for: message, using: SHA384.self)
        case .sha512: key.isValidSignature(signature, for: message, using: SHA512.self)
        }
    }
}

/// A hash function SigilRSA has no DigestInfo for: SHA-256 under another type, so that its
/// digests have SHA-256's length and bytes but not its type.
struct SHA256Lookalike: HashFunction {
    /// The digest, a `SHA256Digest` under another type.
    struct Digest: SigilSHA2.Digest {
        static var byteCount: Int { 32 }
        let bytes: SHA256Digest

        func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
            try bytes.withUnsafeBytes(body)
        }

        func makeIterator() -> IndexingIterator<[UInt8]> { Array(bytes).makeIterator() }

        var description: String { bytes.description }
    }

    static var blockByteCount: Int { 64 }
    static var byteCount: Int { 32 }

    private var hasher = SHA256()

    init() {}

    mutating func update(bufferPointer: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bufferPointer) }

    func finalize() -> Digest { Digest(bytes: hasher.finalize()) }
}
