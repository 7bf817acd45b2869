// The memory side of the C ABI: buffers the host allocates for its arguments, and the
// results this module returns.

/// Allocates `size` bytes of the module's memory for the host to write an argument into.
///
/// - Parameter size: The number of bytes; 0 is allowed (a distinct, freeable pointer).
/// - Returns: The buffer's address, or null when `size` is negative.
@_cdecl("sigil_allocate")
public func sigilAllocate(_ size: Int) -> UnsafeMutableRawPointer? {
    guard size >= 0 else { return nil }
    return UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 8)
}

/// Frees a buffer from `sigil_allocate`, or a result from `sigil_decode`, `sigil_verify`,
/// `sigil_sign` or `sigil_algorithms` (null is ignored).
///
/// - Parameter pointer: The buffer's address.
@_cdecl("sigil_free")
public func sigilFree(_ pointer: UnsafeMutableRawPointer?) {
    pointer?.deallocate()
}

/// A result handed to the host: a 4-byte little-endian length, then that many bytes of
/// UTF-8 JSON, which the host reads and then frees with `sigil_free`.
enum ModuleResult {
    /// Copies `json` into a new result buffer.
    ///
    /// - Parameter json: The result document.
    /// - Returns: The buffer's address.
    static func make(_ json: [UInt8]) -> UnsafeMutableRawPointer {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 4 + json.count, alignment: 8)
        let count = UInt32(truncatingIfNeeded: json.count)
        for index in 0..<4 {
            buffer.storeBytes(
                of: UInt8(truncatingIfNeeded: count >> (8 * UInt32(index))), toByteOffset: index, as: UInt8.self)
        }
        json.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { (buffer + 4).copyMemory(from: base, byteCount: bytes.count) }
        }
        return buffer
    }
}

/// An argument the host wrote into the module's memory.
struct HostBytes {
    /// The argument's bytes (copied, so the host may free its buffer at once).
    let bytes: [UInt8]

    /// Reads `count` bytes at `pointer`; a null pointer or a non-positive count reads as empty.
    init(_ pointer: UnsafeRawPointer?, _ count: Int) {
        guard let pointer, count > 0 else {
            bytes = []
            return
        }
        bytes = Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
