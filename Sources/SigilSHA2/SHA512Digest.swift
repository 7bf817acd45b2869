/// A SHA-512 digest: 64 bytes, stored inline.
///
/// `==` compares in constant time. `description` is lowercase hex. The bytes are available
/// by iteration (`Array(digest)`) or through ``Digest/withUnsafeBytes(_:)``.
public struct SHA512Digest: Digest, FixedSizeDigest {
    /// 64 bytes.
    public static var byteCount: Int { 64 }

    /// The digest bytes in order, packed into 8 words of native byte order.
    @usableFromInline
    let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Packs the final chaining words of a SHA-512 computation.
    init(state: SHA512State) {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            state.storeBigEndian(into: raw.baseAddress.unsafelyUnwrapped)
        }
        self.words = words
    }
}
