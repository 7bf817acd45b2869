/// SHA-256 (FIPS 180-4 §6.2): 32-byte digests over 64-byte blocks.
///
/// ```swift
/// let digest = SHA256.hash(data: Array("abc".utf8))
/// print(digest)   // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
/// ```
///
/// The hasher is a 112-byte value with no heap storage: the chaining state and the partial
/// block are stored inline, so copies are cheap and independent.
public struct SHA256: HashFunction {
    /// SHA-256 produces a ``SHA256Digest``.
    public typealias Digest = SHA256Digest

    /// 64 bytes.
    public static var blockByteCount: Int { 64 }

    /// 32 bytes.
    public static var byteCount: Int { 32 }

    private var buffer: BlockBuffer<SHA256State, MessageBlock64>

    /// Creates a hasher in the SHA-256 initial state.
    public init() {
        buffer = BlockBuffer(initialState: .initial)
    }

    /// Absorbs the bytes of a raw buffer; whole blocks are compressed in place.
    ///
    /// - Parameter bufferPointer: The bytes to absorb; may be empty.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        buffer.absorb(bufferPointer)
    }

    /// Returns the digest of everything absorbed so far, without changing the hasher.
    ///
    /// - Returns: The SHA-256 digest (FIPS 180-4 §5.1.1 padding, then §6.2.2).
    public func finalize() -> SHA256Digest {
        SHA256Digest(state: buffer.finalState())
    }
}
