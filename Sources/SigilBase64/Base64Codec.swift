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
    alphabet.encodeTable.withUnsafeBufferPointer { table in
        guard let base = output.baseAddress else { return }
        let count = input.count
        var inIndex = 0
        var outIndex = 0
        while inIndex + 3 <= count {
            let word = UInt32(input[inIndex]) << 16 | UInt32(input[inIndex + 1]) << 8 | UInt32(input[inIndex + 2])
            base[outIndex] = table[Int(word >> 18)]
            base[outIndex + 1] = table[Int((word >> 12) & 0x3F)]
            base[outIndex + 2] = table[Int((word >> 6) & 0x3F)]
            base[outIndex + 3] = table[Int(word & 0x3F)]
            inIndex += 3
            outIndex += 4
        }
        let pad = UInt8(ascii: "=")
        switch count - inIndex {
        case 1:
            let word = UInt32(input[inIndex]) << 16
            base[outIndex] = table[Int(word >> 18)]
            base[outIndex + 1] = table[Int((word >> 12) & 0x3F)]
            if padding {
                base[outIndex + 2] = pad
                base[outIndex + 3] = pad
            }
        case 2:
            let word = UInt32(input[inIndex]) << 16 | UInt32(input[inIndex + 1]) << 8
            base[outIndex] = table[Int(word >> 18)]
            base[outIndex + 1] = table[Int((word >> 12) & 0x3F)]
            base[outIndex + 2] = table[Int((word >> 6) & 0x3F)]
            if padding { base[outIndex + 3] = pad }
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
@usableFromInline
func decodeBase64(
    _ input: UnsafeRawBufferPointer,
    into output: UnsafeMutableBufferPointer<UInt8>,
    alphabet: Base64Alphabet,
    padding: PaddingRule,
    allowLineBreaks: Bool
) throws(Base64Error) -> Int {
    try alphabet.decodeTable.withUnsafeBufferPointer { (table) throws(Base64Error) -> Int in
        guard let out = output.baseAddress else { return 0 }
        let count = input.count
        var index = 0
        var written = 0

        // Fast path: whole groups of four valid symbols. Any byte outside the alphabet
        // (including '=', CR and LF) has a table entry with the high bits set.
        while index + 4 <= count {
            let a = table[Int(input[index])]
            let b = table[Int(input[index + 1])]
            let c = table[Int(input[index + 2])]
            let d = table[Int(input[index + 3])]
            if (a | b | c | d) & 0xC0 != 0 { break }
            // Keep the last full group for the careful path when it ends the input and
            // padding rules apply to it: a group of four valid symbols is always final-safe.
            let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            out[written] = UInt8(truncatingIfNeeded: word >> 16)
            out[written + 1] = UInt8(truncatingIfNeeded: word >> 8)
            out[written + 2] = UInt8(truncatingIfNeeded: word)
            written += 3
            index += 4
        }

        // Careful path: one symbol at a time, for line breaks, padding, the final group
        // and errors with exact offsets.
        var group: UInt32 = 0
        var symbols = 0
        var padStart = -1
        var pads = 0
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                guard allowLineBreaks else { throw Base64Error(.unexpectedLineBreak, at: index) }
                if byte == UInt8(ascii: "\r") {
                    // A carriage return is only accepted as part of CRLF.
                    guard index + 1 < count, input[index + 1] == UInt8(ascii: "\n") else {
                        throw Base64Error(.invalidCharacter, at: index)
                    }
                }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "=") {
                guard padding == .required else { throw Base64Error(.invalidPadding, at: index) }
                if padStart < 0 { padStart = index }
                pads += 1
                index += 1
                continue
            }
            if padStart >= 0 {
                // Data after padding.
                throw Base64Error(.invalidPadding, at: index)
            }
            let value = table[Int(byte)]
            guard value != Base64Alphabet.invalid else { throw Base64Error(.invalidCharacter, at: index) }
            group = group << 6 | UInt32(value)
            symbols += 1
            if symbols == 4 {
                out[written] = UInt8(truncatingIfNeeded: group >> 16)
                out[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                out[written + 2] = UInt8(truncatingIfNeeded: group)
                written += 3
                group = 0
                symbols = 0
            }
            index += 1
        }

        switch symbols {
        case 0:
            if pads != 0 { throw Base64Error(.invalidPadding, at: padStart) }
        case 1:
            throw Base64Error(.invalidLength, at: count)
        case 2:
            if padding == .required && pads != 2 {
                throw Base64Error(.invalidPadding, at: padStart < 0 ? count : padStart)
            }
            guard group & 0x0F == 0 else {
                throw Base64Error(.nonCanonicalTrailingBits, at: padStart < 0 ? count - 1 : padStart - 1)
            }
            out[written] = UInt8(truncatingIfNeeded: group >> 4)
            written += 1
        default:  // 3
            if padding == .required && pads != 1 {
                throw Base64Error(.invalidPadding, at: padStart < 0 ? count : padStart)
            }
            guard group & 0x03 == 0 else {
                throw Base64Error(.nonCanonicalTrailingBits, at: padStart < 0 ? count - 1 : padStart - 1)
            }
            out[written] = UInt8(truncatingIfNeeded: group >> 10)
            out[written + 1] = UInt8(truncatingIfNeeded: group >> 2)
            written += 2
        }
        return written
    }
}

/// Runs `body` over the bytes of `bytes`, copying only when the sequence is not contiguous.
@inlinable
func withContiguousBytes<Bytes: Sequence, R>(
    _ bytes: Bytes,
    _ body: (UnsafeRawBufferPointer) -> R
) -> R where Bytes.Element == UInt8 {
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
        let tail = UnsafeMutableBufferPointer(rebasing: buffer[start...])
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
        encodeBase64(
            input, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]), alphabet: alphabet, padding: padding)
    }
}
