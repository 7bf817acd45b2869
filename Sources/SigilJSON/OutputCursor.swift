/// A write position in a fixed buffer.
///
/// Writes that would pass the end are dropped and recorded in ``overflowed`` instead of
/// touching memory outside the buffer.
struct OutputCursor {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var offset: Int
    var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        self.buffer = buffer
        self.offset = offset
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        guard offset < buffer.count else {
            overflowed = true
            return
        }
        // In bounds: `offset < buffer.count` was just checked, and `offset >= 0`.
        buffer[offset] = byte
        offset += 1
    }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= buffer.count - offset, let target = buffer.baseAddress, let source = bytes.baseAddress
        else {
            if !bytes.isEmpty { overflowed = true }
            return
        }
        // In bounds: `bytes.count <= buffer.count - offset` was just checked.
        (target + offset).update(from: source, count: bytes.count)
        offset += bytes.count
    }

    @inline(__always)
    mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }
}
