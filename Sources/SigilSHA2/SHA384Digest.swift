/// A SHA-384 digest: 48 bytes, stored inline.
///
/// `==` compares in constant time. `description` is lowercase hex. The bytes are available
/// by iteration (`Array(digest)`) or through ``Digest/withUnsafeBytes(_:)``.
public struct SHA384Digest: Digest, FixedSizeDigest {
    /// 48 bytes.
    public static var byteCount: Int { 48 }

    /// The digest bytes in order, packed into 6 words of native byte order.
    @usableFromInline
    let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Packs the final chaining words of a SHA-384 computation.
    init(state: SHA512State) {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            state.storeSixBigEndian(into: raw.baseAddress.unsafelyUnwrapped)
        }
        self.words = words
    }
}
