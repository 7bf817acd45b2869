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
        switch value {
        case .null: writeRaw("null")
        case .bool(let flag): writeRaw(flag ? "true" : "false")
        case .number(let number): writeNumber(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a string as a quoted, escaped JSON string.
    ///
    /// - Parameter text: Any string; written as UTF-8 with the escapes described above.
    public mutating func writeString(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if done == nil {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { writeEscaped($0) }
        }
    }

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
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes that are already valid JSON, such as a cached serialized header,
    /// unchanged.
    ///
    /// - Parameter raw: The bytes.
    public mutating func writeRaw<Bytes: Sequence>(_ raw: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: raw)
    }

    /// Escapes one string's UTF-8, copying runs that need no escaping in bulk.
    mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.reserveCapacity(bytes.count + utf8.count + 2)
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(JSONWriter.hexDigit(byte >> 4))
                bytes.append(JSONWriter.hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
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
        var writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }
}
