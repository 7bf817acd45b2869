import SigilBase64

// A strict DER reader and a minimal writer for the few structures EC keys and ECDSA
// signatures use (ITU-T X.690 §8 and §10), and PEM framing (RFC 7468 §2). Kept in one file.
//
// Strictness, per X.690 §10.1 and §8.3.2:
// - tags are single-byte (low tag number form); the reader only accepts the tag it expects;
// - lengths use the definite form, short form below 128, the minimal number of bytes in the
//   long form, at most four length bytes, and never run past the enclosing element;
// - INTEGER contents are non-empty and minimal; the callers accept only non-negative ones;
// - every constructed element must be consumed exactly (no trailing bytes);
// - nesting is bounded by `maximumDepth`.

/// A cursor over the contents of one DER element (or the whole input), never beyond its end.
struct ECDERReader {
    /// Deepest nesting of constructed elements accepted; EC keys need at most four.
    static let maximumDepth = 8

    /// Universal and context-specific tags used by EC keys and signatures.
    enum Tag {
        static let integer: UInt8 = 0x02
        static let bitString: UInt8 = 0x03
        static let octetString: UInt8 = 0x04
        static let null: UInt8 = 0x05
        static let objectIdentifier: UInt8 = 0x06
        static let sequence: UInt8 = 0x30
        /// [0] EXPLICIT (constructed), e.g. ECPrivateKey's parameters.
        static let contextZero: UInt8 = 0xa0
        /// [1] EXPLICIT (constructed), e.g. ECPrivateKey's publicKey.
        static let contextOne: UInt8 = 0xa1
    }

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    let depth: Int

    /// A reader over a whole DER document.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        position = 0
        end = bytes.count
        depth = 0
    }

    private init(bytes: [UInt8], range: Range<Int>, depth: Int) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
        self.depth = depth
    }

    /// Whether every byte of this element has been read.
    var isAtEnd: Bool { position >= end }

    /// The tag of the next element, or nil at the end.
    var nextTag: UInt8? { position < end ? bytes[position] : nil }

    /// Reads one element with the given tag and returns the range of its contents.
    mutating func readElement(tag: UInt8) throws(ECError) -> Range<Int> {
        guard position < end else { throw ECError(.invalidDER, "unexpected end of DER data") }
        guard bytes[position] == tag else { throw ECError(.invalidDER, "unexpected DER tag") }
        var cursor = position + 1
        guard cursor < end else { throw ECError(.invalidDER, "DER length missing") }
        let first = bytes[cursor]
        cursor += 1
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let lengthByteCount = Int(first & 0x7f)
            guard lengthByteCount != 0 else { throw ECError(.invalidDER, "indefinite length is not DER") }
            guard lengthByteCount <= 4 else { throw ECError(.invalidDER, "DER length field too long") }
            guard end - cursor >= lengthByteCount else { throw ECError(.invalidDER, "truncated DER length") }
            guard bytes[cursor] != 0 else { throw ECError(.invalidDER, "non-minimal DER length") }
            var value: UInt64 = 0
            for offset in 0..<lengthByteCount {
                value = (value << 8) | UInt64(bytes[cursor + offset])
            }
            cursor += lengthByteCount
            guard value >= 0x80 else { throw ECError(.invalidDER, "non-minimal DER length") }
            guard value <= UInt64(end - cursor) else {
                throw ECError(.invalidDER, "DER length runs past the end of the data")
            }
            length = Int(value)
        }
        guard length <= end - cursor else { throw ECError(.invalidDER, "DER length runs past the end of the data") }
        position = cursor + length
        return cursor..<(cursor + length)
    }

    /// Reads a constructed element with the given tag and returns a reader over its contents.
    mutating func readConstructed(tag: UInt8 = Tag.sequence) throws(ECError) -> ECDERReader {
        guard depth < ECDERReader.maximumDepth else { throw ECError(.invalidDER, "DER nesting too deep") }
        let range = try readElement(tag: tag)
        return ECDERReader(bytes: bytes, range: range, depth: depth + 1)
    }

    /// Reads a non-negative INTEGER and returns its magnitude, big-endian, without the sign
    /// byte (`[0]` for zero).
    mutating func readUnsignedInteger() throws(ECError) -> ArraySlice<UInt8> {
        let range = try readElement(tag: Tag.integer)
        guard !range.isEmpty else { throw ECError(.invalidDER, "empty DER INTEGER") }
        let first = bytes[range.lowerBound]
        guard first & 0x80 == 0 else { throw ECError(.invalidDER, "negative DER INTEGER") }
        if range.count > 1, first == 0 {
            guard bytes[range.lowerBound + 1] & 0x80 != 0 else {
                throw ECError(.invalidDER, "non-minimal DER INTEGER")
            }
            return bytes[(range.lowerBound + 1)..<range.upperBound]
        }
        return bytes[range]
    }

    /// Reads an INTEGER that must equal the small value `expected` (a version field).
    mutating func readVersion(_ expected: UInt8) throws(ECError) -> Bool {
        let magnitude = try readUnsignedInteger()
        return magnitude.count == 1 && magnitude.first == expected
    }

    /// Reads an OBJECT IDENTIFIER and returns its encoded contents.
    mutating func readObjectIdentifier() throws(ECError) -> ArraySlice<UInt8> {
        let range = try readElement(tag: Tag.objectIdentifier)
        guard !range.isEmpty else { throw ECError(.invalidDER, "empty DER OBJECT IDENTIFIER") }
        return bytes[range]
    }

    /// Reads a BIT STRING of whole bytes (no unused bits) and returns those bytes.
    mutating func readByteAlignedBitString() throws(ECError) -> ArraySlice<UInt8> {
        let range = try readElement(tag: Tag.bitString)
        guard !range.isEmpty, bytes[range.lowerBound] == 0 else {
            throw ECError(.invalidDER, "DER BIT STRING with unused bits")
        }
        return bytes[(range.lowerBound + 1)..<range.upperBound]
    }

    /// Reads an OCTET STRING and returns its contents.
    mutating func readOctetString() throws(ECError) -> ArraySlice<UInt8> {
        let range = try readElement(tag: Tag.octetString)
        return bytes[range]
    }

    /// Throws unless every byte has been read.
    func finish() throws(ECError) {
        guard isAtEnd else { throw ECError(.invalidDER, "trailing bytes after DER element") }
    }
}

/// Builds DER elements (definite, minimal lengths).
enum ECDERWriter {
    /// tag ‖ length ‖ contents.
    static func element(_ tag: UInt8, _ contents: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [tag]
        let length = contents.count
        if length < 0x80 {
            out.append(UInt8(length))
        } else {
            var lengthBytes: [UInt8] = []
            var remaining = length
            while remaining > 0 {
                lengthBytes.insert(UInt8(truncatingIfNeeded: remaining), at: 0)
                remaining >>= 8
            }
            out.append(0x80 | UInt8(lengthBytes.count))
            out += lengthBytes
        }
        return out + contents
    }

    /// A non-negative INTEGER from big-endian magnitude bytes (leading zeros are dropped and
    /// a zero byte added when the top bit is set).
    static func unsignedInteger<Bytes: Collection>(_ magnitude: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var contents = Array(magnitude.drop { $0 == 0 })
        if contents.isEmpty || contents[0] & 0x80 != 0 { contents.insert(0, at: 0) }
        return element(ECDERReader.Tag.integer, contents)
    }

    /// SEQUENCE { parts… }.
    static func sequence(_ parts: [UInt8]...) -> [UInt8] {
        var contents: [UInt8] = []
        for part in parts { contents += part }
        return element(ECDERReader.Tag.sequence, contents)
    }
}

/// One PEM block (RFC 7468 §2): `-----BEGIN label-----`, a base64 body that may be broken
/// into lines (LF or CRLF), and `-----END label-----` with the same label. Only whitespace
/// may surround the block; encapsulated headers (`Proc-Type:`) are rejected.
enum ECPEM {
    private static let begin = Array("-----BEGIN ".utf8)
    private static let end = Array("-----END ".utf8)
    private static let dashes = Array("-----".utf8)

    /// Parses `text` (one block) and requires one of `labels`; returns the body and the
    /// index of the label found.
    static func body(of text: String, labels: [String]) throws(ECError) -> (der: [UInt8], labelIndex: Int) {
        let bytes = Array(text.utf8)
        var index = skipWhitespace(bytes, from: 0)
        guard hasPrefix(bytes, begin, at: index) else { throw ECError(.invalidPEM, "no PEM BEGIN line") }
        index += begin.count
        let labelStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "-") {
            guard bytes[index] >= 0x20, bytes[index] < 0x7f else { throw ECError(.invalidPEM, "invalid PEM label") }
            index += 1
        }
        let label = Array(bytes[labelStart..<index])
        guard !label.isEmpty, hasPrefix(bytes, dashes, at: index) else {
            throw ECError(.invalidPEM, "malformed PEM BEGIN line")
        }
        index += dashes.count
        if index < bytes.count, bytes[index] == UInt8(ascii: "\r") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n") else {
            throw ECError(.invalidPEM, "no line break after the PEM BEGIN line")
        }
        index += 1
        let bodyStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "-") { index += 1 }
        let bodyEnd = index
        guard hasPrefix(bytes, end, at: index) else { throw ECError(.invalidPEM, "no PEM END line") }
        index += end.count
        guard hasPrefix(bytes, label, at: index) else {
            throw ECError(.invalidPEM, "PEM END label differs from the BEGIN label")
        }
        index += label.count
        guard hasPrefix(bytes, dashes, at: index) else { throw ECError(.invalidPEM, "malformed PEM END line") }
        index += dashes.count
        guard skipWhitespace(bytes, from: index) == bytes.count else {
            throw ECError(.invalidPEM, "data after the PEM END line")
        }
        let der: [UInt8]
        do {
            der = try Base64.decode(bytes[bodyStart..<bodyEnd], allowLineBreaks: true)
        } catch {
            throw ECError(.invalidPEM, "PEM body is not valid base64")
        }
        for (labelIndex, expected) in labels.enumerated() where label.elementsEqual(expected.utf8) {
            return (der, labelIndex)
        }
        throw ECError(.invalidPEM, "unexpected PEM label")
    }

    /// Encodes DER bytes as PEM with 64-character lines and a final line break.
    static func encode(_ der: [UInt8], label: String) -> String {
        let body = Array(Base64.encode(der).utf8)
        var text = Array("-----BEGIN ".utf8) + Array(label.utf8) + Array("-----\n".utf8)
        var start = 0
        while start < body.count {
            let stop = min(start + 64, body.count)
            text += body[start..<stop]
            text.append(UInt8(ascii: "\n"))
            start = stop
        }
        text += Array("-----END ".utf8) + Array(label.utf8) + Array("-----\n".utf8)
        return String(decoding: text, as: UTF8.self)
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                || bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\n")
        {
            index += 1
        }
        return index
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at index: Int) -> Bool {
        guard index <= bytes.count, bytes.count - index >= prefix.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}
