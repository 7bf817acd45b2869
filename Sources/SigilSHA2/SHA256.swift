/// SHA-256 (FIPS 180-4 §6.2): 32-byte digests over 64-byte blocks.
///
/// ```swift
/// let digest = SHA256.hash(data: Array("abc".utf8))
/// print(digest)   // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
/// ```
///
/// The hasher is a 120-byte value with no heap storage: the chaining state and the partial
/// block are stored inline, so copies are cheap and independent.
public struct SHA256: HashFunction {
    /// SHA-256 produces a ``SHA256Digest``.
    public typealias Digest = SHA256Digest

    /// 64 bytes.
    public static var blockByteCount: Int { 64 }

    /// 32 bytes.
    public static var byteCount: Int { 32 }

    private var state: SHA256State
    private var pending: InlineArray<64, UInt8>
    private var pendingCount: Int
    private var totalByteCount: UInt64

    /// Creates a hasher in the SHA-256 initial state.
    public init() {
        state = .initial
        pending = InlineArray(repeating: 0)
        pendingCount = 0
        totalByteCount = 0
    }

    /// Absorbs the bytes of a raw buffer; whole blocks are compressed in place.
    ///
    /// - Parameter bufferPointer: The bytes to absorb; may be empty.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        guard let start = bufferPointer.baseAddress, bufferPointer.count > 0 else { return }
        var input = start
        var remaining = bufferPointer.count
        totalByteCount &+= UInt64(truncatingIfNeeded: remaining)

        if pendingCount > 0 {
            let offset = pendingCount
            let taken = Swift.min(64 - offset, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress.unsafelyUnwrapped + offset).copyMemory(from: input, byteCount: taken)
            }
            pendingCount = offset + taken
            input += taken
            remaining -= taken
            guard pendingCount == 64 else { return }
            Self.compress(&state, pending: &pending)
            pendingCount = 0
        }

        let blockCount = remaining / 64
        if blockCount > 0 {
            state.compress(blocks: input, blockCount: blockCount)
            input += blockCount * 64
            remaining -= blockCount * 64
        }

        if remaining > 0 {
            let tail = remaining
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress.unsafelyUnwrapped.copyMemory(from: input, byteCount: tail)
            }
            pendingCount = tail
        }
    }

    /// Returns the digest of everything absorbed so far, without changing the hasher.
    ///
    /// - Returns: The SHA-256 digest (FIPS 180-4 §5.1.1 padding, then §6.2.2).
    public func finalize() -> SHA256Digest {
        var state = self.state
        var block = pending
        let count = pendingCount
        let bitLength = totalByteCount &<< 3
        withUnsafeMutableBytes(of: &block) { raw in
            let bytes = raw.baseAddress.unsafelyUnwrapped
            bytes.storeBytes(of: 0x80, toByteOffset: count, as: UInt8.self)
            if count >= 56 {
                (bytes + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 63 - count)
                state.compress(blocks: bytes, blockCount: 1)
                bytes.initializeMemory(as: UInt8.self, repeating: 0, count: 56)
            } else {
                (bytes + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 55 - count)
            }
            bytes.storeBytes(of: bitLength.bigEndian, toByteOffset: 56, as: UInt64.self)
            state.compress(blocks: bytes, blockCount: 1)
        }
        return SHA256Digest(state: state)
    }

    private static func compress(_ state: inout SHA256State, pending: inout InlineArray<64, UInt8>) {
        withUnsafeBytes(of: &pending) { block in
            state.compress(blocks: block.baseAddress.unsafelyUnwrapped, blockCount: 1)
        }
    }
}
