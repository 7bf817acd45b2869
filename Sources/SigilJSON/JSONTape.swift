/// A JSON document read by the strict parser into a flat list of entries that point into its
/// bytes, without building a ``JSONValue`` tree.
///
/// The parse is the same strict RFC 8259 read as `JSONValue.parse(_:limits:)`, with the same
/// errors and limits: duplicate member names (compared after unescaping, by Swift string
/// equality) are rejected, numbers are kept as their literals, strings are validated UTF-8.
/// Nothing is converted until asked for, so a reader that wants a few members pays only for
/// those.
///
/// Entries are in document order. A container's entry is followed by its contents: an
/// array's elements; an object's members as a name entry (a string) and then the value's
/// entries. A container's entry records its element or member count and where its contents
/// end, so a whole subtree is skipped in one step.
package struct JSONTape: Sendable {
    /// What an entry holds.
    package enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string, array, object
    }

    /// One value, or one member name, of the document.
    package struct Entry: Sendable {
        /// What the entry holds.
        package var kind: Kind
        /// For a string: it contains an escape, so its bytes are not its characters.
        package var escaped: Bool
        /// Whether the entry's bytes stand for its value directly.
        ///
        /// For a string: no escape and no byte above 0x7F, so its bytes are its characters
        /// and bytewise equality is string equality. For a number: a plain integer literal
        /// (an optional minus sign and at most 18 digits) whose value is `count`.
        package var plain: Bool
        /// For a string, the first byte after the opening quote; for a number, its first
        /// byte; for a container, its opening bracket.
        package var start: Int
        /// For a string, the closing quote; for a number, one past its last byte; for a
        /// container, the index of the first entry after its contents.
        package var end: Int
        /// For a container, the number of elements or members; for a plain integer, its value.
        package var count: Int
    }

    /// The document's UTF-8 bytes.
    package let bytes: [UInt8]
    /// The entries; the document's value is the first.
    package let entries: [Entry]

    /// Parses `bytes` strictly into a tape.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 document.
    ///   - limits: Depth and size bounds, as for `JSONValue.parse(_:limits:)`.
    /// - Throws: ``JSONError`` with the code and byte offset of the first problem, exactly as
    ///   `JSONValue.parse(_:limits:)` reports it.
    package init(parsing bytes: [UInt8], limits: JSONLimits) throws(JSONError) {
        // withUnsafeBytes rethrows an untyped error; carry the typed one across it.
        // In bounds: the parser checks every read against `raw.count`.
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) -> [Entry] in
                var entries: [Entry] = []
                var parser = JSONParser(raw, limits: limits)
                try parser.parseTape(into: &entries)
                return entries
            }
        }
        self.bytes = bytes
        self.entries = try result.get()
    }

    /// The document `null`.
    package static let null = JSONTape(
        bytes: [], entries: [Entry(kind: .null, escaped: false, plain: false, start: 0, end: 0, count: 0)])

    private init(bytes: [UInt8], entries: [Entry]) {
        self.bytes = bytes
        self.entries = entries
    }

    /// The index of the first entry after the value at `index` and its contents.
    @inline(__always)
    package func after(_ index: Int) -> Int {
        let entry = entries[index]
        return entry.kind == .array || entry.kind == .object ? entry.end : index + 1
    }

    /// The index of the value of the member of the object at `object` whose name equals
    /// `name` (Swift string equality, as for ``JSONObject``), or `nil`.
    ///
    /// - Parameters:
    ///   - name: The member name.
    ///   - object: The index of an object entry.
    /// - Returns: The index of the member's value entry.
    package func member(named name: String, in object: Int) -> Int? {
        member(named: name, in: object, from: object + 1)
    }

    /// The index of the value of the member of the object at `object` whose name equals
    /// `name`, searching from the member whose name is at `start` to the last and then from
    /// the first; `nil` if there is none.
    ///
    /// - Parameters:
    ///   - name: The member name.
    ///   - object: The index of an object entry.
    ///   - start: The index of one of the object's name entries, or the index after its
    ///     contents (the object's `end`); an index outside the object searches from the first
    ///     member. An index inside the object that is not a name entry gives an unspecified
    ///     answer, but never a read outside the tape.
    /// - Returns: The index of the member's value entry.
    package func member(named name: String, in object: Int, from start: Int) -> Int? {
        let count = entries[object].count
        guard count > 0 else { return nil }
        let first = object + 1
        let end = entries[object].end
        let start = start > first && start < end ? start : first
        var name = name
        return name.withUTF8 { name -> Int? in
            var nameIsASCII = true
            for byte in name where byte >= 0x80 { nameIsASCII = false }
            // In bounds: every read below is at an index in `first..<end`, which lies within the tape.
            return entries.withUnsafeBufferPointer { entries -> Int? in
                bytes.withUnsafeBufferPointer { bytes -> Int? in
                    var index = start
                    for _ in 0..<count {
                        if index >= end { index = first }
                        // A name is a string followed by its value before `end`; only a stray `start` fails this.
                        guard index + 1 < end, entries[index].kind == .string else { return nil }
                        // In bounds: `first <= index < end`.
                        let key = entries[index]
                        if key.plain && nameIsASCII {
                            // In bounds: the parser recorded `start...end` within the document.
                            let keyBytes = UnsafeBufferPointer(rebasing: bytes[key.start..<key.end])
                            if ByteWord.equal(UnsafeRawBufferPointer(keyBytes), UnsafeRawBufferPointer(name)) {
                                return index + 1
                            }
                        } else if string(at: index) == String(decoding: name, as: UTF8.self) {
                            return index + 1
                        }
                        // In bounds: `index + 1 < end`, checked above.
                        let value = entries[index + 1]
                        index = value.kind == .array || value.kind == .object ? value.end : index + 2
                    }
                    return nil
                }
            }
        }
    }

    /// The string at `index` (a string entry), unescaped.
    package func string(at index: Int) -> String {
        let entry = entries[index]
        return bytes.withUnsafeBufferPointer { bytes in
            if !entry.escaped {
                // In bounds: the parser recorded `start...end` within the document.
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self)
            }
            // The string was read once already, so this read succeeds.
            // In bounds: `entry.start - 1` is the string's opening quote; the parser checks reads against `end`.
            var parser = JSONParser(UnsafeRawBufferPointer(bytes), limits: JSONLimits(maximumStringBytes: .max))
            parser.position = entry.start - 1
            return (try? parser.parseString()) ?? ""
        }
    }

    /// The strings of the array at `index` when every element is a string, in one
    /// allocation; `nil` for any other value.
    package func strings(inArrayAt index: Int) -> [String]? {
        let count = entries[index].count
        guard entries[index].kind == .array else { return nil }
        return entries.withUnsafeBufferPointer { entries -> [String]? in
            // In bounds: an array's elements follow it on the tape; while they are strings,
            // each is one entry.
            for element in (index + 1)..<(index + 1 + count) where entries[element].kind != .string { return nil }
            var strings: [String] = []
            strings.reserveCapacity(count)
            bytes.withUnsafeBufferPointer { bytes in
                for element in (index + 1)..<(index + 1 + count) {
                    // In bounds: every element was just checked to be a string, one entry each.
                    let entry = entries[element]
                    if entry.escaped {
                        strings.append(string(at: element))
                    } else {
                        // In bounds: the parser recorded `start...end` within the document.
                        strings.append(
                            String(
                                decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self))
                    }
                }
            }
            return strings
        }
    }

    /// Runs `body` over the bytes of the number or unescaped string at `index`.
    package func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = entries[index]
        return bytes.withUnsafeBufferPointer { bytes in
            // In bounds: the parser recorded `start...end` within the document.
            body(UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]))
        }
    }

    /// The number at `index` when it is a plain integer literal: an optional minus sign and at
    /// most 18 digits, whose value an `Int` holds (read once, by the parser); `nil` for any
    /// other literal or entry.
    ///
    /// That is the usual form of an integer (a NumericDate, for instance); readers fall back
    /// to the exact conversion of the whole literal for every other form.
    package func plainInteger(at index: Int) -> Int64? {
        let entry = entries[index]
        return entry.kind == .number && entry.plain ? Int64(entry.count) : nil
    }

    /// The number at `index` (a number entry).
    package func number(at index: Int) -> JSONNumber {
        JSONNumber(uncheckedLiteral: withBytes(at: index) { String(decoding: $0, as: UTF8.self) })
    }

    /// The value at `index` and its contents as a ``JSONValue``.
    package func value(at index: Int) -> JSONValue {
        let entry = entries[index]
        switch entry.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(number(at: index))
        case .string: return .string(string(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(entry.count)
            var element = index + 1
            for _ in 0..<entry.count {
                elements.append(value(at: element))
                element = after(element)
            }
            return .array(elements)
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(entry.count)
            var key = index + 1
            for _ in 0..<entry.count {
                members.append(JSONObject.Member(key: string(at: key), value: value(at: key + 1)))
                key = after(key + 1)
            }
            return .object(
                JSONObject(
                    uniqueMembers: members,
                    index: members.count > JSONObject.indexThreshold ? JSONObject.makeIndex(members) : nil))
        }
    }
}
