/// The fixed-size output of a ``HashFunction``.
///
/// Digests are values: `Hashable`, `Sendable`, iterable as bytes, with a lowercase hex
/// `description`. `==` compares in constant time (it does not stop at the first differing
/// byte), so digests can be compared against secrets.
public protocol Digest: Hashable, Sendable, Sequence, CustomStringConvertible where Element == UInt8 {
    /// The size of the digest in bytes.
    static var byteCount: Int { get }

    /// Calls `body` with the digest's bytes.
    ///
    /// - Parameter body: A closure that reads the bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R
}

extension Digest {
    /// The size of the digest in bytes.
    @inlinable
    public var byteCount: Int { Self.byteCount }
}
