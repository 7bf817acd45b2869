/// The chaining state of a SHA-2 compression function, which absorbs whole message blocks.
protocol CompressionState: Sendable {
    /// Absorbs `blockCount` consecutive blocks that start at `blocks`.
    ///
    /// - Parameters:
    ///   - blocks: The first byte of the first block; needs no alignment.
    ///   - blockCount: How many whole blocks to read; all of their bytes must be readable.
    mutating func compress(blocks: UnsafeRawPointer, blockCount: Int)
}

/// Inline storage for one message block: a fixed number of bytes held in the value itself, with
/// no heap allocation, that the buffer reads and writes through `withUnsafeMutableBytes(of:)`.
///
/// The storage is a tuple of `UInt64` words, whose layout is contiguous and which every Swift
/// runtime supports (a fixed-size array type would need the value-generics runtime of the
/// OS 26 releases).
protocol MessageBlockStorage: Sendable {
    /// An all-zero block.
    init()
}

/// One 512-bit message block (SHA-256, FIPS 180-4 §5.2.1).
struct MessageBlock64: MessageBlockStorage {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    init() { words = (0, 0, 0, 0, 0, 0, 0, 0) }
}

/// One 1024-bit message block (SHA-384, SHA-512, FIPS 180-4 §5.2.2).
struct MessageBlock128: MessageBlockStorage {
    private var low: MessageBlock64
    private var high: MessageBlock64

    init() {
        low = MessageBlock64()
        high = MessageBlock64()
    }
}

/// The message buffering and padding shared by the SHA-2 hashers (FIPS 180-4 §5.1): whole
/// blocks are compressed straight from the caller's buffer, a partial block waits inline.
///
/// The block size is the size of `Block`: 64 bytes for SHA-256 and 128 for SHA-384/512; the
/// message length field at the end of the last block is `blockByteCount / 8` bytes (64 or
/// 128 bits, §5.1.1, §5.1.2).
///
/// `absorb` and `finalState` are inlined into each hasher's public `update` and `finalize`,
/// so those compile to the same code as when each hasher had its own copy (called out of
/// line, the short-message benchmark rows moved by up to 14%).
struct BlockBuffer<State: CompressionState, Block: MessageBlockStorage>: Sendable {
    private var state: State
    private var pending: Block
    private var pendingCount: Int
    private var totalByteCount: UInt64

    /// Creates an empty buffer over the initial hash value of a SHA-2 function.
    init(initialState: State) {
        state = initialState
        pending = Block()
        pendingCount = 0
        totalByteCount = 0
    }

    /// The size in bytes of a message block.
    @inline(__always)
    private var blockByteCount: Int { MemoryLayout<Block>.size }

    /// Absorbs the bytes of a raw buffer; whole blocks are compressed in place.
    ///
    /// - Parameter bufferPointer: The bytes to absorb; may be empty.
    @inline(__always)
    mutating func absorb(_ bufferPointer: UnsafeRawBufferPointer) {
        guard let start = bufferPointer.baseAddress, bufferPointer.count > 0 else { return }
        var input = start
        var remaining = bufferPointer.count
        totalByteCount &+= UInt64(truncatingIfNeeded: remaining)

        if pendingCount > 0 {
            let offset = pendingCount
            let taken = Swift.min(blockByteCount - offset, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress.unsafelyUnwrapped + offset).copyMemory(from: input, byteCount: taken)
            }
            pendingCount = offset + taken
            input += taken
            remaining -= taken
            guard pendingCount == blockByteCount else { return }
            Self.compress(&state, pending: &pending)
            pendingCount = 0
        }

        let blockCount = remaining / blockByteCount
        if blockCount > 0 {
            state.compress(blocks: input, blockCount: blockCount)
            input += blockCount * blockByteCount
            remaining -= blockCount * blockByteCount
        }

        if remaining > 0 {
            let tail = remaining
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress.unsafelyUnwrapped.copyMemory(from: input, byteCount: tail)
            }
            pendingCount = tail
        }
    }

    /// Pads a copy of the state (FIPS 180-4 §5.1.1, §5.1.2: a 1 bit, zeros, the message length
    /// in bits, big-endian) and returns the final chaining words; the buffer is unchanged.
    ///
    /// - Returns: The state after the last, padded block.
    @inline(__always)
    func finalState() -> State {
        var state = self.state
        var block = pending
        let count = pendingCount
        let lengthOffset = blockByteCount - blockByteCount / 8
        let bitLengthHigh = totalByteCount &>> 61
        let bitLengthLow = totalByteCount &<< 3
        withUnsafeMutableBytes(of: &block) { raw in
            let bytes = raw.baseAddress.unsafelyUnwrapped
            bytes.storeBytes(of: 0x80, toByteOffset: count, as: UInt8.self)
            if count >= lengthOffset {
                (bytes + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: blockByteCount - 1 - count)
                state.compress(blocks: bytes, blockCount: 1)
                bytes.initializeMemory(as: UInt8.self, repeating: 0, count: lengthOffset)
            } else {
                (bytes + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: lengthOffset - 1 - count)
            }
            // A 128-bit length field (SHA-384/512) holds the byte count's top three bits first.
            if lengthOffset < blockByteCount - 8 {
                bytes.storeBytes(of: bitLengthHigh.bigEndian, toByteOffset: blockByteCount - 16, as: UInt64.self)
            }
            bytes.storeBytes(of: bitLengthLow.bigEndian, toByteOffset: blockByteCount - 8, as: UInt64.self)
            state.compress(blocks: bytes, blockCount: 1)
        }
        return state
    }

    private static func compress(_ state: inout State, pending: inout Block) {
        withUnsafeBytes(of: &pending) { block in
            state.compress(blocks: block.baseAddress.unsafelyUnwrapped, blockCount: 1)
        }
    }
}
