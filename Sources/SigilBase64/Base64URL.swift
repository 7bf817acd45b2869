/// base64url without padding: the encoding of every JWS and JWT segment.
///
/// This is the "URL and filename safe" alphabet of RFC 4648 §5 with the trailing `=`
/// removed, as RFC 7515 §2 requires. Decoding is strict, because a decoder that accepts
/// several spellings of the same bytes makes tokens malleable: it rejects `=`, `+`, `/`,
/// whitespace and line breaks, a final group of one character, and a last character whose
/// unused low bits are not zero (RFC 4648 §3.5).
///
/// ```swift
/// let segment = Base64URL.encode(Array("{\"alg\":\"HS256\"}".utf8))   // "eyJhbGciOiJIUzI1NiJ9"
/// let bytes = try Base64URL.decode(segment)
/// ```
public enum Base64URL {
    /// Encodes bytes as unpadded base64url.
    ///
    /// - Parameter bytes: Any byte sequence; contiguous ones are read in place.
    /// - Returns: The ASCII encoding, `⌈4n/3⌉` characters long.
    @inlinable
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        withContiguousBytes(bytes) { makeString(encoding: $0, alphabet: .url, padding: false) }
    }

    /// Appends the unpadded base64url encoding of `bytes` to `output` as ASCII bytes.
    ///
    /// For hot paths that assemble a token in one buffer.
    public static func encode(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        appendEncoded(bytes, to: &output, alphabet: .url, padding: false)
    }

    /// Decodes unpadded base64url text.
    ///
    /// - Parameter text: The encoded text.
    /// - Returns: The decoded bytes.
    /// - Throws: `Base64Error` if `text` is not the canonical unpadded base64url encoding
    ///   of some byte string.
    @inlinable
    public static func decode(_ text: String) throws(Base64Error) -> [UInt8] {
        try decode(text.utf8)
    }

    /// Decodes unpadded base64url from ASCII bytes.
    ///
    /// - Parameter ascii: The encoded bytes; contiguous collections are read in place.
    /// - Returns: The decoded bytes.
    /// - Throws: `Base64Error` if the input is not canonical unpadded base64url.
    @inlinable
    public static func decode<Bytes: Sequence>(_ ascii: Bytes) throws(Base64Error) -> [UInt8]
    where Bytes.Element == UInt8 {
        try withContiguousBytes(ascii) { (buffer) throws(Base64Error) in
            try makeArray(decoding: buffer, alphabet: .url, padding: .forbidden, allowLineBreaks: false)
        }
    }

    /// Decodes unpadded base64url from `ascii` and appends the bytes to `output`.
    ///
    /// On error, `output` is left as it was.
    ///
    /// - Throws: `Base64Error` if the input is not canonical unpadded base64url.
    public static func decode(_ ascii: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(Base64Error) {
        try appendDecoded(ascii, to: &output, alphabet: .url, padding: .forbidden, allowLineBreaks: false)
    }
}
