/// SHA-384 (FIPS 180-4 §6.5): SHA-512 with its own initial value, truncated to 48 bytes.
///
/// ```swift
/// let digest = SHA384.hash(data: Array("abc".utf8))
/// ```
public struct SHA384: HashFunction {
    /// SHA-384 produces a ``SHA384Digest``.
    public typealias Digest = SHA384Digest

    /// 128 bytes.
    public static var blockByteCount: Int { 128 }

    /// 48 bytes.
    public static var byteCount: Int { 48 }

    private var buffer: BlockBuffer<SHA512State, MessageBlock128>

    /// Creates a hasher in the SHA-384 initial state.
    public init() {
        buffer = BlockBuffer(initialState: .sha384Initial)
    }

    /// Absorbs the bytes of a raw buffer; whole blocks are compressed in place.
    ///
    /// - Parameter bufferPointer: The bytes to absorb; may be empty.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        buffer.absorb(bufferPointer)
    }

    /// Returns the digest of everything absorbed so far, without changing the hasher.
    ///
    /// - Returns: The SHA-384 digest: the first six words of the final SHA-512-family state.
    public func finalize() -> SHA384Digest {
        SHA384Digest(state: buffer.finalState())
    }
}
