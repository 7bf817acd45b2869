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

    private var state: SHA512State
    private var pending: InlineArray<128, UInt8>
    private var pendingCount: Int
    private var totalByteCount: UInt64

    /// Creates a hasher in the SHA-512 initial state.
    public init() {
        self.init(initialState: .sha512Initial)
    }

    /// Creates a hasher of the SHA-512 family with the given initial hash value (SHA-384 uses
    /// its own, FIPS 180-4 §5.3.4).
    init(initialState: SHA512State) {
        state = initialState
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
            let taken = Swift.min(128 - offset, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress.unsafelyUnwrapped + offset).copyMemory(from: input, byteCount: taken)
            }
            pendingCount = offset + taken
            input += taken
            remaining -= taken
            guard pendingCount == 128 else { return }
            Self.compress(&state, pending: &pending)
            pendingCount = 0
        }

        let blockCount = remaining / 128
        if blockCount > 0 {
            state.compress(blocks: input, blockCount: blockCount)
            input += blockCount * 128
            remaining -= blockCount * 128
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
    /// - Returns: The SHA-512 digest (FIPS 180-4 §5.1.2 padding, then §6.4.2).
    public func finalize() -> SHA512Digest {
        SHA512Digest(state: finalState())
    }

    /// Pads a copy of the state (FIPS 180-4 §5.1.2: a 1 bit, zeros, the 128-bit message
    /// length) and returns the final chaining words.
    func finalState() -> SHA512State {
        var state = self.state
        var block = pending
        let count = pendingCount
        let bitLengthHigh = totalByteCount &>> 61
        let bitLengthLow = totalByteCount &<< 3
        withUnsafeMutableBytes(of: &block) { raw in
            let bytes = raw.baseAddress.unsafelyUnwrapped
            bytes.storeBytes(of: 0x80, toByteOffset: count, as: UInt8.self)
            if count >= 112 {
                (bytes + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 127 - count)
                state.compress(blocks: bytes, blockCount: 1)
                bytes.initializeMemory(as: UInt8.self, repeating: 0, count: 112)
            } else {
                (bytes + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 111 - count)
            }
            bytes.storeBytes(of: bitLengthHigh.bigEndian, toByteOffset: 112, as: UInt64.self)
            bytes.storeBytes(of: bitLengthLow.bigEndian, toByteOffset: 120, as: UInt64.self)
            state.compress(blocks: bytes, blockCount: 1)
        }
        return state
    }

    private static func compress(_ state: inout SHA512State, pending: inout InlineArray<128, UInt8>) {
        withUnsafeBytes(of: &pending) { block in
            state.compress(blocks: block.baseAddress.unsafelyUnwrapped, blockCount: 1)
        }
    }
}
