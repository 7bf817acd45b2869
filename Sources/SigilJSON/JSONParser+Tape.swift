// The reader's second output: the same strict grammar, limits and errors as `parseDocument`,
// recorded as a flat `JSONTape` instead of a `JSONValue` tree.

extension JSONParser {
    /// An array or object still open on the tape.
    struct TapeFrame {
        /// Its entry on the tape.
        var entry: Int
        /// Whether it is an object.
        var isObject: Bool
        /// The elements or members completed so far.
        var count = 0
        /// The member names, once an object has more than `JSONObject.indexThreshold`
        /// members, so that duplicate detection stays linear for hostile large objects.
        var names: Set<String>? = nil
        /// A one-word Bloom filter of the member names so far, by length and last byte, while
        /// every name is plain: a new plain name whose bit is clear repeats none of them.
        var nameBits: UInt64 = 0
        /// Whether every member name so far is plain (no escape, ASCII only).
        var allNamesPlain = true
    }

    /// Reads one document onto `entries`.
    ///
    /// - Throws: ``JSONError``, as `parseDocument` would for the same bytes.
    mutating func parseTape(into entries: inout [JSONTape.Entry]) throws(JSONError) {
        guard end <= limits.maximumBytes else { throw JSONError(.sizeLimitExceeded, at: max(limits.maximumBytes, 0)) }
        entries.reserveCapacity(end / 8 + 4)
        // In bounds: the buffer is used only through `ScratchStack`, which grows before a push passes capacity.
        let result = withUnsafeTemporaryAllocation(of: TapeFrame.self, capacity: 8) {
            frameBuffer -> Result<Void, JSONError> in
            var frames = ScratchStack(frameBuffer)
            return Result { () throws(JSONError) -> Void in try parseTapeValues(into: &entries, frames: &frames) }
        }
        try result.get()
    }

    /// The tape reader's loop: reads a value (or opens a container), then completes the
    /// containers that close after it, until the document's value is complete.
    private mutating func parseTapeValues(
        into entries: inout [JSONTape.Entry],
        frames: inout ScratchStack<TapeFrame>
    ) throws(JSONError) {
        while true {
            skipWhitespace()
            guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
            // In bounds: `position < end` was just checked.
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                guard frames.count < limits.maximumDepth else { throw JSONError(.depthLimitExceeded, at: position) }
                let isObject = byte == UInt8(ascii: "{")
                entries.append(
                    JSONTape.Entry(
                        kind: isObject ? .object : .array, escaped: false, plain: false, start: position,
                        end: entries.count + 1, count: 0))
                position += 1
                skipWhitespace()
                // In bounds: `position < end` is checked first.
                if position < end && bytes[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                } else {
                    frames.push(TapeFrame(entry: entries.count - 1, isObject: isObject))
                    // In bounds: the push just made `frames.count >= 1`.
                    if isObject { try parseTapeMemberName(into: &entries, frame: frames.element(at: frames.count - 1)) }
                    continue
                }
            } else {
                try parseTapeScalar(into: &entries)
            }
            // A value is complete: attach it, and close the containers that end here.
            while true {
                guard frames.count > 0 else {
                    try expectEndOfDocument()
                    return
                }
                // In bounds: `frames.count > 0` was just checked; nothing pushes while `frame` is used.
                let frame = frames.element(at: frames.count - 1)
                frame.pointee.count += 1
                skipWhitespace()
                guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
                // In bounds: `position < end` was just checked.
                let next = bytes[position]
                if next == UInt8(ascii: ",") {
                    position += 1
                    if frame.pointee.isObject {
                        skipWhitespace()
                        try parseTapeMemberName(into: &entries, frame: frame)
                    }
                    break
                }
                guard next == (frame.pointee.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw unexpectedByte(at: position)
                }
                position += 1
                // In bounds: `frames.count > 0` was checked at the top of this loop.
                let closed = frames.pop()
                entries[closed.entry].count = closed.count
                entries[closed.entry].end = entries.count
            }
        }
    }

    /// Reads a string, `true`, `false`, `null` or a number at `position` (which is in bounds)
    /// onto the tape.
    @inline(__always)
    private mutating func parseTapeScalar(into entries: inout [JSONTape.Entry]) throws(JSONError) {
        let start = position
        let kind: JSONTape.Kind
        // In bounds: the caller has checked `position < end`.
        switch bytes[position] {
        case UInt8(ascii: "\""):
            entries.append(try scanTapeString())
            return
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            kind = .true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            kind = .false
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // In bounds: `scanNumber` checks every read against the buffer's count, which is `end`.
            switch JSONNumber.scanNumber(UnsafeRawBufferPointer(bytes), from: start) {
            case .success(let numberEnd): position = numberEnd
            case .failure(let error): throw error
            }
            guard position - start <= limits.maximumNumberBytes else {
                throw JSONError(.sizeLimitExceeded, at: start)
            }
            let (plain, value) = plainInteger(from: start)
            entries.append(
                JSONTape.Entry(kind: .number, escaped: false, plain: plain, start: start, end: position, count: value))
            return
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            throw JSONError(.invalidNumber, at: position)
        default:
            throw unexpectedByte(at: position)
        }
        entries.append(JSONTape.Entry(kind: kind, escaped: false, plain: false, start: start, end: position, count: 0))
    }

    /// Whether the number from `start` to `position` (valid grammar) is a plain integer
    /// literal: an optional minus sign and at most 18 digits, whose value an `Int` holds;
    /// and that value.
    @inline(__always)
    private func plainInteger(from start: Int) -> (Bool, Int) {
        var index = start
        // In bounds: a number has at least one byte.
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard position - index <= 18 else { return (false, 0) }
        var magnitude: Int64 = 0
        while index < position {
            // In bounds: `index < position <= end`.
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return (false, 0) }
            magnitude = magnitude &* 10 &+ Int64(digit)
            index += 1
        }
        guard let value = Int(exactly: negative ? 0 &- magnitude : magnitude) else { return (false, 0) }
        return (true, value)
    }

    /// Reads a string token starting at its opening quote, validating it as `parseString`
    /// does, into an entry; only a string with escapes is unescaped (and the result dropped).
    @inline(__always)
    private mutating func scanTapeString() throws(JSONError) -> JSONTape.Entry {
        let quote = position
        let start = position + 1
        var index = skipPlainASCII(from: start)
        var plain = true
        while index < end {
            // In bounds: the loop runs while `index < end`.
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard index - start <= limits.maximumStringBytes else { throw JSONError(.sizeLimitExceeded, at: quote) }
                position = index + 1
                return JSONTape.Entry(kind: .string, escaped: false, plain: plain, start: start, end: index, count: 0)
            }
            if byte == UInt8(ascii: "\\") {
                position = index
                _ = try parseEscapedString(quote: quote, start: start)
                return JSONTape.Entry(
                    kind: .string, escaped: true, plain: false, start: start, end: position - 1, count: 0)
            }
            if byte < 0x20 { throw JSONError(.controlCharacter, at: index) }
            if byte < 0x80 {
                index += 1
            } else {
                plain = false
                switch utf8SequenceLength(at: index) {
                case .success(let length): index += length
                case .failure(let error): throw error
                }
            }
            index = skipPlainASCII(from: index)
        }
        throw JSONError(.unexpectedEnd, at: end)
    }

    /// Reads `"name"` and the `:` after it onto the tape, rejecting a name that an earlier
    /// member of the same object has (compared after unescaping, by string equality).
    private mutating func parseTapeMemberName(
        into entries: inout [JSONTape.Entry],
        frame: UnsafeMutablePointer<TapeFrame>
    ) throws(JSONError) {
        guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
        // In bounds: `position < end` was just checked.
        guard bytes[position] == UInt8(ascii: "\"") else { throw unexpectedByte(at: position) }
        let nameOffset = position
        let name = try scanTapeString()
        // In bounds: `frame` is the top of `frames`, and nothing pushes to `frames` while this runs.
        let memberCount = frame.pointee.count
        if frame.pointee.names != nil {
            let inserted = frame.pointee.names?.insert(tapeString(name)).inserted ?? false
            if !inserted { throw JSONError(.duplicateKey, at: nameOffset) }
        } else {
            var mayRepeat = true
            if name.plain && frame.pointee.allNamesPlain {
                // In bounds: a non-empty name's last byte is before its closing quote.
                let last = name.end > name.start ? Int(bytes[name.end - 1]) : 0
                let bit: UInt64 = 1 << UInt64(truncatingIfNeeded: ((name.end - name.start) &* 7 &+ last) & 63)
                mayRepeat = frame.pointee.nameBits & bit != 0
                frame.pointee.nameBits |= bit
            } else if !name.plain {
                frame.pointee.allNamesPlain = false
            }
            var key = frame.pointee.entry + 1
            for _ in 0..<(mayRepeat ? memberCount : 0) {
                if sameName(entries[key], name) { throw JSONError(.duplicateKey, at: nameOffset) }
                let value = entries[key + 1]
                key = value.kind == .array || value.kind == .object ? value.end : key + 2
            }
            if memberCount + 1 > JSONObject.indexThreshold {
                var names = Set<String>(minimumCapacity: 2 * (memberCount + 1))
                key = frame.pointee.entry + 1
                for _ in 0..<memberCount {
                    names.insert(tapeString(entries[key]))
                    let value = entries[key + 1]
                    key = value.kind == .array || value.kind == .object ? value.end : key + 2
                }
                names.insert(tapeString(name))
                frame.pointee.names = names
            }
        }
        entries.append(name)
        skipWhitespace()
        guard position < end else { throw JSONError(.unexpectedEnd, at: end) }
        // In bounds: `position < end` was just checked.
        guard bytes[position] == UInt8(ascii: ":") else { throw unexpectedByte(at: position) }
        position += 1
    }

    /// Whether two name entries denote the same name: bytewise when both are plain ASCII,
    /// else by string equality after unescaping, as `JSONObject` compares names.
    private func sameName(_ a: JSONTape.Entry, _ b: JSONTape.Entry) -> Bool {
        if a.plain && b.plain {
            // In bounds: both ranges were recorded within the document.
            return ByteWord.equal(
                UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[a.start..<a.end])),
                UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[b.start..<b.end])))
        }
        return tapeString(a) == tapeString(b)
    }

    /// The string an entry that this parser has read denotes.
    private func tapeString(_ entry: JSONTape.Entry) -> String {
        if !entry.escaped {
            // In bounds: the range was recorded within the document.
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self)
        }
        // In bounds: `entry.start - 1` is the string's opening quote, read before within the document.
        var reader = JSONParser(UnsafeRawBufferPointer(bytes), limits: JSONLimits(maximumStringBytes: .max))
        reader.position = entry.start - 1
        // Read successfully once already, so it reads again.
        return (try? reader.parseString()) ?? ""
    }
}
