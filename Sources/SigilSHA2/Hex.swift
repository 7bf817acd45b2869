/// Hexadecimal text of bytes (RFC 4648 §8, "base16"), shared by the package's modules.
///
/// Encoding writes two lowercase digits per byte. Decoding accepts upper- and lowercase
/// digits and fails with `nil`, never a trap, on an odd number of digits or on any other
/// character: there is one failure and nothing to branch on.
package enum Hex {
    /// Lowercase hex of `bytes`, two digits per byte; `""` for no bytes.
    ///
    /// - Parameter bytes: The bytes to write.
    /// - Returns: The hex text.
    package static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            ascii.append(digit(byte >> 4))
            ascii.append(digit(byte & 0x0F))
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// The bytes that hex text spells (RFC 4648 §8), case-insensitively.
    ///
    /// - Parameter digits: The text's UTF-8 bytes, two digits per byte.
    /// - Returns: The bytes, or `nil` when the count is odd or a byte is not a hex digit.
    package static func decode<Digits: Collection>(_ digits: Digits) -> [UInt8]? where Digits.Element == UInt8 {
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index != digits.endIndex {
            let next = digits.index(after: index)
            guard let high = value(digits[index]), let low = value(digits[next]) else { return nil }
            bytes.append(high << 4 | low)
            index = digits.index(after: next)
        }
        return bytes
    }

    /// The lowercase digit of a nibble (0 to 15).
    @inline(__always)
    package static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ (nibble &- 10)
    }

    /// The value of one hex digit, or `nil` for any other byte.
    @inline(__always)
    static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }
}
