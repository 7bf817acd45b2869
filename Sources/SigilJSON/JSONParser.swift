/// The strict, iterative RFC 8259 reader behind `JSONValue.parse(_:limits:)`.
///
/// Open arrays and objects live on an explicit stack bounded by ``JSONLimits/maximumDepth``,
/// so nesting never recurses. Every read of `bytes` is preceded by a check against `end`.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let limits: JSONLimits
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer, limits: JSONLimits) {
        // Safe: UInt8 is a trivial type with alignment 1, so any raw bytes may be viewed as it.
        self.bytes = bytes.assumingMemoryBound(to: UInt8.self)
        self.end = bytes.count
        self.limits = limits
    }

    /// The innermost open container, or the document itself at the outside.
    struct Frame {
        enum Kind { case document, array, object }
        var kind: Kind
        /// Where this container's elements (arrays) or members (objects) begin on the
        /// scratch stacks.
        var start: Int
        /// The name of the member whose value is being read.
        var pendingKey = ""
        /// Name to position, built once an object has more than `JSONObject.indexThreshold`
        /// members, so that duplicate detection stays linear for hostile large objects.
        var index: [String: Int]? = nil

        init(_ kind: Kind, start: Int) {
            self.kind = kind
            self.start = start
        }
    }

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        guard end <= limits.maximumBytes else { throw JSONError(.sizeLimitExceeded, at: max(limits.maximumBytes, 0)) }
        // Scratch space for small documents lives on the stack; deeper or wider ones spill
        // to the heap.
        // In bounds: the buffers are used only through `ScratchStack`, which grows before a push passes capacity.
        let result = withUnsafeTemporaryAllocation(of: JSONValue.self, capacity: 16) {
            valueBuffer -> Result<JSONValue, JSONError> in
            withUnsafeTemporaryAllocation(of: JSONObject.Member.self, capacity: 16) {
                memberBuffer -> Result<JSONValue, JSONError> in
                withUnsafeTemporaryAllocation(of: Frame.self, capacity: 8) {
                    frameBuffer -> Result<JSONValue, JSONError> in
                    var values = ScratchStack(valueBuffer)
                    var members = ScratchStack(memberBuffer)
                    var frames = ScratchStack(frameBuffer)
                    return Result { () throws(JSONError) -> JSONValue in
                        try parseValue(values: &values, members: &members, frames: &frames)
                    }
                }
            }
        }
        return try result.get()
    }

    /// The reader's loop: reads a value, then attaches it to the open container, closing
    /// containers as their brackets come, until the document's value is complete.
    mutating func parseValue(
        values: inout ScratchStack<JSONValue>,
        members: inout ScratchStack<JSONObject.Member>,
        frames: inout ScratchStack<Frame>
    ) throws(JSONError) -> JSONValue {
        var current = Frame(.document, start: 0)
        while true {
            skipWhitespace()
            guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
            let value: JSONValue
            // In bounds: `position < end` was just checked.
            switch bytes[position] {
            case UInt8(ascii: "{"):
                guard let empty = try openObject(&current, members: members, frames: &frames) else { continue }
                value = empty
            case UInt8(ascii: "["):
                guard let empty = try openArray(&current, values: values, frames: &frames) else { continue }
                value = empty
            default:
                value = try parseScalar()
            }
            if let document = try attach(value, to: &current, values: &values, members: &members, frames: &frames) {
                try expectEndOfDocument()
                return document
            }
        }
    }

    /// Reads past `{`; an empty object is returned whole, otherwise the object is opened (the
    /// current frame saved) with its first member name read, and the result is `nil`.
    @inline(__always)
    mutating func openObject(
        _ current: inout Frame,
        members: borrowing ScratchStack<JSONObject.Member>,
        frames: inout ScratchStack<Frame>
    ) throws(JSONError) -> JSONValue? {
        guard frames.count < limits.maximumDepth else { throw JSONError(.depthLimitExceeded, at: position) }
        position += 1
        skipWhitespace()
        // In bounds: `position < end` is checked first.
        if position < end && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(JSONObject())
        }
        frames.push(current)
        current = Frame(.object, start: members.count)
        try parseMemberName(into: &current, members: members)
        return nil
    }

    /// Reads past `[`; an empty array is returned whole, otherwise the array is opened (the
    /// current frame saved) and the result is `nil`.
    @inline(__always)
    mutating func openArray(
        _ current: inout Frame,
        values: borrowing ScratchStack<JSONValue>,
        frames: inout ScratchStack<Frame>
    ) throws(JSONError) -> JSONValue? {
        guard frames.count < limits.maximumDepth else { throw JSONError(.depthLimitExceeded, at: position) }
        position += 1
        skipWhitespace()
        // In bounds: `position < end` is checked first.
        if position < end && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        frames.push(current)
        current = Frame(.array, start: values.count)
        return nil
    }

    /// Reads a string, `true`, `false`, `null` or a number at `position` (which is in bounds).
    @inline(__always)
    mutating func parseScalar() throws(JSONError) -> JSONValue {
        // In bounds: the caller has checked `position < end`.
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            throw JSONError(.invalidNumber, at: position)
        default:
            throw unexpectedByte(at: position)
        }
    }

    /// Adds a complete value to the open container, then reads what follows it: after a
    /// `,` the next member name (objects), and the result is `nil` so that the next value is
    /// read; after a closing bracket the container becomes the value, and so on outwards.
    ///
    /// - Returns: The document's value once the outermost value is complete; else `nil`.
    @inline(__always)
    mutating func attach(
        _ value: consuming JSONValue,
        to current: inout Frame,
        values: inout ScratchStack<JSONValue>,
        members: inout ScratchStack<JSONObject.Member>,
        frames: inout ScratchStack<Frame>
    ) throws(JSONError) -> JSONValue? {
        while true {
            let closing: UInt8
            switch current.kind {
            case .document:
                return value
            case .array:
                values.push(value)
                closing = UInt8(ascii: "]")
            case .object:
                members.push(JSONObject.Member(key: current.pendingKey, value: value))
                closing = UInt8(ascii: "}")
            }
            skipWhitespace()
            guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
            // In bounds: `position < end` was just checked.
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") {
                position += 1
                if current.kind == .object {
                    skipWhitespace()
                    try parseMemberName(into: &current, members: members)
                }
                return nil
            }
            guard byte == closing else { throw unexpectedByte(at: position) }
            position += 1
            // In bounds: `current.start` <= its stack's count (set at opening); opening `current` pushed a frame.
            if current.kind == .object {
                value = .object(JSONObject(uniqueMembers: members.popArray(from: current.start), index: current.index))
            } else {
                value = .array(values.popArray(from: current.start))
            }
            current = frames.pop()
        }
    }

    /// After the document's value: only whitespace may follow.
    @inline(__always)
    mutating func expectEndOfDocument() throws(JSONError) {
        skipWhitespace()
        guard position == end else {
            let error = unexpectedByte(at: position)
            throw error.code == .invalidUTF8 ? error : JSONError(.trailingData, at: position)
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            // In bounds: the loop runs while `position < end`.
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The error for a byte that cannot appear here: malformed UTF-8 is reported as such,
    /// anything else as a syntax error.
    func unexpectedByte(at offset: Int) -> JSONError {
        // In bounds: callers pass an offset below `end`.
        if bytes[offset] >= 0x80 {
            if case .failure(let error) = utf8SequenceLength(at: offset) { return error }
        }
        return JSONError(.invalidSyntax, at: offset)
    }

    /// Reads `"name"` and the `:` after it into `frame.pendingKey`, rejecting a name that
    /// an earlier member of the same object has.
    mutating func parseMemberName(
        into frame: inout Frame,
        members: borrowing ScratchStack<JSONObject.Member>
    ) throws(JSONError) {
        guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
        // In bounds: `position < end` was just checked.
        guard bytes[position] == UInt8(ascii: "\"") else { throw unexpectedByte(at: position) }
        let nameOffset = position
        let name = try parseString()
        let memberCount = members.count - frame.start
        if frame.index != nil {
            if frame.index?[name] != nil { throw JSONError(.duplicateKey, at: nameOffset) }
            frame.index?[name] = memberCount
        } else {
            var position = frame.start
            // In bounds: `frame.start <= position < members.count` (the loop condition).
            while position < members.count {
                if members.element(at: position).pointee.key == name { throw JSONError(.duplicateKey, at: nameOffset) }
                position += 1
            }
            if memberCount + 1 > JSONObject.indexThreshold {
                var index = [String: Int](minimumCapacity: 2 * (memberCount + 1))
                // In bounds: `frame.start + offset < frame.start + memberCount == members.count`.
                for offset in 0..<memberCount { index[members.element(at: frame.start + offset).pointee.key] = offset }
                index[name] = memberCount
                frame.index = index
            }
        }
        frame.pendingKey = name
        skipWhitespace()
        guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
        // In bounds: `position < end` was just checked.
        guard bytes[position] == UInt8(ascii: ":") else { throw unexpectedByte(at: position) }
        position += 1
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let text = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount {
            guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
            // In bounds: `position < end` was just checked, and `offset < literal.utf8CodeUnitCount`.
            guard bytes[position] == text[offset] else { throw unexpectedByte(at: position) }
            position += 1
        }
    }

    mutating func parseNumber() throws(JSONError) -> JSONNumber {
        let start = position
        // In bounds: `scanNumber` checks every read against the buffer's count, which is `end`.
        switch JSONNumber.scanNumber(UnsafeRawBufferPointer(bytes), from: start) {
        case .success(let numberEnd): position = numberEnd
        case .failure(let error): throw error
        }
        guard position - start <= limits.maximumNumberBytes else { throw JSONError(.sizeLimitExceeded, at: start) }
        return JSONNumber(
            // In bounds: `scanNumber` returned an end no greater than `end`.
            uncheckedLiteral: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    /// Reads a string token starting at its opening quote.
    ///
    /// Without escapes the string is made from the input bytes directly, once validated.
    ///
    /// - Returns: The unescaped string.
    /// - Throws: ``JSONError`` for an unterminated string, a control character, malformed
    ///   UTF-8, an invalid escape, or a string over the length limit.
    mutating func parseString() throws(JSONError) -> String {
        let quote = position
        let start = position + 1
        var index = skipPlainASCII(from: start)
        while index < end {
            // In bounds: the loop runs while `index < end`.
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard index - start <= limits.maximumStringBytes else { throw JSONError(.sizeLimitExceeded, at: quote) }
                position = index + 1
                // In bounds: `start <= index < end`.
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                position = index
                return try parseEscapedString(quote: quote, start: start)
            }
            if byte < 0x20 { throw JSONError(.controlCharacter, at: index) }
            if byte < 0x80 {
                index += 1
            } else {
                switch utf8SequenceLength(at: index) {
                case .success(let length): index += length
                case .failure(let error): throw error
                }
            }
            index = skipPlainASCII(from: index)
        }
        throw JSONError(.unexpectedEnd, at: end)
    }

    /// The index of the first byte at or after `index` that is not plain string content:
    /// a quote, a backslash, a control character or a non-ASCII byte; `end` if none.
    ///
    /// Examines eight bytes per step (SWAR) where eight remain.
    @inline(__always)
    func skipPlainASCII(from index: Int) -> Int {
        var index = index
        // Unsafe for speed (eight bytes per load); each load below is preceded by `end - index >= 8`.
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while end - index >= 8 {
                // In bounds: eight bytes remain from `index`.
                let word = ByteWord.load(base, at: index)
                let found =
                    ByteWord.bytes(of: word, equalTo: UInt8(ascii: "\""))
                    | ByteWord.bytes(of: word, equalTo: UInt8(ascii: "\\"))
                    | ByteWord.bytes(of: word, below: 0x20) | ByteWord.nonASCIIBytes(of: word)
                if found != 0 { return index + ByteWord.firstIndex(found) }
                index += 8
            }
        }
        while index < end {
            // In bounds: the loop runs while `index < end`.
            let byte = bytes[index]
            if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }

    /// Continues a string token at its first backslash, unescaping into a buffer.
    mutating func parseEscapedString(quote: Int, start: Int) throws(JSONError) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(position - start + 16)
        // In bounds: `start <= position <= end` (the caller stopped at a backslash).
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < end {
            // In bounds: the loop runs while `position < end`.
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard position - start <= limits.maximumStringBytes else {
                    throw JSONError(.sizeLimitExceeded, at: quote)
                }
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &buffer)
            } else if byte < 0x20 {
                throw JSONError(.controlCharacter, at: position)
            } else if byte < 0x80 {
                buffer.append(byte)
                position += 1
            } else {
                switch utf8SequenceLength(at: position) {
                case .success(let length):
                    // In bounds: `utf8SequenceLength` checked that `length` bytes remain.
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
                    position += length
                case .failure(let error): throw error
                }
            }
        }
        throw JSONError(.unexpectedEnd, at: end)
    }

    /// Decodes one escape (RFC 8259 §7) at `position`, which holds a backslash.
    ///
    /// A `\u` escape of a high surrogate must be followed by one of a low surrogate; the pair
    /// becomes one scalar. Lone surrogates are errors.
    mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONError) {
        let escape = position
        position += 1
        guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
        // In bounds: `position < end` was just checked.
        let kind = bytes[position]
        position += 1
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(kind)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad(escape: escape)
            var scalar = unit
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
                // In bounds: `position < end` was just checked.
                guard bytes[position] == UInt8(ascii: "\\") else { throw JSONError(.invalidEscape, at: escape) }
                guard position + 1 < end else { throw JSONError(.unexpectedEnd, at: end) }
                // In bounds: `position + 1 < end` was just checked.
                guard bytes[position + 1] == UInt8(ascii: "u") else { throw JSONError(.invalidEscape, at: escape) }
                position += 2
                let low = try parseHexQuad(escape: escape)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw JSONError(.invalidEscape, at: escape) }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw JSONError(.invalidEscape, at: escape)
            }
            JSONParser.appendUTF8(scalar, to: &buffer)
        default:
            throw JSONError(.invalidEscape, at: escape)
        }
    }

    /// Four hex digits after `\u`; an error reports the escape's backslash.
    mutating func parseHexQuad(escape: Int) throws(JSONError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
            // In bounds: `position < end` was just checked.
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONError(.invalidEscape, at: escape)
            }
            unit = unit << 4 | UInt32(digit)
            position += 1
        }
        return unit
    }

    /// Appends a scalar value (at most U+10FFFF, not a surrogate) as UTF-8.
    static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            buffer.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            buffer.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            buffer.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            buffer.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence (RFC 3629 §4) whose lead byte, at
    /// least 0x80, is at `offset`; rejects stray continuation bytes, overlong forms
    /// (C0, C1, E0 80-9F, F0 80-8F), encoded surrogates (ED A0-BF), values above U+10FFFF
    /// (F4 90-BF, F5-FF) and truncated sequences, reporting the lead byte's offset.
    @inline(__always)
    func utf8SequenceLength(at offset: Int) -> Result<Int, JSONError> {
        // In bounds: callers pass an offset below `end`.
        let lead = bytes[offset]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default: return .failure(JSONError(.invalidUTF8, at: offset))
        }
        guard end - offset >= length else { return .failure(JSONError(.invalidUTF8, at: offset)) }
        // In bounds: `length >= 2` and `end - offset >= length`.
        let second = bytes[offset + 1]
        guard second >= lower && second <= upper else { return .failure(JSONError(.invalidUTF8, at: offset)) }
        var index = offset + 2
        while index < offset + length {
            // In bounds: `end - offset >= length` was checked, and `index < offset + length`.
            guard bytes[index] & 0xC0 == 0x80 else { return .failure(JSONError(.invalidUTF8, at: offset)) }
            index += 1
        }
        return .success(length)
    }
}
