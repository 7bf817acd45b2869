import SigilJSON
import Testing

/// One rejected document: its bytes, the expected code and the expected byte offset.
struct RejectedDocument: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var code: JSONError.Code
    var offset: Int

    init(_ name: String, _ text: String, _ code: JSONError.Code, at offset: Int) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.code = code
        self.offset = offset
    }

    init(_ name: String, bytes: [UInt8], _ code: JSONError.Code, at offset: Int) {
        self.name = name
        self.bytes = bytes
        self.code = code
        self.offset = offset
    }

    var testDescription: String { name }
}

@Suite("JSONError codes and offsets")
struct JSONErrorTests {
    static let cases: [RejectedDocument] = [
        // unexpectedEnd
        RejectedDocument("empty", "", .unexpectedEnd, at: 0),
        RejectedDocument("only whitespace", " \n\t\r", .unexpectedEnd, at: 4),
        RejectedDocument("unclosed array", "[1", .unexpectedEnd, at: 2),
        RejectedDocument("unclosed object", #"{"a":1"#, .unexpectedEnd, at: 6),
        RejectedDocument("missing value", #"{"a":"#, .unexpectedEnd, at: 5),
        RejectedDocument("missing colon at end", #"{"a""#, .unexpectedEnd, at: 4),
        RejectedDocument("unterminated string", #""abc"#, .unexpectedEnd, at: 4),
        RejectedDocument("truncated true", "tru", .unexpectedEnd, at: 3),
        RejectedDocument("minus alone", "-", .unexpectedEnd, at: 1),
        RejectedDocument("fraction without digits at end", "1.", .unexpectedEnd, at: 2),
        RejectedDocument("exponent without digits at end", "1e+", .unexpectedEnd, at: 3),
        RejectedDocument("backslash at end", #""\"#, .unexpectedEnd, at: 2),
        RejectedDocument("short \\u at end", #""\u12"#, .unexpectedEnd, at: 5),
        RejectedDocument("high surrogate at end", #""\uD800"#, .unexpectedEnd, at: 7),
        RejectedDocument("array after comma", "[1,", .unexpectedEnd, at: 3),
        // invalidSyntax
        RejectedDocument("trailing comma in array", "[1,]", .invalidSyntax, at: 3),
        RejectedDocument("trailing comma in object", #"{"a":1,}"#, .invalidSyntax, at: 7),
        RejectedDocument("leading comma", "[,1]", .invalidSyntax, at: 1),
        RejectedDocument("missing comma", "[1 2]", .invalidSyntax, at: 3),
        RejectedDocument("missing colon", #"{"a" 1}"#, .invalidSyntax, at: 5),
        RejectedDocument("unquoted key", "{a:1}", .invalidSyntax, at: 1),
        RejectedDocument("single quotes", "['a']", .invalidSyntax, at: 1),
        RejectedDocument("line comment", "[1]//c", .trailingData, at: 3),
        RejectedDocument("block comment", "[/**/1]", .invalidSyntax, at: 1),
        RejectedDocument("NaN", "NaN", .invalidSyntax, at: 0),
        RejectedDocument("Infinity", "[Infinity]", .invalidSyntax, at: 1),
        RejectedDocument("capital True", "True", .invalidSyntax, at: 0),
        RejectedDocument("misspelt null", "nul1", .invalidSyntax, at: 3),
        RejectedDocument("byte-order mark", "\u{FEFF}{}", .invalidSyntax, at: 0),
        RejectedDocument("mismatched bracket", "[1}", .invalidSyntax, at: 2),
        RejectedDocument("mismatched brace", #"{"a":1]"#, .invalidSyntax, at: 6),
        RejectedDocument("vertical tab whitespace", "\u{0B}1", .invalidSyntax, at: 0),
        RejectedDocument("form feed whitespace", "[\u{0C}1]", .invalidSyntax, at: 1),
        RejectedDocument("no-break space whitespace", "[\u{A0}1]", .invalidSyntax, at: 1),
        // duplicateKey
        RejectedDocument("duplicate", #"{"a":1,"a":2}"#, .duplicateKey, at: 7),
        RejectedDocument("duplicate after unescaping", #"{"a":1,"\u0061":2}"#, .duplicateKey, at: 7),
        RejectedDocument("duplicate nested", #"[{"x":{"k":1, "k":1}}]"#, .duplicateKey, at: 14),
        RejectedDocument("duplicate escaped slash", #"{"a/b":1,"a\/b":2}"#, .duplicateKey, at: 9),
        // invalidUTF8
        RejectedDocument("stray continuation", bytes: [0x22, 0x80, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("overlong C0", bytes: [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("overlong E0", bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("overlong F0", bytes: [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("encoded surrogate", bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("above U+10FFFF", bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("F5 lead", bytes: [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("FF byte", bytes: [0x22, 0x61, 0xFF, 0x22], .invalidUTF8, at: 2),
        RejectedDocument("truncated in string", bytes: [0x22, 0xE2, 0x82, 0x22], .invalidUTF8, at: 1),
        RejectedDocument("truncated at end", bytes: [0x22, 0xF0, 0x9F, 0x98], .invalidUTF8, at: 1),
        RejectedDocument("outside a string", bytes: [0x5B, 0xC3, 0x5D], .invalidUTF8, at: 1),
        RejectedDocument("after the value", bytes: [0x31, 0x20, 0xFE], .invalidUTF8, at: 2),
        RejectedDocument(
            "in a member name", bytes: [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8, at: 2),
        RejectedDocument("after an escape", bytes: [0x22, 0x5C, 0x6E, 0xC3, 0x22], .invalidUTF8, at: 3),
        // invalidEscape
        RejectedDocument("unknown escape", #""\x41""#, .invalidEscape, at: 1),
        RejectedDocument("escaped single quote", #""\'""#, .invalidEscape, at: 1),
        RejectedDocument("short \\u", #""\u12""#, .invalidEscape, at: 1),
        RejectedDocument("non-hex \\u", #""ab\u00G1""#, .invalidEscape, at: 3),
        RejectedDocument("lone high surrogate", #""\uD800""#, .invalidEscape, at: 1),
        RejectedDocument("lone low surrogate", #""x\uDC00""#, .invalidEscape, at: 2),
        RejectedDocument("high then text", #""\uD83Dabcdef""#, .invalidEscape, at: 1),
        RejectedDocument("high then high", #""\uD83D\uD83D""#, .invalidEscape, at: 1),
        RejectedDocument("high then BMP", #""\uD800\u0041""#, .invalidEscape, at: 1),
        RejectedDocument("high then other escape", #""\uD800\n""#, .invalidEscape, at: 1),
        // invalidNumber
        RejectedDocument("leading zero", "01", .invalidNumber, at: 1),
        RejectedDocument("negative leading zero", "[-012]", .invalidNumber, at: 3),
        RejectedDocument("plus sign", "+1", .invalidNumber, at: 0),
        RejectedDocument("leading dot", "[.5]", .invalidNumber, at: 1),
        RejectedDocument("trailing dot", "[1.]", .invalidNumber, at: 3),
        RejectedDocument("minus letter", "-a", .invalidNumber, at: 1),
        RejectedDocument("minus Infinity", "-Infinity", .invalidNumber, at: 1),
        RejectedDocument("empty exponent", "[1e]", .invalidNumber, at: 3),
        RejectedDocument("exponent sign only", "[1E-]", .invalidNumber, at: 4),
        RejectedDocument("dot exponent", "1.e3", .invalidNumber, at: 2),
        RejectedDocument("hex", "0x1F", .trailingData, at: 1),
        // depthLimitExceeded
        RejectedDocument("65 arrays", String(repeating: "[", count: 65), .depthLimitExceeded, at: 64),
        RejectedDocument("65 objects", String(repeating: #"{"a":"#, count: 65), .depthLimitExceeded, at: 320),
        // sizeLimitExceeded (defaults: 256-byte numbers)
        RejectedDocument("257-digit number", "[" + String(repeating: "1", count: 257) + "]", .sizeLimitExceeded, at: 1),
        // trailingData
        RejectedDocument("two values", "1 2", .trailingData, at: 2),
        RejectedDocument("object then garbage", "{}x", .trailingData, at: 2),
        RejectedDocument("value then comma", "[],", .trailingData, at: 2),
        RejectedDocument("NUL after value", "1\u{0}", .trailingData, at: 1),
        // controlCharacter
        RejectedDocument("raw newline in string", "\"a\nb\"", .controlCharacter, at: 2),
        RejectedDocument("raw tab in string", "[\"\t\"]", .controlCharacter, at: 2),
        RejectedDocument("raw NUL in string", "\"\u{0}\"", .controlCharacter, at: 1),
        RejectedDocument("raw 0x1F after escape", "\"\\n\u{1F}\"", .controlCharacter, at: 3),
    ]

    @Test("rejected documents report the code and offset", arguments: cases)
    func rejected(_ document: RejectedDocument) throws {
        let error = try #require(throws: JSONError.self) { try JSONValue.parse(document.bytes) }
        #expect(error.code == document.code)
        #expect(error.offset == document.offset)
    }

    @Test("the table covers every error code")
    func everyCodeCovered() {
        let codes: Set<JSONError.Code> = Set(Self.cases.map(\.code))
        #expect(Self.cases.count == 84)
        #expect(
            codes == [
                .unexpectedEnd, .invalidSyntax, .duplicateKey, .invalidUTF8, .invalidEscape, .invalidNumber,
                .depthLimitExceeded, .sizeLimitExceeded, .trailingData, .controlCharacter,
            ])
    }

    @Test("every code has its own name and reason")
    func reasons() {
        let codes: [JSONError.Code] = [
            .unexpectedEnd, .invalidSyntax, .duplicateKey, .invalidUTF8, .invalidEscape, .invalidNumber,
            .depthLimitExceeded, .sizeLimitExceeded, .trailingData, .controlCharacter,
        ]
        let errors = codes.map { JSONError($0, at: 0) }
        #expect(Set(codes.map(\.description)).count == 10)
        #expect(Set(errors.map(\.reason)).count == 10)
        #expect(!codes.map(\.description).contains("unknown"))
        #expect(!errors.map(\.reason).contains("invalid JSON"))
    }

    @Test("a secret in the input never appears in the error")
    func noEcho() throws {
        let error = try #require(throws: JSONError.self) {
            try JSONValue.parse(#"{"secret":"hunter2-top-secret",}"#)
        }
        #expect(!error.description.contains("hunter2"))
        #expect(!error.reason.contains("hunter2"))
    }

    @Test("errors compare by code and describe without echoing input")
    func errorShape() {
        let first = JSONError(.duplicateKey, at: 3)
        let second = JSONError(.duplicateKey, at: 90)
        #expect(first == second)
        #expect(first != JSONError(.invalidSyntax, at: 3))
        #expect(first.description == "invalid JSON at byte 3: a repeated object member name")
        #expect(JSONError.Code.controlCharacter.description == "controlCharacter")
    }
}
