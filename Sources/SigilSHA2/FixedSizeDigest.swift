/// A digest stored inline as a tuple of 64-bit words whose memory is the digest bytes in order.
///
/// Conforming types declare `byteCount`, store `words` and build them from the final chaining
/// state; this protocol's extension gives them `withUnsafeBytes`, the constant-time `==`,
/// `hash(into:)`, the hex `description` and heap-free byte iteration.
@usableFromInline
protocol FixedSizeDigest: Digest {
    /// A tuple of `byteCount / 8` `UInt64`s, each holding eight digest bytes in memory order.
    associatedtype Words: BitwiseCopyable

    /// The digest bytes.
    var words: Words { get }
}

extension FixedSizeDigest {
    /// Calls `body` with the digest bytes.
    ///
    /// - Parameter body: A closure that reads the bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw) }
    }

    /// Compares two digests in constant time: every word is examined whatever the contents.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        var left = lhs.words
        var right = rhs.words
        return Swift.withUnsafeBytes(of: &left) { left in
            Swift.withUnsafeBytes(of: &right) { right in
                var difference: UInt64 = 0
                for offset in stride(from: 0, to: MemoryLayout<Words>.size, by: 8) {
                    difference |=
                        left.load(fromByteOffset: offset, as: UInt64.self)
                        ^ right.load(fromByteOffset: offset, as: UInt64.self)
                }
                return difference == 0
            }
        }
    }

    /// Feeds the digest bytes to `hasher`.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// The digest as lowercase hex, two digits per byte.
    public var description: String {
        withUnsafeBytes { Hex.encode($0) }
    }

    /// Returns an iterator over the digest bytes.
    @inlinable
    public func makeIterator() -> DigestIterator<Self> {
        DigestIterator(self)
    }

    /// The digest size in bytes.
    @inlinable
    public var underestimatedCount: Int { Self.byteCount }
}
