/// SHA-512 (FIPS 180-4 §6.4): 64-byte digests over 128-byte blocks.
///
/// ```swift
/// let digest = SHA512.hash(data: Array("abc".utf8))
/// ```
///
/// The hasher is a value with no heap storage: the chaining state and the partial block are
/// stored inline, so copies are cheap and independent.
public struct SHA512: HashFunction {
    /// SHA-512 produces a ``SHA512Digest``.
    public typealias Digest = SHA512Digest

    /// 128 bytes.
    public static var blockByteCount: Int { 128 }

    /// 64 bytes.
    public static var byteCount: Int { 64 }

    private var buffer: BlockBuffer<SHA512State, MessageBlock128>

    /// Creates a hasher in the SHA-512 initial state.
    public init() {
        buffer = BlockBuffer(initialState: .sha512Initial)
    }

    /// Absorbs the bytes of a raw buffer; whole blocks are compressed in place.
    ///
    /// - Parameter bufferPointer: The bytes to absorb; may be empty.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        buffer.absorb(bufferPointer)
    }

    /// Returns the digest of everything absorbed so far, without changing the hasher.
    ///
    /// - Returns: The SHA-512 digest (FIPS 180-4 §5.1.2 padding, then §6.4.2).
    public func finalize() -> SHA512Digest {
        SHA512Digest(state: buffer.finalState())
    }
}
