import SigilSHA2

/// The output of ``HMAC``: a MAC tag as long as `H`'s digest.
///
/// `==` compares in constant time. The bytes are available by iteration or through
/// ``withUnsafeBytes(_:)``; `description` is lowercase hex.
public struct HashedAuthenticationCode<H: HashFunction>: Hashable, Sendable, Sequence, CustomStringConvertible {
    @usableFromInline
    let digest: H.Digest

    @inlinable
    init(digest: H.Digest) {
        self.digest = digest
    }

    /// The tag length in bytes (the digest length of `H`).
    public static var byteCount: Int { H.Digest.byteCount }

    /// The tag length in bytes.
    public var byteCount: Int { H.Digest.byteCount }

    /// Calls `body` with the tag bytes.
    ///
    /// - Parameter body: A closure that reads the bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try digest.withUnsafeBytes(body)
    }

    /// Compares two tags in constant time.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.digest == rhs.digest
    }

    /// Returns an iterator over the tag bytes.
    @inlinable
    public func makeIterator() -> H.Digest.Iterator {
        digest.makeIterator()
    }

    /// The tag as lowercase hex.
    public var description: String { digest.description }
}
