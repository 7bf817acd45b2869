// A strict reader for the few DER structures that public- and private-key documents use
// (ITU-T X.690 §8 and §10).
//
// Strictness, per X.690 §10.1 and §8.3.2:
// - tags are single-byte (low tag number form); the reader only accepts the tag it expects;
// - lengths use the definite form, short form below 128, the minimal number of bytes in the
//   long form (no leading zero byte), at most four length bytes, and never run past the
//   enclosing element (a length is compared with the bytes actually present before use);
// - INTEGER contents are non-empty and minimal (no leading 0x00 unless the next byte has
//   its top bit set, no leading 0xFF); the callers accept only non-negative integers;
// - every constructed element must be consumed exactly (no trailing bytes);
// - nesting is bounded by `maximumDepth`.

/// A cursor over the contents of one DER element (or the whole input), never beyond its end.
package struct DERReader {
    /// Deepest nesting of constructed elements accepted; key documents need at most four.
    package static let maximumDepth = 8

    /// Universal tags used by key documents.
    package enum Tag {
        package static let integer: UInt8 = 0x02
        package static let bitString: UInt8 = 0x03
        package static let octetString: UInt8 = 0x04
        package static let null: UInt8 = 0x05
        package static let objectIdentifier: UInt8 = 0x06
        package static let sequence: UInt8 = 0x30
        /// `[0]`, constructed: an EXPLICIT field (ECPrivateKey's parameters) or an IMPLICIT
        /// SET (PKCS#8 attributes).
        package static let contextConstructed0: UInt8 = 0xa0
        /// `[1]`, constructed: an EXPLICIT field (ECPrivateKey's publicKey).
        package static let contextConstructed1: UInt8 = 0xa1
        /// `[1]`, primitive: an IMPLICIT BIT STRING (OneAsymmetricKey's publicKey).
        package static let contextPrimitive1: UInt8 = 0x81
    }

    package let bytes: [UInt8]
    package private(set) var position: Int
    package let end: Int
    package let depth: Int

    /// A reader over a whole DER document.
    package init(_ bytes: [UInt8]) {
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
    package var isAtEnd: Bool { position >= end }

    /// The tag of the next element, or nil at the end.
    package var nextTag: UInt8? { position < end ? bytes[position] : nil }

    /// Reads one element with the given tag and returns the range of its contents.
    package mutating func readElement(tag: UInt8) throws(DERError) -> Range<Int> {
        guard position < end else { throw DERError(.invalidDER, "unexpected end of DER data") }
        guard bytes[position] == tag else { throw DERError(.invalidDER, "unexpected DER tag") }
        var cursor = position + 1
        guard cursor < end else { throw DERError(.invalidDER, "DER length missing") }
        let first = bytes[cursor]
        cursor += 1
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let lengthByteCount = Int(first & 0x7f)
            guard lengthByteCount != 0 else {
                throw DERError(.invalidDER, "indefinite length is not DER")
            }
            guard lengthByteCount <= 4 else { throw DERError(.invalidDER, "DER length field too long") }
            guard end - cursor >= lengthByteCount else { throw DERError(.invalidDER, "truncated DER length") }
            guard bytes[cursor] != 0 else { throw DERError(.invalidDER, "non-minimal DER length") }
            var value: UInt64 = 0
            for offset in 0..<lengthByteCount {
                value = (value << 8) | UInt64(bytes[cursor + offset])
            }
            cursor += lengthByteCount
            guard value >= 0x80 else { throw DERError(.invalidDER, "non-minimal DER length") }
            guard value <= UInt64(end - cursor) else {
                throw DERError(.invalidDER, "DER length runs past the end of the data")
            }
            length = Int(value)
        }
        guard length <= end - cursor else { throw DERError(.invalidDER, "DER length runs past the end of the data") }
        position = cursor + length
        return cursor..<(cursor + length)
    }

    /// Reads a constructed element with the given tag and returns a reader over its contents.
    package mutating func readConstructed(tag: UInt8 = Tag.sequence) throws(DERError) -> DERReader {
        guard depth < DERReader.maximumDepth else { throw DERError(.invalidDER, "DER nesting too deep") }
        let range = try readElement(tag: tag)
        return DERReader(bytes: bytes, range: range, depth: depth + 1)
    }

    /// Reads a non-negative INTEGER and returns its magnitude, big-endian, without the sign
    /// byte (`[0]` for zero).
    ///
    /// ```
    /// INTEGER: contents are the two's complement value, in the fewest octets (X.690 §8.3.2)
    /// ```
    package mutating func readUnsignedInteger() throws(DERError) -> ArraySlice<UInt8> {
        let range = try readElement(tag: Tag.integer)
        guard !range.isEmpty else { throw DERError(.invalidDER, "empty DER INTEGER") }
        let first = bytes[range.lowerBound]
        guard first & 0x80 == 0 else { throw DERError(.invalidDER, "negative DER INTEGER") }
        if range.count > 1, first == 0 {
            guard bytes[range.lowerBound + 1] & 0x80 != 0 else {
                throw DERError(.invalidDER, "non-minimal DER INTEGER")
            }
            return bytes[(range.lowerBound + 1)..<range.upperBound]
        }
        return bytes[range]
    }

    /// Reads an INTEGER that must equal the small value `expected` (a version field).
    package mutating func readVersion(_ expected: UInt8) throws(DERError) -> Bool {
        let magnitude = try readUnsignedInteger()
        return magnitude.count == 1 && magnitude.first == expected
    }

    /// Reads NULL (contents must be empty).
    package mutating func readNull() throws(DERError) {
        let range = try readElement(tag: Tag.null)
        guard range.isEmpty else { throw DERError(.invalidDER, "DER NULL with contents") }
    }

    /// Reads an OBJECT IDENTIFIER and returns its encoded contents.
    package mutating func readObjectIdentifier() throws(DERError) -> ArraySlice<UInt8> {
        let range = try readElement(tag: Tag.objectIdentifier)
        guard !range.isEmpty else { throw DERError(.invalidDER, "empty DER OBJECT IDENTIFIER") }
        return bytes[range]
    }

    /// Reads a BIT STRING of whole bytes (no unused bits) and returns those bytes.
    ///
    /// - Parameter tag: The tag: `Tag.bitString`, or a context-specific tag for an IMPLICIT
    ///   BIT STRING such as `Tag.contextPrimitive1`.
    /// - Returns: The bytes of the string, without its leading unused-bits count.
    /// - Throws: `DERError` when the next element is not a BIT STRING with `tag`, or has unused bits.
    package mutating func readByteAlignedBitString(tag: UInt8 = Tag.bitString) throws(DERError) -> [UInt8] {
        let range = try readElement(tag: tag)
        guard !range.isEmpty, bytes[range.lowerBound] == 0 else {
            throw DERError(.invalidDER, "DER BIT STRING with unused bits")
        }
        return Array(bytes[(range.lowerBound + 1)..<range.upperBound])
    }

    /// Reads an OCTET STRING and returns its contents.
    package mutating func readOctetString() throws(DERError) -> [UInt8] {
        let range = try readElement(tag: Tag.octetString)
        return Array(bytes[range])
    }

    /// Throws unless every byte has been read.
    package func finish() throws(DERError) {
        guard isAtEnd else { throw DERError(.invalidDER, "trailing bytes after DER element") }
    }
}
