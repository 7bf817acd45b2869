import Testing

@testable import SigilJSON

/// The reader scans strings eight bytes at a time and returns well-known member names as
/// literals; these tests put every kind of special byte at every position around the word
/// boundaries, and check the name table against plain string creation.
@Suite("String scanning fast paths")
struct JSONStringScanningTests {
    /// A string token with `special` at `position` among `length` filler bytes, inside an
    /// array, followed by `padding` spaces so that the distance to the end varies too.
    static func document(length: Int, position: Int, special: [UInt8], padding: Int) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "\"")]
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: position)
        bytes += special
        bytes += [UInt8](repeating: UInt8(ascii: "b"), count: length - position - 1)
        bytes += [UInt8(ascii: "\""), UInt8(ascii: "]")]
        bytes += [UInt8](repeating: 0x20, count: padding)
        return bytes
    }

    @Test("special bytes at every position of strings up to 40 bytes", arguments: [0, 1, 7, 8, 15, 16])
    func everyPosition(_ padding: Int) throws {
        var checked = 0
        for length in 1...40 {
            for position in 0..<length {
                let offset = 2 + position
                let control = Self.document(length: length, position: position, special: [0x1F], padding: padding)
                let controlError = try #require(throws: JSONError.self) { try JSONValue.parse(control) }
                #expect(controlError.code == .controlCharacter && controlError.offset == offset)

                let invalid = Self.document(length: length, position: position, special: [0xFF], padding: padding)
                let invalidError = try #require(throws: JSONError.self) { try JSONValue.parse(invalid) }
                #expect(invalidError.code == .invalidUTF8 && invalidError.offset == offset)

                let accented = Self.document(
                    length: length, position: position, special: [0xC3, 0xA9], padding: padding)
                let accentedText = try JSONValue.parse(accented)[0]?.stringValue
                #expect(
                    accentedText == String(repeating: "a", count: position) + "é"
                        + String(repeating: "b", count: length - position - 1))

                let escaped = Self.document(
                    length: length, position: position, special: [0x5C, 0x6E], padding: padding)
                #expect(try JSONValue.parse(escaped)[0]?.stringValue?.utf8.count == length)

                let quote = Self.document(length: length, position: position, special: [0x22], padding: padding)
                let quoteError = try #require(throws: JSONError.self) { try JSONValue.parse(quote) }
                #expect(quoteError.code == .invalidSyntax && quoteError.offset == offset + 1)
                checked += 1
            }
        }
        #expect(checked == 820)
    }

    /// Member names of every length from 1 to 40 bytes, ASCII and not, plain and escaped.
    static let sampleMemberNames: [String] =
        (1...40).map { String(repeating: "k", count: $0 - 1) + "x" }
        + ["alg", "x5t#S256", "protocolVersion", "realm_access", "sübject", "名前", "a\"b", "tab\there", "🔑"]

    @Test("a member name reads back as exactly its text, wherever it sits in the input", arguments: sampleMemberNames)
    func memberName(name: String) throws {
        let written = JSONValue.object([name: 1]).serialized()
        // Near the end of the input (fewer than 16 bytes after the name) and far from it.
        let padded = String(written.dropLast()) + #","z":"                                "}"#
        for text in [written, padded] {
            let object = try #require(try JSONValue.parse(text).objectValue)
            #expect(object.keys.first == name)
            #expect(object[name] == 1)
            // One byte longer or with its last byte changed is another name.
            #expect(object[name + "x"] == nil)
            #expect(object[String(name.dropLast()) + "~"] == nil)
        }
        // Escaping any of its characters gives the same name.
        let escapedName = name.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16)
            return scalar.value > 0xFFFF ? String(scalar) : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        let escaped = "{\"" + escapedName.joined() + "\":1}"
        #expect(try JSONValue.parse(escaped).objectValue?.keys == [name])
    }

    @Test("scratch storage spills to the heap for wide and deep documents")
    func spilling() throws {
        let wide = "[" + (0..<100).map { String($0) }.joined(separator: ",") + "]"
        #expect(try JSONValue.parse(wide).arrayValue?.count == 100)
        let deepMixed =
            String(repeating: #"[{"k":[1,2,3],"v":"#, count: 30) + "0" + String(repeating: "}]", count: 30)
        let value = try JSONValue.parse(deepMixed)
        #expect(value.serialized() == deepMixed)
        // An error deep inside a spilled document releases everything (no crash, no leak
        // visible to the sanitizer).
        let broken = String(repeating: #"[{"k":["abcdefghijklmnopqrstuvwxyz",2,3],"v":"#, count: 20) + "x"
        let error = try #require(throws: JSONError.self) { try JSONValue.parse(broken) }
        #expect(error.code == .invalidSyntax)
    }
}
