/// A SHA-256 digest: 32 bytes, stored inline.
///
/// `==` compares in constant time. `description` is lowercase hex. The bytes are available
/// by iteration (`Array(digest)`) or through ``withUnsafeBytes(_:)``.
public struct SHA256Digest: Digest {
    /// 32 bytes.
    public static var byteCount: Int { 32 }

    /// The digest bytes in order, packed into 4 words of native byte order.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// Packs the final chaining words of a SHA-256 computation.
    init(state: SHA256State) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            state.storeBigEndian(into: raw.baseAddress.unsafelyUnwrapped)
        }
        self.words = words
    }

    /// Calls `body` with the 32 digest bytes.
    ///
    /// - Parameter body: A closure that reads the bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw) }
    }

    /// Compares two digests in constant time: every byte is examined whatever the contents.
    public static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        ((lhs.words.0 ^ rhs.words.0) | (lhs.words.1 ^ rhs.words.1) | (lhs.words.2 ^ rhs.words.2)
            | (lhs.words.3 ^ rhs.words.3)) == 0
    }

    /// Feeds the digest bytes to `hasher`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// The digest as 64 lowercase hex digits.
    public var description: String {
        withUnsafeBytes { lowercaseHex($0) }
    }

    /// Returns an iterator over the digest bytes.
    public func makeIterator() -> Iterator {
        Iterator(digest: self)
    }

    /// 32.
    public var underestimatedCount: Int { 32 }

    /// Iterates over the bytes of a ``SHA256Digest``.
    public struct Iterator: IteratorProtocol {
        private let digest: SHA256Digest
        private var index = 0

        init(digest: SHA256Digest) {
            self.digest = digest
        }

        /// The next byte, or nil after the last one.
        public mutating func next() -> UInt8? {
            let position = index
            guard position < 32 else { return nil }
            index = position + 1
            return digest.withUnsafeBytes { $0[position] }
        }
    }
}
