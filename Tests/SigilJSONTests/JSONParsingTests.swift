import SigilJSON
import Testing

@Suite("Parsing valid documents")
struct JSONParsingTests {
    @Test("scalars")
    func scalars() throws {
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse("true") == .bool(true))
        #expect(try JSONValue.parse("false") == .bool(false))
        #expect(try JSONValue.parse("0").numberValue?.literal == "0")
        #expect(try JSONValue.parse("-1.5e-3").numberValue?.literal == "-1.5e-3")
        #expect(try JSONValue.parse(#""""#) == .string(""))
        #expect(try JSONValue.parse(#""abc""#) == .string("abc"))
        #expect(try JSONValue.parse(" \t\r\n 7 \t\r\n ").numberValue?.int64Value == 7)
    }

    @Test("the JWT claims object")
    func claims() throws {
        let text = #"""
            {"sub":"user_admin","username":"admin","roles":["admin"],"permissions":["read:*","write:*","delete:*"],"iat":1700000000,"exp":1700003600}
            """#
        let value = try JSONValue.parse(text)
        #expect(value["sub"]?.stringValue == "user_admin")
        #expect(value["username"]?.stringValue == "admin")
        #expect(value["roles"]?.arrayValue == ["admin"])
        #expect(value["permissions"]?[2]?.stringValue == "delete:*")
        #expect(value["iat"]?.numberValue?.int64Value == 1_700_000_000)
        #expect(value["exp"]?.numberValue?.int64Value == 1_700_003_600)
        #expect(value["missing"] == nil)
        #expect(value.objectValue?.keys == ["sub", "username", "roles", "permissions", "iat", "exp"])
        #expect(value.serialized() == text)
    }

    @Test("nested containers and whitespace everywhere allowed")
    func nested() throws {
        let value = try JSONValue.parse(" { \"a\" : [ 1 , { \"b\" : null } , [ ] , { } ] , \"c\" : \"d\" } ")
        #expect(value == ["a": [1, ["b": nil], [], [:]], "c": "d"])
        #expect(value.serialized() == #"{"a":[1,{"b":null},[],{}],"c":"d"}"#)
    }

    @Test("escapes decode, surrogate pairs combine")
    func escapes() throws {
        let value = try JSONValue.parse(#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\uD83D\uDE00\u0000""#)
        #expect(value.stringValue == "\"\\/\u{8}\u{C}\n\r\tAé€😀\u{0}")
    }

    @Test("raw UTF-8 of every length is accepted, including the extremes")
    func rawUTF8() throws {
        let text = "\"\u{7F}\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}é😀\""
        #expect(try JSONValue.parse(text).stringValue == String(text.dropFirst().dropLast()))
        // U+2028 and U+2029 are valid in JSON strings.
        #expect(try JSONValue.parse("\"\u{2028}\u{2029}\"").stringValue == "\u{2028}\u{2029}")
    }

    @Test("all input forms agree: String, [UInt8], ArraySlice, raw buffer, non-contiguous")
    func inputForms() throws {
        let text = #"{"k":[1,2,"x"]}"#
        let expected = try JSONValue.parse(text)
        let bytes = Array(text.utf8)
        #expect(try JSONValue.parse(bytes) == expected)
        #expect(try JSONValue.parse(([0x20] + bytes)[1...]) == expected)
        #expect(try bytes.withUnsafeBytes { buffer throws(JSONError) in try JSONValue.parse(buffer) } == expected)
        #expect(try JSONValue.parse(text.utf8.lazy.map { $0 }) == expected)
        let error = try #require(throws: JSONError.self) { try JSONValue.parse(Array("[1,]".utf8).lazy.map { $0 }) }
        #expect(error.code == .invalidSyntax)
        #expect(error.offset == 3)
    }

    @Test("accessors return nil for other kinds")
    func accessors() {
        let number: JSONValue = 3
        #expect(number.stringValue == nil)
        #expect(number.boolValue == nil)
        #expect(number.arrayValue == nil)
        #expect(number.objectValue == nil)
        #expect(number["key"] == nil)
        #expect(number[0] == nil)
        #expect(!number.isNull)
        #expect(JSONValue.null.isNull)
        let array: JSONValue = [true]
        #expect(array[0]?.boolValue == true)
        #expect(array[1] == nil)
        #expect(array[-1] == nil)
        #expect(JSONValue.string("s").numberValue == nil)
    }

    @Test("duplicate names rejected in large objects too, without quadratic work")
    func largeObjects() throws {
        let members = (0..<10_000).map { "\"k\($0)\":\($0)" }
        let text = "{" + members.joined(separator: ",") + "}"
        let value = try JSONValue.parse(text)
        #expect(value.objectValue?.count == 10_000)
        #expect(value["k9999"]?.numberValue?.int64Value == 9999)
        #expect(value["k16"]?.numberValue?.int64Value == 16)
        #expect(value.serialized() == text)
        let duplicated = "{" + members.joined(separator: ",") + ",\"k42\":0}"
        let error = try #require(throws: JSONError.self) { try JSONValue.parse(duplicated) }
        #expect(error.code == .duplicateKey)
        #expect(error.offset == text.utf8.count)
        // Duplicate right at the index threshold, and one just after building the index.
        for count in [16, 17, 18] {
            let small = (0..<count).map { "\"k\($0)\":0" }.joined(separator: ",")
            for repeated in [0, count - 1] {
                let document = "{" + small + ",\"k\(repeated)\":1}"
                let failure = try #require(throws: JSONError.self) { try JSONValue.parse(document) }
                #expect(failure.code == .duplicateKey)
                #expect(failure.offset == small.utf8.count + 2)
            }
        }
    }

    @Test("keys equal only after unescaping are duplicates; different keys are not")
    func duplicateVariants() throws {
        for text in [
            #"{"a":1,"\u0061":2}"#, #"{"\u00e9":1,"é":2}"#, #"{"😀":1,"\ud83d\ude00":2}"#, #"{"":1,"":2}"#,
            #"{"\n":1,"\u000a":2}"#, #"{"\u00E9":1,"\u00e9":2}"#,
        ] {
            let error = try #require(throws: JSONError.self) { try JSONValue.parse(text) }
            #expect(error.code == .duplicateKey)
        }
        let distinct = try JSONValue.parse(#"{"a":1,"A":2,"a ":3,"\u0000":4,"":5}"#)
        #expect(distinct.objectValue?.count == 5)
        // The same name in different objects is fine.
        #expect(try JSONValue.parse(#"[{"a":1},{"a":2},{"b":{"a":3}}]"#).arrayValue?.count == 3)
    }
}
