/// Writes compact JSON (RFC 8259) into a byte buffer: no whitespace, members in insertion
/// order, strings escaped minimally.
///
/// Escaping: `"` and `\` as `\"` and `\\`; U+0008, U+0009, U+000A, U+000C, U+000D as
/// `\b`, `\t`, `\n`, `\f`, `\r`; every other control character below U+0020 as `\u00XX`
/// (lowercase hex). Everything else, non-ASCII included, is written as UTF-8 unchanged.
///
/// Hot paths append pieces directly, without building a ``JSONValue``:
///
/// ```swift
/// var writer = JSONWriter()
/// writer.writeRaw("{")
/// writer.writeString("sub")
/// writer.writeRaw(":")
/// writer.writeString(userID)
/// writer.writeRaw("}")
/// ```
///
/// The writer does not check that the pieces form a valid document; ``write(_:)`` of a
/// whole value always does.
public struct JSONWriter: Sendable {
    /// The UTF-8 written so far.
    public var bytes: [UInt8]

    /// A writer with an empty buffer.
    ///
    /// - Parameter capacity: Bytes to reserve up front.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends a value as compact JSON.
    ///
    /// - Parameter value: The value; numbers are written as their exact literal.
    public mutating func write(_ value: JSONValue) {
        // One pass into a guessed amount of space; if the value is larger, its exact size
        // is computed and the second pass fits.
        var space = 256
        var attempt = 0
        while !appendInPlace(space, { cursor in CompactEncoding.encode(value, to: &cursor) }) {
            attempt += 1
            space = attempt == 1 ? CompactEncoding.count(value) : space * 2
        }
    }

    /// Grows ``bytes`` by up to `space` bytes that `body` fills through a cursor, then
    /// trims what it did not use.
    ///
    /// - Returns: `false`, with ``bytes`` unchanged, if `body` needed more space.
    @inline(__always)
    mutating func appendInPlace(_ space: Int, _ body: (inout OutputCursor) -> Void) -> Bool {
        let start = bytes.count
        appendZeros(space)
        // In bounds: `start <= buffer.count`, and `OutputCursor` drops (and records) any write past the end.
        let end: Int? = bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = OutputCursor(buffer, at: start)
            body(&cursor)
            return cursor.overflowed ? nil : cursor.offset
        }
        bytes.removeLast(bytes.count - (end ?? start))
        return end != nil
    }

    /// Appends a string as a quoted, escaped JSON string.
    ///
    /// - Parameter text: Any string; written as UTF-8 with the escapes described above.
    public mutating func writeString(_ text: String) {
        // Plain text (the usual case) is copied between quotes; text with bytes to escape
        // is encoded into exactly the space it needs.
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard CompactEncoding.firstByteNeedingEscape(utf8, from: 0) == utf8.count else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if copied == true { return }
        let fits = appendInPlace(CompactEncoding.count(text)) { cursor in CompactEncoding.encode(text, to: &cursor) }
        assert(fits, "CompactEncoding.count disagrees with encode")
    }

    /// Appends `count` zero bytes, copied from a zero page rather than one at a time.
    mutating func appendZeros(_ count: Int) {
        var remaining = count
        bytes.reserveCapacity(bytes.count + count)
        JSONWriter.zeroPage.withUnsafeBufferPointer { zeros in
            while remaining > 0 {
                let chunk = min(remaining, zeros.count)
                // In bounds: `chunk <= zeros.count`.
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: zeros[..<chunk]))
                remaining -= chunk
            }
        }
    }

    static let zeroPage = [UInt8](repeating: 0, count: 1024)

    /// Appends a number's exact literal.
    ///
    /// - Parameter number: The number.
    public mutating func writeNumber(_ number: JSONNumber) {
        bytes.append(contentsOf: number.literal.utf8)
    }

    /// Appends an integer in decimal, without allocating.
    ///
    /// - Parameter value: The integer.
    public mutating func writeInteger(_ value: Int64) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes >= 20 digits
        var count = 0
        // In bounds: a UInt64 has at most 20 decimal digits, so `1 <= count <= 20 < 24 == buffer.count`.
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude != 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends text that is already valid JSON, such as punctuation, unchanged.
    ///
    /// - Parameter text: The text, for example `"{"` or `","`.
    public mutating func writeRaw(_ text: StaticString) {
        // `withUTF8Buffer` also handles a StaticString holding a single scalar.
        text.withUTF8Buffer { utf8 in
            // In bounds: `utf8[0]` is read only when `utf8.count == 1`.
            if utf8.count == 1 {
                bytes.append(utf8[0])
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Appends bytes that are already valid JSON, such as a cached serialized header,
    /// unchanged.
    ///
    /// - Parameter raw: The bytes.
    public mutating func writeRaw<Bytes: Sequence>(_ raw: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: raw)
    }
}

extension JSONValue {
    /// The value as compact JSON text (RFC 8259): no whitespace, members in insertion
    /// order, numbers as their exact literals, minimal escaping (see ``JSONWriter``).
    ///
    /// - Returns: The JSON text; parsing it gives back an equal value.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The value as compact JSON in UTF-8 bytes, as ``serialized()``.
    ///
    /// - Returns: The UTF-8 bytes.
    public func serializedBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 0)
        writer.write(self)
        return writer.bytes
    }
}
