import SigilSHA2

/// Hex fields of the batch protocol: `-` stands for the empty byte string, so that no
/// field is ever empty; the digits themselves are the package's one hex reader and writer.
enum HexField {
    /// Lowercase hex of `bytes`, or `-` when empty.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let text = Hex.encode(bytes)
        return text.isEmpty ? "-" : text
    }

    /// The bytes of a hex field, or nil if it is not even-length hex.
    static func decode(_ field: Substring) -> [UInt8]? {
        field == "-" ? [] : Hex.decode(field.utf8)
    }
}
