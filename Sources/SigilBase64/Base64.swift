/// Standard base64 (RFC 4648 §4), padded by default: the body of PEM documents.
///
/// Decoding is strict: bytes outside the alphabet, misplaced or missing padding, a final
/// group of one character and non-zero trailing bits are all rejected. Line breaks (LF or
/// CRLF) are accepted only when asked for, as PEM bodies need (RFC 7468 §2); other
/// whitespace is never accepted.
///
/// ```swift
/// let text = Base64.encode([0xfb, 0xff])                        // "+/8="
/// let der = try Base64.decode(pemBody, allowLineBreaks: true)
/// let phc = Base64.encode(salt, padding: false)                  // PHC "B64"
/// ```
public enum Base64 {
    /// Whether decoding requires `=` padding or rejects it.
    public enum Padding: Sendable {
        /// The input must be padded to a multiple of four characters.
        case required
        /// The input must not contain `=` (the unpadded form used by PHC strings).
        case forbidden
    }

    /// Encodes bytes as standard base64.
    ///
    /// - Parameters:
    ///   - bytes: Any byte sequence; contiguous ones are read in place.
    ///   - padding: Whether to pad the output to a multiple of four characters.
    /// - Returns: The ASCII encoding.
    @inlinable
    public static func encode<Bytes: Sequence>(_ bytes: Bytes, padding: Bool = true) -> String
    where Bytes.Element == UInt8 {
        withContiguousBytes(bytes) { makeString(encoding: $0, alphabet: .standard, padding: padding) }
    }

    /// Decodes standard base64 text.
    ///
    /// - Parameters:
    ///   - text: The encoded text.
    ///   - padding: Whether `=` padding is required (the default) or forbidden.
    ///   - allowLineBreaks: Accept LF and CRLF anywhere in the input, as in PEM bodies.
    /// - Returns: The decoded bytes.
    /// - Throws: `Base64Error` if `text` is not a canonical encoding under these rules.
    @inlinable
    public static func decode(
        _ text: String,
        padding: Padding = .required,
        allowLineBreaks: Bool = false
    ) throws(Base64Error) -> [UInt8] {
        try decode(text.utf8, padding: padding, allowLineBreaks: allowLineBreaks)
    }

    /// Decodes standard base64 from ASCII bytes.
    ///
    /// - Parameters:
    ///   - ascii: The encoded bytes; contiguous collections are read in place.
    ///   - padding: Whether `=` padding is required (the default) or forbidden.
    ///   - allowLineBreaks: Accept LF and CRLF anywhere in the input, as in PEM bodies.
    /// - Returns: The decoded bytes.
    /// - Throws: `Base64Error` if the input is not a canonical encoding under these rules.
    @inlinable
    public static func decode<Bytes: Sequence>(
        _ ascii: Bytes,
        padding: Padding = .required,
        allowLineBreaks: Bool = false
    ) throws(Base64Error) -> [UInt8] where Bytes.Element == UInt8 {
        let rule: PaddingRule = padding == .required ? .required : .forbidden
        return try withContiguousBytes(ascii) { (buffer) throws(Base64Error) in
            try makeArray(decoding: buffer, alphabet: .standard, padding: rule, allowLineBreaks: allowLineBreaks)
        }
    }
}
