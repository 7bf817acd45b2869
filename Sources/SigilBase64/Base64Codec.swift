// The table-driven core shared by both alphabets. Everything here works on raw buffers:
// no allocation per character, and the public generic entry points are thin shims.

/// One of the two RFC 4648 alphabets, with its lookup tables.
@usableFromInline
struct Base64Alphabet: Sendable {
    /// Index → ASCII symbol, 64 entries.
    @usableFromInline
    let encodeTable: [UInt8]
    /// ASCII byte → 6-bit value, or `invalid`.
    ///
    /// 256 entries.
    @usableFromInline
    let decodeTable: [UInt8]

    @usableFromInline
    static let invalid: UInt8 = 0xFF

    init(_ symbols: StaticString) {
        var encode: [UInt8] = []
        encode.reserveCapacity(64)
        symbols.withUTF8Buffer { buffer in
            for symbol in buffer { encode.append(symbol) }
        }
        var decode = [UInt8](repeating: Base64Alphabet.invalid, count: 256)
        for (value, symbol) in encode.enumerated() {
            decode[Int(symbol)] = UInt8(value)
        }
        self.encodeTable = encode
        self.decodeTable = decode
    }

    /// RFC 4648 §4.
    @usableFromInline
    static let standard = Base64Alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    /// RFC 4648 §5, "URL and filename safe".
    @usableFromInline
    static let url = Base64Alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}

/// How `=` padding is treated when decoding.
@usableFromInline
enum PaddingRule: Sendable {
    case required
    case forbidden
}

/// The number of ASCII bytes that encoding `count` bytes produces.
@usableFromInline
func encodedLength(_ count: Int, padding: Bool) -> Int {
    let full = (count / 3) * 4
    switch count % 3 {
    case 0: return full
    case 1: return full + (padding ? 4 : 2)
    default: return full + (padding ? 4 : 3)
    }
}

/// Encodes `input` into `output`, which has room for exactly
/// `encodedLength(input.count, padding:)` bytes.
@usableFromInline
func encodeBase64(
    _ input: UnsafeRawBufferPointer,
    into output: UnsafeMutableBufferPointer<UInt8>,
    alphabet: Base64Alphabet,
    padding: Bool
) {
    assert(output.count >= encodedLength(input.count, padding: padding), "the output is smaller than encodedLength")
    // The table is read through a buffer pointer for speed: every index is a 6-bit value, and
    // the table has 64 entries.
    alphabet.encodeTable.withUnsafeBufferPointer { table in
        let count = input.count
        var inIndex = 0
        var outIndex = 0
        while inIndex + 3 <= count {
            // In bounds: `inIndex + 3 <= count` is the loop condition, and `outIndex + 4 <=
            // encodedLength(count)` because `outIndex == inIndex / 3 * 4`.
            let word = UInt32(input[inIndex]) << 16 | UInt32(input[inIndex + 1]) << 8 | UInt32(input[inIndex + 2])
            output[outIndex] = table[Int(word >> 18)]
            output[outIndex + 1] = table[Int((word >> 12) & 0x3F)]
            output[outIndex + 2] = table[Int((word >> 6) & 0x3F)]
            output[outIndex + 3] = table[Int(word & 0x3F)]
            inIndex += 3
            outIndex += 4
        }
        // In bounds: one or two input bytes remain, and `encodedLength` counts their two or
        // three symbols (four with padding).
        let pad = UInt8(ascii: "=")
        switch count - inIndex {
        case 1:
            let word = UInt32(input[inIndex]) << 16
            output[outIndex] = table[Int(word >> 18)]
            output[outIndex + 1] = table[Int((word >> 12) & 0x3F)]
            if padding {
                output[outIndex + 2] = pad
                output[outIndex + 3] = pad
            }
        case 2:
            let word = UInt32(input[inIndex]) << 16 | UInt32(input[inIndex + 1]) << 8
            output[outIndex] = table[Int(word >> 18)]
            output[outIndex + 1] = table[Int((word >> 12) & 0x3F)]
            output[outIndex + 2] = table[Int((word >> 6) & 0x3F)]
            if padding { output[outIndex + 3] = pad }
        default:
            break
        }
    }
}

/// An upper bound on the bytes that decoding `count` ASCII bytes produces.
@usableFromInline
func decodedCapacity(_ count: Int) -> Int {
    (count / 4) * 3 + 3
}

/// Decodes `input` into `output` (room for `decodedCapacity(input.count)` bytes) and
/// returns the number of bytes written.
///
/// Strict: every byte must be in `alphabet`, except line feeds (and a carriage return
/// directly before one) when `allowLineBreaks` is set; padding follows `padding`; a
/// final group of one symbol is rejected; the unused low bits of the last symbol must be
/// zero (RFC 4648 §3.5).
///
/// Three passes share one cursor: `decodeWholeGroups` takes groups of four alphabet symbols
/// while it can, `decodeSymbols` reads the rest a symbol at a time, and `finishFinalGroup`
/// checks and writes the last, partial group.
///
/// - Parameters:
///   - input: The encoded bytes.
///   - output: Room for at least `decodedCapacity(input.count)` bytes.
///   - alphabet: The alphabet the symbols come from.
///   - padding: Whether `=` padding is required or forbidden.
///   - allowLineBreaks: Whether LF and CRLF are skipped.
/// - Returns: The number of bytes written to the start of `output`.
/// - Throws: `Base64Error` with the offset of the first byte that breaks a rule.
@usableFromInline
func decodeBase64(
    _ input: UnsafeRawBufferPointer,
    into output: UnsafeMutableBufferPointer<UInt8>,
    alphabet: Base64Alphabet,
    padding: PaddingRule,
    allowLineBreaks: Bool
) throws(Base64Error) -> Int {
    assert(output.count >= decodedCapacity(input.count), "the output is smaller than decodedCapacity")
    // The table is read through a buffer pointer for speed: every index is a byte, and the
    // table has 256 entries.
    return try alphabet.decodeTable.withUnsafeBufferPointer { (table) throws(Base64Error) -> Int in
        var cursor = DecodeCursor()
        decodeWholeGroups(input, table: table, into: output, at: &cursor)
        let last = try decodeSymbols(
            input, table: table, into: output, at: &cursor, padding: padding, allowLineBreaks: allowLineBreaks)
        return try finishFinalGroup(last, inputCount: input.count, into: output, at: cursor.written, padding: padding)
    }
}

/// Where decoding has got to: the next input byte and the next output byte.
///
/// Output stays within `decodedCapacity(input.count)`: three bytes are written only for a
/// group of four symbols, each read from a distinct input byte, so after `k` whole groups
/// `written == 3k <= 3 * (index / 4)`, and the final group adds at most two.
private struct DecodeCursor {
    /// The offset of the next input byte to read.
    var index = 0
    /// The number of bytes written to the output.
    var written = 0
}

/// The unfinished group that the symbol-at-a-time pass leaves for the final checks.
private struct FinalGroup {
    /// The symbols' 6-bit values, the first in the highest bits.
    var bits: UInt32 = 0
    /// How many symbols the group has, 0 to 3.
    var symbols = 0
    /// The offset of the first `=`, or -1 when there is none.
    var padStart = -1
    /// How many `=` were read.
    var pads = 0
}

/// Decodes whole groups of four alphabet symbols, three bytes each, and stops before the
/// first group that holds anything else (`=`, a line break or an invalid byte) or would
/// run past the end.
///
/// Any byte outside the alphabet has a table entry with the high bits set, so one test per
/// group finds it.
///
/// - Parameters:
///   - input: The encoded bytes.
///   - table: The alphabet's decode table, 256 entries.
///   - output: Room for `decodedCapacity(input.count)` bytes.
///   - cursor: Moved past the groups decoded.
@inline(__always)
private func decodeWholeGroups(
    _ input: UnsafeRawBufferPointer,
    table: UnsafeBufferPointer<UInt8>,
    into output: UnsafeMutableBufferPointer<UInt8>,
    at cursor: inout DecodeCursor
) {
    let count = input.count
    var index = cursor.index
    var written = cursor.written
    while index + 4 <= count {
        // In bounds: `index + 4 <= count` is the loop condition; each table index is a byte.
        let a = table[Int(input[index])]
        let b = table[Int(input[index + 1])]
        let c = table[Int(input[index + 2])]
        let d = table[Int(input[index + 3])]
        if (a | b | c | d) & 0xC0 != 0 { break }
        let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
        // In bounds: `written <= 3 * (index / 4)` and `index + 4 <= count`, so
        // `written + 3 <= decodedCapacity(count)`.
        output[written] = UInt8(truncatingIfNeeded: word >> 16)
        output[written + 1] = UInt8(truncatingIfNeeded: word >> 8)
        output[written + 2] = UInt8(truncatingIfNeeded: word)
        written += 3
        index += 4
    }
    cursor.index = index
    cursor.written = written
}

/// Decodes the rest of the input one byte at a time: skips allowed line breaks, records
/// padding, writes each completed group, and returns the unfinished last group.
///
/// This pass sees every byte the whole-group pass left, so it reports errors at their exact
/// offsets.
///
/// - Parameters:
///   - input: The encoded bytes.
///   - table: The alphabet's decode table, 256 entries.
///   - output: Room for `decodedCapacity(input.count)` bytes.
///   - cursor: Where the whole-group pass stopped; moved to the end of the input.
///   - padding: Whether `=` padding is required or forbidden.
///   - allowLineBreaks: Whether LF and CRLF are skipped.
/// - Returns: The symbols and padding after the last whole group.
/// - Throws: `Base64Error`: `.unexpectedLineBreak` for a line break that is not allowed,
///   `.invalidCharacter` for a byte outside the alphabet or a carriage return not followed
///   by a line feed, `.invalidPadding` for `=` where padding is forbidden or a symbol after
///   `=`.
@inline(__always)
private func decodeSymbols(
    _ input: UnsafeRawBufferPointer,
    table: UnsafeBufferPointer<UInt8>,
    into output: UnsafeMutableBufferPointer<UInt8>,
    at cursor: inout DecodeCursor,
    padding: PaddingRule,
    allowLineBreaks: Bool
) throws(Base64Error) -> FinalGroup {
    let count = input.count
    var index = cursor.index
    var written = cursor.written
    var group = FinalGroup()
    while index < count {
        // In bounds: `index < count` is the loop condition.
        let byte = input[index]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            guard allowLineBreaks else { throw Base64Error(.unexpectedLineBreak, at: index) }
            if byte == UInt8(ascii: "\r") {
                // A carriage return is only accepted as part of CRLF.
                // In bounds: `index + 1 < count` is checked first.
                guard index + 1 < count, input[index + 1] == UInt8(ascii: "\n") else {
                    throw Base64Error(.invalidCharacter, at: index)
                }
            }
            index += 1
            continue
        }
        if byte == UInt8(ascii: "=") {
            guard padding == .required else { throw Base64Error(.invalidPadding, at: index) }
            if group.padStart < 0 { group.padStart = index }
            group.pads += 1
            index += 1
            continue
        }
        if group.padStart >= 0 {
            // Data after padding.
            throw Base64Error(.invalidPadding, at: index)
        }
        // In bounds: the table has an entry for every byte.
        let value = table[Int(byte)]
        guard value != Base64Alphabet.invalid else { throw Base64Error(.invalidCharacter, at: index) }
        group.bits = group.bits << 6 | UInt32(value)
        group.symbols += 1
        if group.symbols == 4 {
            // In bounds: this group's four symbols came from four distinct input bytes, so
            // `written + 3 <= decodedCapacity(count)` (see `DecodeCursor`).
            output[written] = UInt8(truncatingIfNeeded: group.bits >> 16)
            output[written + 1] = UInt8(truncatingIfNeeded: group.bits >> 8)
            output[written + 2] = UInt8(truncatingIfNeeded: group.bits)
            written += 3
            group.bits = 0
            group.symbols = 0
        }
        index += 1
    }
    cursor.index = index
    cursor.written = written
    return group
}

/// Checks the last, partial group and writes its bytes: one byte for two symbols, two for
/// three, none for a whole group.
///
/// - Parameters:
///   - group: What the symbol-at-a-time pass left.
///   - count: The input's length, the offset reported for missing symbols or padding.
///   - output: Room for `decodedCapacity(count)` bytes.
///   - written: The bytes already written.
///   - padding: Whether `=` padding is required or forbidden.
/// - Returns: The total number of bytes written.
/// - Throws: `Base64Error`: `.invalidLength` for a group of one symbol, `.invalidPadding`
///   for padding after a whole group or the wrong amount of it, `.nonCanonicalTrailingBits`
///   when the last symbol's unused low bits are not zero (RFC 4648 §3.5).
@inline(__always)
private func finishFinalGroup(
    _ group: FinalGroup,
    inputCount count: Int,
    into output: UnsafeMutableBufferPointer<UInt8>,
    at written: Int,
    padding: PaddingRule
) throws(Base64Error) -> Int {
    // Where a missing symbol or `=` was due, and where the last symbol stands.
    let padOffset = group.padStart < 0 ? count : group.padStart
    switch group.symbols {
    case 0:
        if group.pads != 0 { throw Base64Error(.invalidPadding, at: group.padStart) }
        return written
    case 1:
        throw Base64Error(.invalidLength, at: count)
    case 2:
        if padding == .required && group.pads != 2 { throw Base64Error(.invalidPadding, at: padOffset) }
        guard group.bits & 0x0F == 0 else { throw Base64Error(.nonCanonicalTrailingBits, at: padOffset - 1) }
        // In bounds: two symbols after `written / 3` whole groups; the capacity leaves room.
        output[written] = UInt8(truncatingIfNeeded: group.bits >> 4)
        return written + 1
    default:  // 3
        if padding == .required && group.pads != 1 { throw Base64Error(.invalidPadding, at: padOffset) }
        guard group.bits & 0x03 == 0 else { throw Base64Error(.nonCanonicalTrailingBits, at: padOffset - 1) }
        // In bounds: three symbols after `written / 3` whole groups; the capacity leaves room.
        output[written] = UInt8(truncatingIfNeeded: group.bits >> 10)
        output[written + 1] = UInt8(truncatingIfNeeded: group.bits >> 2)
        return written + 2
    }
}

/// Runs `body` over the bytes of `bytes`, copying only when the sequence is not contiguous.
@inlinable
func withContiguousBytes<Bytes: Sequence, R>(
    _ bytes: Bytes,
    _ body: (UnsafeRawBufferPointer) -> R
) -> R where Bytes.Element == UInt8 {
    // The buffers are the sequence's own storage or a copy's, for exactly their lengths; the
    // callees bound every access by `count`.
    if let result = bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
        return result
    }
    return Array(bytes).withUnsafeBytes(body)
}

/// Like `withContiguousBytes`, for a body that throws a `Base64Error`.
@inlinable
func withContiguousBytes<Bytes: Sequence, R>(
    _ bytes: Bytes,
    _ body: (UnsafeRawBufferPointer) throws(Base64Error) -> R
) throws(Base64Error) -> R where Bytes.Element == UInt8 {
    try withContiguousBytes(bytes) { buffer in Result { () throws(Base64Error) -> R in try body(buffer) } }.get()
}

@usableFromInline
func makeString(encoding input: UnsafeRawBufferPointer, alphabet: Base64Alphabet, padding: Bool) -> String {
    let length = encodedLength(input.count, padding: padding)
    // In bounds: the encoder writes exactly `length` bytes, all ASCII, which the string keeps.
    return String(unsafeUninitializedCapacity: length) { buffer in
        encodeBase64(input, into: buffer, alphabet: alphabet, padding: padding)
        return length
    }
}

@usableFromInline
func makeArray(
    decoding input: UnsafeRawBufferPointer,
    alphabet: Base64Alphabet,
    padding: PaddingRule,
    allowLineBreaks: Bool
) throws(Base64Error) -> [UInt8] {
    var failure: Base64Error?
    // In bounds: the decoder writes at most `decodedCapacity(input.count)` bytes and returns
    // how many, which is what the array keeps (none on error).
    let bytes = [UInt8](unsafeUninitializedCapacity: decodedCapacity(input.count)) { buffer, initialized in
        do throws(Base64Error) {
            initialized = try decodeBase64(
                input, into: buffer, alphabet: alphabet, padding: padding, allowLineBreaks: allowLineBreaks)
        } catch {
            failure = error
            initialized = 0
        }
    }
    if let failure { throw failure }
    return bytes
}

@usableFromInline
func appendDecoded(
    _ input: UnsafeRawBufferPointer,
    to output: inout [UInt8],
    alphabet: Base64Alphabet,
    padding: PaddingRule,
    allowLineBreaks: Bool
) throws(Base64Error) {
    let start = output.count
    let capacity = decodedCapacity(input.count)
    output.append(contentsOf: repeatElement(0, count: capacity))
    var failure: Base64Error?
    let written = output.withUnsafeMutableBufferPointer { buffer -> Int in
        // `extracting` checks `start...` against the buffer; the tail holds `capacity` bytes.
        let tail = buffer.extracting(start...)
        do throws(Base64Error) {
            return try decodeBase64(
                input, into: tail, alphabet: alphabet, padding: padding, allowLineBreaks: allowLineBreaks)
        } catch {
            failure = error
            return 0
        }
    }
    output.removeLast(capacity - written)
    if let failure { throw failure }
}

@usableFromInline
func appendEncoded(_ input: UnsafeRawBufferPointer, to output: inout [UInt8], alphabet: Base64Alphabet, padding: Bool) {
    let start = output.count
    let length = encodedLength(input.count, padding: padding)
    output.append(contentsOf: repeatElement(0, count: length))
    output.withUnsafeMutableBufferPointer { buffer in
        // `extracting` checks `start...` against the buffer; the tail holds `length` bytes.
        encodeBase64(input, into: buffer.extracting(start...), alphabet: alphabet, padding: padding)
    }
}
