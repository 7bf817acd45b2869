/// The size of a ``SymmetricKey`` to generate.
public struct SymmetricKeySize: Hashable, Sendable {
    /// The key size in bits; a multiple of 8.
    public let bitCount: Int

    /// A size of `bitCount` bits, rounded up to whole bytes; negative values count as zero.
    ///
    /// - Parameter bitCount: The key size in bits.
    public init(bitCount: Int) {
        let clamped = Swift.max(0, Swift.min(bitCount, Int.max - 7))
        self.bitCount = (clamped + 7) / 8 * 8
    }

    /// 128 bits.
    public static let bits128 = SymmetricKeySize(bitCount: 128)

    /// 192 bits.
    public static let bits192 = SymmetricKeySize(bitCount: 192)

    /// 256 bits: the size to use for HMAC-SHA256 keys (RFC 7518 §3.2 requires at least the
    /// hash output size for HS256).
    public static let bits256 = SymmetricKeySize(bitCount: 256)

    /// 512 bits.
    public static let bits512 = SymmetricKeySize(bitCount: 512)
}
