/// A SHA-256 digest: 32 bytes, stored inline.
///
/// `==` compares in constant time. `description` is lowercase hex. The bytes are available
/// by iteration (`Array(digest)`) or through ``Digest/withUnsafeBytes(_:)``.
public struct SHA256Digest: Digest, FixedSizeDigest {
    /// 32 bytes.
    public static var byteCount: Int { 32 }

    /// The digest bytes in order, packed into 4 words of native byte order.
    @usableFromInline
    let words: (UInt64, UInt64, UInt64, UInt64)

    /// Packs the final chaining words of a SHA-256 computation.
    init(state: SHA256State) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            state.storeBigEndian(into: raw.baseAddress.unsafelyUnwrapped)
        }
        self.words = words
    }
}
