import SigilJSON
import SigilJSONCodable
import Testing

/// How the decoder finds members and reads values straight from the parsed document: names
/// match as Swift strings (escapes and canonical equivalence included), and decoding from a
/// `JSONValue` agrees with decoding its text.
@Suite("SigilJSONDecoder: member lookup and values read from the parse")
struct SigilJSONDecoderMemberTests {
    struct Claims: Codable, Equatable {
        var sub: String
        var roles: [String]
        var exp: Int64
        var cafe: Bool?

        enum CodingKeys: String, CodingKey {
            case sub, roles, exp
            case cafe = "caf\u{E9}"
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try SigilJSONDecoder().decode(type, from: Array(text.utf8))
    }

    @Test("escaped and non-ASCII member names match the coding keys")
    func escapedNames() throws {
        let expected = Claims(sub: "a\"b", roles: ["x", "\u{E9}"], exp: 7, cafe: true)
        let plain = #"{"sub":"a\"b","roles":["x","\u00e9"],"exp":7,"café":true}"#
        let escaped = #"{"\u0073ub":"a\"b","r\u006fles":["x","é"],"\u0065xp":7e0,"caf\u00e9":true}"#
        // U+00E9 written as e + U+0301: the same name to Swift, as JSONObject compares names.
        let decomposed = "{\"sub\":\"a\\\"b\",\"roles\":[\"x\",\"\u{E9}\"],\"exp\":7,\"cafe\u{301}\":true}"
        #expect(try Self.decode(Claims.self, plain) == expected)
        #expect(try Self.decode(Claims.self, escaped) == expected)
        #expect(try Self.decode(Claims.self, decomposed) == expected)
    }

    @Test("members in any order, with others between them; an absent optional is nil")
    func order() throws {
        let text = #"{"x":{"sub":"no","exp":[1]},"exp":1700000000,"y":[[],{}],"roles":[],"sub":"s"}"#
        #expect(try Self.decode(Claims.self, text) == Claims(sub: "s", roles: [], exp: 1_700_000_000, cafe: nil))
    }

    @Test("a name that is a prefix of a member's name, or longer, is absent")
    func prefixes() throws {
        #expect {
            try Self.decode(Claims.self, #"{"subject":"s","su":"t","roles":[],"exp":1}"#)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "sub"
        }
    }

    @Test("an array of strings with another element names that element in the path")
    func stringArrayPath() throws {
        #expect {
            try Self.decode(Claims.self, #"{"sub":"s","roles":["a",null],"exp":1}"#)
        } throws: { error in
            guard case DecodingError.valueNotFound(_, let context) = error else { return false }
            return context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } == ["roles", "[1]"]
        }
        #expect {
            try Self.decode(Claims.self, #"{"sub":"s","roles":"a","exp":1}"#)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["roles"]
        }
    }

    @Test("exact integers: literal forms of an integer are read, fractions and overflow are errors")
    func integers() throws {
        #expect(
            try Self.decode([Int64].self, "[1e3,10.0,-0,9223372036854775807,-9223372036854775808]")
                == [1000, 10, 0, .max, .min])
        for text in ["[1.5]", "[9223372036854775808]", "[1e19]", "[-9223372036854775809]"] {
            #expect(throws: DecodingError.self, "\(text)") { try Self.decode([Int64].self, text) }
        }
    }

    @Test("decoding a JSONValue agrees with decoding its text, however deep")
    func fromValue() throws {
        let value: JSONValue = ["sub": "s", "roles": ["r"], "exp": 5, "café": false]
        #expect(
            try SigilJSONDecoder().decode(Claims.self, from: value)
                == Claims(sub: "s", roles: ["r"], exp: 5, cafe: false))
        var deep: JSONValue = 1
        for _ in 0..<100 { deep = .array([deep]) }
        struct Nested: Decodable {
            var depth: Int
            init(from decoder: any Decoder) throws {
                var depth = 0
                var container = try decoder.unkeyedContainer()
                while true {
                    if let next = try? container.nestedUnkeyedContainer() {
                        container = next
                        depth += 1
                    } else {
                        _ = try container.decode(Int.self)
                        break
                    }
                }
                self.depth = depth
            }
        }
        // Beyond the default depth limit for text: a value already in memory is not limited.
        #expect(try SigilJSONDecoder().decode(Nested.self, from: deep).depth == 99)
    }

    @Test("superDecoder of an absent member decodes null")
    func superDecoderOfAbsentMember() throws {
        struct Wrapper: Decodable {
            var inner: Int?
            enum CodingKeys: String, CodingKey { case other }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                inner = try container.superDecoder(forKey: .other).singleValueContainer().decode(Int?.self)
            }
        }
        #expect(try Self.decode(Wrapper.self, "{}").inner == nil)
        #expect(try Self.decode(Wrapper.self, #"{"other":3}"#).inner == 3)
    }
}
