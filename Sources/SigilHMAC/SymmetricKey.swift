/// A secret key for HMAC, in swift-crypto's shape.
///
/// The bytes are reachable only through ``withUnsafeBytes(_:)``; `description` shows the size,
/// never the bytes, and `==` compares in constant time.
public struct SymmetricKey: Sendable, Equatable, CustomStringConvertible {
    private let bytes: [UInt8]

    /// A key made of the given bytes.
    ///
    /// - Parameter data: The key bytes; any length (HMAC hashes keys longer than a block,
    ///   RFC 2104 §2).
    public init<D: Sequence>(data: D) where D.Element == UInt8 {
        bytes = Array(data)
    }

    /// A new random key from the system's cryptographically secure generator
    /// (`SystemRandomNumberGenerator`).
    ///
    /// - Parameter size: The key size.
    public init(size: SymmetricKeySize) {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: size.bitCount / 8)
        var index = 0
        while index < bytes.count {
            var word = generator.next()
            var lane = 0
            while lane < 8, index < bytes.count {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                lane += 1
                index += 1
            }
        }
        self.bytes = bytes
    }

    /// The key size in bits.
    public var bitCount: Int { bytes.count * 8 }

    /// Calls `body` with the key bytes.
    ///
    /// - Parameter body: A closure that reads the key; the buffer is valid only during the call.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    /// - Important: Do not copy the bytes out further than needed, and never log them.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        // Array.withUnsafeBytes rethrows an untyped error; carry the typed one across it.
        try bytes.withUnsafeBytes { raw in Result { () throws(E) -> R in try body(raw) } }.get()
    }

    /// Compares two keys in constant time (only their lengths can leak).
    public static func == (lhs: SymmetricKey, rhs: SymmetricKey) -> Bool {
        lhs.bytes.withUnsafeBytes { a in rhs.bytes.withUnsafeBytes { b in constantTimeEquals(a, b) } }
    }

    /// `SymmetricKey(bitCount: N)`: the size only, never the bytes.
    public var description: String { "SymmetricKey(bitCount: \(bitCount))" }
}
