/// A SHA-384 digest: 48 bytes, stored inline.
///
/// `==` compares in constant time. `description` is lowercase hex. The bytes are available
/// by iteration (`Array(digest)`) or through ``withUnsafeBytes(_:)``.
public struct SHA384Digest: Digest {
    /// 48 bytes.
    public static var byteCount: Int { 48 }

    /// The digest bytes in order, packed into 6 words of native byte order.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Packs the final chaining words of a SHA-384 computation.
    init(state: SHA512State) {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            state.storeSixBigEndian(into: raw.baseAddress.unsafelyUnwrapped)
        }
        self.words = words
    }

    /// Calls `body` with the 48 digest bytes.
    ///
    /// - Parameter body: A closure that reads the bytes; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { (raw) throws(E) -> R in try body(raw) }
    }

    /// Compares two digests in constant time: every byte is examined whatever the contents.
    public static func == (lhs: SHA384Digest, rhs: SHA384Digest) -> Bool {
        ((lhs.words.0 ^ rhs.words.0) | (lhs.words.1 ^ rhs.words.1) | (lhs.words.2 ^ rhs.words.2)
            | (lhs.words.3 ^ rhs.words.3) | (lhs.words.4 ^ rhs.words.4) | (lhs.words.5 ^ rhs.words.5)) == 0
    }

    /// Feeds the digest bytes to `hasher`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
        hasher.combine(words.4)
        hasher.combine(words.5)
    }

    /// The digest as 96 lowercase hex digits.
    public var description: String {
        withUnsafeBytes { lowercaseHex($0) }
    }

    /// Returns an iterator over the digest bytes.
    public func makeIterator() -> Iterator {
        Iterator(digest: self)
    }

    /// 48.
    public var underestimatedCount: Int { 48 }

    /// Iterates over the bytes of a ``SHA384Digest``.
    public struct Iterator: IteratorProtocol {
        private let digest: SHA384Digest
        private var index = 0

        init(digest: SHA384Digest) {
            self.digest = digest
        }

        /// The next byte, or nil after the last one.
        public mutating func next() -> UInt8? {
            let position = index
            guard position < 48 else { return nil }
            index = position + 1
            return digest.withUnsafeBytes { $0[position] }
        }
    }
}
