import SigilJSON
import Testing

@Suite("Writer: compact output and escaping")
struct JSONWriterTests {
    @Test("every ASCII scalar 0x00...0x7F survives a string round-trip", arguments: 0..<128)
    func asciiRoundTrip(_ code: Int) throws {
        let scalar = try #require(Unicode.Scalar(code))
        let text = "a\(Character(scalar))b"
        let value = JSONValue.string(text)
        let serialized = value.serialized()
        #expect(try JSONValue.parse(serialized) == value)
        // Only control characters, quote and backslash are escaped.
        let expectedEscape: String? =
            switch code {
            case 0x08: "\\b"
            case 0x09: "\\t"
            case 0x0A: "\\n"
            case 0x0C: "\\f"
            case 0x0D: "\\r"
            case 0x22: "\\\""
            case 0x5C: "\\\\"
            case 0..<0x20:
                "\\u00" + String(code >> 4, radix: 16) + String(code & 0xF, radix: 16)
            default: nil
            }
        #expect(serialized == "\"a" + (expectedEscape ?? String(Character(scalar))) + "b\"")
    }

    @Test("non-ASCII is written as UTF-8 unchanged")
    func nonASCII() throws {
        for text in ["é", "€", "😀", "\u{2028}\u{2029}", "\u{10FFFF}", "e\u{301}", "日本語テキスト", "\u{FEFF}"] {
            let serialized = JSONValue.string(text).serialized()
            #expect(serialized == "\"\(text)\"")
            #expect(try JSONValue.parse(serialized).stringValue == text)
        }
    }

    @Test("values serialize compactly in insertion order")
    func compact() {
        let value: JSONValue = [
            "z": 1, "a": [true, false, nil], "m": ["nested": "x\"y"], "n": .number(JSONNumber(literal: "1.0e+2")!),
        ]
        #expect(value.serialized() == #"{"z":1,"a":[true,false,null],"m":{"nested":"x\"y"},"n":1.0e+2}"#)
        #expect(value.serializedBytes() == Array(value.serialized().utf8))
        #expect(value.description == value.serialized())
        #expect(JSONValue.array([]).serialized() == "[]")
        #expect(JSONValue.object(JSONObject()).serialized() == "{}")
    }

    @Test("the writer's pieces append without building a value")
    func pieces() {
        var writer = JSONWriter(capacity: 16)
        writer.writeRaw("{")
        writer.writeString("sub")
        writer.writeRaw(":")
        writer.writeString("ü\n")
        writer.writeRaw(",")
        writer.writeString("iat")
        writer.writeRaw(Array(":".utf8))
        writer.writeInteger(1_700_000_000)
        writer.writeRaw(",\"n\":[")
        writer.writeInteger(Int64.min)
        writer.writeRaw(",")
        writer.writeInteger(0)
        writer.writeRaw(",")
        writer.writeInteger(Int64.max)
        writer.writeRaw(",")
        writer.writeNumber(JSONNumber(literal: "-1.5e3")!)
        writer.writeRaw("],\"v\":")
        writer.write(["x": nil])
        writer.writeRaw("}")
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            text
                == #"{"sub":"ü\n","iat":1700000000,"n":[-9223372036854775808,0,9223372036854775807,-1.5e3],"v":{"x":null}}"#
        )
    }

    @Test("writeRaw accepts any StaticString, single scalars included")
    func rawStaticStrings() {
        var writer = JSONWriter()
        let scalar: StaticString = "\u{E9}"
        writer.writeRaw(scalar)
        writer.writeRaw("[")
        writer.writeRaw("null")
        writer.writeRaw("]")
        #expect(writer.bytes == Array("\u{E9}[null]".utf8))
    }

    @Test("writeString escapes non-contiguous (bridged-like) strings too")
    func substringInput() {
        var writer = JSONWriter()
        let text = String("xx\"\u{1}yy".dropFirst())
        writer.writeString(text)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""x\"\u0001yy""#)
    }
}
