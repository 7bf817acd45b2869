/// The compact serialization in two passes: the exact output size first, then the bytes
/// written straight into memory of that size, so that a value costs one allocation and no
/// per-byte bookkeeping.
///
/// Both passes take the same branches; an ``OutputCursor`` never writes outside its buffer
/// even if they disagreed.
enum CompactEncoding {
    /// The exact number of bytes ``encode(_:to:)`` writes for `value`.
    static func count(_ value: JSONValue) -> Int {
        switch value {
        case .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .number(let number): return number.literal.utf8.count
        case .string(let text): return count(text)
        case .array(let elements):
            var total = 2 + max(elements.count - 1, 0)
            for element in elements { total += count(element) }
            return total
        case .object(let object):
            var total = 2 + max(object.members.count - 1, 0) + object.members.count
            for member in object.members { total += count(member.key) + count(member.value) }
            return total
        }
    }

    /// The number of bytes the quoted, escaped form of `text` takes.
    static func count(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { escapedCount($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { escapedCount($0) }
    }

    static func escapedCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var total = utf8.count + 2
        var index = firstByteNeedingEscape(utf8, from: 0)
        while index < utf8.count {
            // In bounds: the loop runs while `index < utf8.count`, and `index >= 0`.
            switch utf8[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x08, 0x09, 0x0A, 0x0C, 0x0D: total += 1
            default: total += 5
            }
            index = firstByteNeedingEscape(utf8, from: index + 1)
        }
        return total
    }

    /// Writes the compact form of `value`.
    static func encode(_ value: JSONValue, to cursor: inout OutputCursor) {
        switch value {
        case .null: cursor.put("null")
        case .bool(let flag): cursor.put(flag ? "true" : "false")
        case .number(let number): encodeRaw(number.literal, to: &cursor)
        case .string(let text): encode(text, to: &cursor)
        case .array(let elements):
            cursor.put(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { cursor.put(UInt8(ascii: ",")) }
                first = false
                encode(element, to: &cursor)
            }
            cursor.put(UInt8(ascii: "]"))
        case .object(let object):
            cursor.put(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                if !first { cursor.put(UInt8(ascii: ",")) }
                first = false
                encode(member.key, to: &cursor)
                cursor.put(UInt8(ascii: ":"))
                encode(member.value, to: &cursor)
            }
            cursor.put(UInt8(ascii: "}"))
        }
    }

    static func encodeRaw(_ text: String, to cursor: inout OutputCursor) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { cursor.put($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { cursor.put($0) } }
    }

    /// Writes `text` quoted and escaped.
    static func encode(_ text: String, to cursor: inout OutputCursor) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { encodeEscaped($0, to: &cursor) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { encodeEscaped($0, to: &cursor) } }
    }

    static func encodeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to cursor: inout OutputCursor) {
        cursor.put(UInt8(ascii: "\""))
        var runStart = 0
        var index = firstByteNeedingEscape(utf8, from: 0)
        while index < utf8.count {
            // In bounds: `0 <= runStart <= index < utf8.count` (the loop condition).
            if runStart < index { cursor.put(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            let byte = utf8[index]
            cursor.put(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): cursor.put(byte)
            case 0x08: cursor.put(UInt8(ascii: "b"))
            case 0x09: cursor.put(UInt8(ascii: "t"))
            case 0x0A: cursor.put(UInt8(ascii: "n"))
            case 0x0C: cursor.put(UInt8(ascii: "f"))
            case 0x0D: cursor.put(UInt8(ascii: "r"))
            default:
                cursor.put(UInt8(ascii: "u"))
                cursor.put(UInt8(ascii: "0"))
                cursor.put(UInt8(ascii: "0"))
                cursor.put(hexDigit(byte >> 4))
                cursor.put(hexDigit(byte & 0x0F))
            }
            runStart = index + 1
            index = firstByteNeedingEscape(utf8, from: runStart)
        }
        // In bounds: `runStart < utf8.count` is checked first.
        if runStart < utf8.count { cursor.put(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        cursor.put(UInt8(ascii: "\""))
    }

    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
    }

    /// The index of the first byte at or after `index` that must be escaped: a quote, a
    /// backslash or a control character; `utf8.count` if none.
    ///
    /// Eight bytes per step.
    @inline(__always)
    static func firstByteNeedingEscape(_ utf8: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        let end = utf8.count
        // In bounds: `base` is read only while `end - index >= 8`; callers pass `index >= 0`.
        if let base = UnsafeRawPointer(utf8.baseAddress) {
            while end - index >= 8 {
                // In bounds: eight bytes remain from `index`.
                let word = ByteWord.load(base, at: index)
                let special =
                    ByteWord.bytes(of: word, equalTo: UInt8(ascii: "\""))
                    | ByteWord.bytes(of: word, equalTo: UInt8(ascii: "\\"))
                    | ByteWord.bytes(of: word, below: 0x20)
                if special != 0 { return index + ByteWord.firstIndex(special) }
                index += 8
            }
        }
        while index < end {
            // In bounds: the loop runs while `index < end`, and `end == utf8.count`.
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }
}
