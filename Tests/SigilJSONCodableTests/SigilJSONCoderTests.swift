import SigilJSON
import SigilJSONCodable
import Testing

/// `SigilJSONEncoder` and `SigilJSONDecoder`: round trips, strictness, exact numbers,
/// containers, optionals, and errors with their coding paths.
@Suite("SigilJSONEncoder and SigilJSONDecoder")
struct SigilJSONCoderTests {
    struct Post: Codable, Equatable {
        var id: Int
        var title: String
        var tags: [String]
        var draft: Bool
        var rating: Double?
        var author: Author
    }

    struct Author: Codable, Equatable {
        var name: String
        var karma: UInt64
    }

    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try SigilJSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try SigilJSONDecoder().decode(type, from: Array(text.utf8))
    }

    @Test("README: Codable without Foundation (the snippet, as written there)")
    func readmeSnippet() throws {
        struct Post: Codable { var id: Int; var title: String; var tags: [String] }
        let json = try SigilJSONEncoder().encode(Post(id: 1, title: "Hello", tags: ["swift"]))  // [UInt8]
        let post = try SigilJSONDecoder().decode(Post.self, from: json)
        #expect(json == Array(#"{"id":1,"title":"Hello","tags":["swift"]}"#.utf8))
        #expect(post.tags == ["swift"])
    }

    @Test("a struct encodes compactly, in declaration order, and decodes back")
    func roundTrip() throws {
        let post = Post(
            id: 7, title: "A \"quoted\" / slashed title\n", tags: ["swift", "jwt"], draft: false, rating: nil,
            author: Author(name: "Zoë", karma: UInt64.max))
        let json = try Self.text(post)
        #expect(
            json
                == #"{"id":7,"title":"A \"quoted\" / slashed title\n","tags":["swift","jwt"],"draft":false,"author":{"name":"Zoë","karma":18446744073709551615}}"#
        )
        #expect(try Self.decode(Post.self, json) == post)
        // What the encoder writes is what the strict parser reads.
        #expect(try SigilJSONEncoder().encodeJSONValue(post) == JSONValue.parse(json))
    }

    @Test("encodeIfPresent omits nil; decodeIfPresent reads a missing member and null as nil")
    func optionals() throws {
        struct Optionals: Codable, Equatable {
            var a: Int?
            var b: String?
        }
        #expect(try Self.text(Optionals(a: nil, b: nil)) == "{}")
        #expect(try Self.text(Optionals(a: 1, b: nil)) == #"{"a":1}"#)
        #expect(try Self.decode(Optionals.self, #"{"a":null}"#) == Optionals(a: nil, b: nil))
        #expect(try Self.decode(Optionals.self, #"{"b":"x"}"#) == Optionals(a: nil, b: "x"))
        #expect(try Self.decode([Int?].self, "[1,null,3]") == [1, nil, 3])
        #expect(try Self.text([Int?]([1, nil, 3])) == "[1,null,3]")
    }

    @Test("duplicate member names are rejected, at any depth")
    func duplicates() {
        for text in [#"{"id":1,"id":2}"#, #"{"author":{"name":"a","name":"b"}}"#] {
            #expect {
                try Self.decode([String: JSONValueBox].self, text)
            } throws: { error in
                guard case DecodingError.dataCorrupted(let context) = error else { return false }
                return (context.underlyingError as? JSONError)?.code == .duplicateKey
            }
        }
    }

    @Test(
        "integers round-trip exactly at the limits of every width",
        arguments: [
            "0", "-1", "9007199254740993", "9223372036854775807", "-9223372036854775808",
        ])
    func exactInt64(_ literal: String) throws {
        let value = try Self.decode(Int64.self, literal)
        #expect(String(value) == literal)
        #expect(try Self.text(value) == literal)
    }

    @Test("UInt64 reads its whole range; integer literals with exponents or zero fractions are integers")
    func exactUInt64() throws {
        #expect(try Self.decode(UInt64.self, "18446744073709551615") == UInt64.max)
        #expect(try Self.decode(Int.self, "1e3") == 1000)
        #expect(try Self.decode(Int.self, "10.0") == 10)
        #expect(try Self.decode(Int.self, "1.5e1") == 15)
        #expect(try Self.decode(Int.self, "-0") == 0)
        #expect(try Self.decode(UInt8.self, "255") == 255)
        #expect(try Self.decode(Int8.self, "-128") == -128)
        #expect(try Self.decode(Int64.self, "100000000000000000000e-2") == 1_000_000_000_000_000_000)
    }

    /// Integers read as members of an object, where the keyed container reads them itself.
    struct Stamps: Codable, Equatable {
        var count: Int
        var exp: Int64
    }

    @Test(
        "integer members: every literal form of an integer is exact, and anything else is an error",
        arguments: [
            ("7", 7 as Int64?), ("-0", 0), ("1e3", 1000), ("10.0", 10), ("1.5e1", 15),
            ("999999999999999999", 999_999_999_999_999_999), ("-999999999999999999", -999_999_999_999_999_999),
            ("9223372036854775807", .max), ("-9223372036854775808", .min), ("9223372036854775808", nil),
            ("-9223372036854775809", nil), ("1.5", nil), ("1e-1", nil), ("1e19", nil), ("\"7\"", nil),
            ("true", nil), ("null", nil),
        ])
    func integerMembers(_ literal: String, _ expected: Int64?) throws {
        let text = #"{"count":\#(literal),"exp":\#(literal)}"#
        if let expected {
            #expect(try Self.decode(Stamps.self, text) == Stamps(count: Int(expected), exp: expected))
        } else {
            #expect {
                try Self.decode(Stamps.self, text)
            } throws: { error in
                switch error {
                case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
                    DecodingError.valueNotFound(_, let context):
                    return context.codingPath.map(\.stringValue) == ["count"]
                default: return false
                }
            }
        }
    }

    @Test(
        "an integer out of range or with a fraction is a dataCorrupted error, never rounded",
        arguments: [
            ("Int64", "9223372036854775808"), ("Int64", "-9223372036854775809"), ("Int64", "1.5"),
            ("Int64", "1e19"), ("Int64", "1e300"), ("Int64", "1e-1"), ("UInt64", "18446744073709551616"),
            ("UInt64", "-1"), ("UInt8", "256"), ("Int8", "-129"), ("Int", "123456789012345678901234567890"),
        ])
    func integerOutOfRange(_ type: String, _ literal: String) {
        #expect {
            switch type {
            case "Int64": _ = try Self.decode(Int64.self, literal)
            case "UInt64": _ = try Self.decode(UInt64.self, literal)
            case "UInt8": _ = try Self.decode(UInt8.self, literal)
            case "Int8": _ = try Self.decode(Int8.self, literal)
            default: _ = try Self.decode(Int.self, literal)
            }
        } throws: { error in
            guard case DecodingError.dataCorrupted = error else { return false }
            return true
        }
    }

    @Test("doubles are correctly rounded and written with the shortest literal that reads back")
    func doubles() throws {
        #expect(try Self.decode(Double.self, "0.1") == 0.1)
        #expect(try Self.decode(Double.self, "2.2250738585072014e-308") == .leastNormalMagnitude)
        #expect(try Self.decode(Double.self, "9007199254740993") == 9_007_199_254_740_992)
        #expect(try Self.text(0.1) == "0.1")
        #expect(try Self.text(1e300) == "1e+300")
        #expect(try Self.decode(Float.self, "0.1") == Float(0.1))
        #expect(try Self.text(Float(0.1)) == "0.1")
        for literal in ["1e400", "-1e400"] {
            #expect(throws: DecodingError.self) { try Self.decode(Double.self, literal) }
        }
        #expect(throws: DecodingError.self) { try Self.decode(Float.self, "1e39") }
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try SigilJSONEncoder().encode(value) }
        }
        #expect(throws: EncodingError.self) { try SigilJSONEncoder().encode(Float.infinity) }
    }

    @Test("strings, numbers and Booleans are never converted into each other")
    func noConversions() {
        #expect(throws: DecodingError.self) { try Self.decode(String.self, "1") }
        #expect(throws: DecodingError.self) { try Self.decode(Int.self, #""1""#) }
        #expect(throws: DecodingError.self) { try Self.decode(Bool.self, "1") }
        #expect(throws: DecodingError.self) { try Self.decode(Int.self, "true") }
        #expect(throws: DecodingError.self) { try Self.decode([String].self, #"{"a":"b"}"#) }
    }

    @Test("errors carry the coding path of the offending value")
    func codingPaths() throws {
        func path(_ text: String) -> String? {
            do {
                _ = try Self.decode([Post].self, text)
                return nil
            } catch let error as DecodingError {
                let context: DecodingError.Context
                var keys: [any CodingKey] = []
                switch error {
                case .keyNotFound(let key, let c):
                    context = c
                    keys = [key]
                case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
                @unknown default: return nil
                }
                return (context.codingPath + keys).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                    .joined(separator: ".")
            } catch {
                return nil
            }
        }
        let good = #"{"id":1,"title":"t","tags":[],"draft":true,"author":{"name":"n","karma":1}}"#
        let missing = #"[\#(good),{"id":1,"title":"t","tags":[],"draft":true,"author":{"name":"n"}}]"#
        #expect(path(missing) == "[1].author.karma")
        let wrongTag = #"[{"id":1,"title":"t","tags":["a",2],"draft":true,"author":{"name":"n","karma":1}}]"#
        #expect(path(wrongTag) == "[0].tags.[1]")
        let nullTitle = #"[{"id":1,"title":null,"tags":[],"draft":true,"author":{"name":"n","karma":1}}]"#
        #expect(path(nullTitle) == "[0].title")
        let negativeKarma = #"[{"id":1,"title":"t","tags":[],"draft":true,"author":{"name":"n","karma":-1}}]"#
        #expect(path(negativeKarma) == "[0].author.karma")
        #expect(path("[\(good)]") == nil)
    }

    @Test("error kinds: keyNotFound, valueNotFound, typeMismatch, dataCorrupted")
    func errorKinds() {
        #expect {
            try Self.decode(Author.self, #"{"name":"n"}"#)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "karma"
        }
        #expect {
            try Self.decode(Author.self, #"{"name":null,"karma":1}"#)
        } throws: { error in
            guard case DecodingError.valueNotFound = error else { return false }
            return true
        }
        #expect {
            try Self.decode(Author.self, #"{"name":1,"karma":1}"#)
        } throws: { error in
            guard case DecodingError.typeMismatch = error else { return false }
            return true
        }
        #expect {
            try Self.decode(Author.self, #"{"name":"n","karma":1} x"#)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.underlyingError is JSONError
        }
    }

    @Test("dictionaries with String keys, and nested arrays")
    func dictionaries() throws {
        let value: [String: [Int]] = ["a": [1, 2], "b": []]
        let decoded = try Self.decode([String: [Int]].self, try Self.text(value))
        #expect(decoded == value)
        #expect(try Self.decode([[String]].self, #"[["a"],[]]"#) == [["a"], []])
        #expect(try Self.text([["a"], []] as [[String]]) == #"[["a"],[]]"#)
    }

    /// Nested containers, superEncoder/superDecoder and a key written twice, by hand.
    struct Manual: Codable, Equatable {
        var x: Int
        var list: [String]
        var base: Author

        enum Keys: String, CodingKey { case outer, inner, x, list, base }

        init(x: Int, list: [String], base: Author) {
            self.x = x
            self.list = list
            self.base = base
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            let outer = try container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            x = try outer.decode(Int.self, forKey: .x)
            var list = try outer.nestedUnkeyedContainer(forKey: .list)
            var items: [String] = []
            while !list.isAtEnd { items.append(try list.decode(String.self)) }
            self.list = items
            base = try Author(from: container.superDecoder())
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try outer.encode(0, forKey: .x)
            try outer.encode(x, forKey: .x)  // the last value wins, in the first position
            var list = outer.nestedUnkeyedContainer(forKey: .list)
            for item in self.list { try list.encode(item) }
            try base.encode(to: container.superEncoder())
        }
    }

    @Test("nested containers, superEncoder and superDecoder; a key encoded twice keeps one member")
    func nestedAndSuper() throws {
        let value = Manual(x: 3, list: ["p", "q"], base: Author(name: "b", karma: 2))
        let json = try Self.text(value)
        #expect(json == #"{"outer":{"x":3,"list":["p","q"]},"super":{"name":"b","karma":2}}"#)
        #expect(try Self.decode(Manual.self, json) == value)
    }

    @Test("unkeyed containers: count, isAtEnd, reading past the end is valueNotFound")
    func unkeyed() throws {
        struct Pair: Decodable {
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                #expect(container.count == 1)
                _ = try container.decode(Int.self)
                #expect(container.isAtEnd)
                _ = try container.decode(Int.self)
            }
        }
        #expect {
            try Self.decode(Pair.self, "[1]")
        } throws: { error in
            guard case DecodingError.valueNotFound(_, let context) = error else { return false }
            return context.codingPath.last?.intValue == 1
        }
    }

    @Test("a value that encodes nothing at the top level is an error; nested, it is {}")
    func encodesNothing() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct Holder: Encodable { var nothing = Nothing() }
        #expect(throws: EncodingError.self) { try SigilJSONEncoder().encode(Nothing()) }
        #expect(try Self.text(Holder()) == #"{"nothing":{}}"#)
    }

    @Test("a JSONValueRepresentable type is written and read by its own JSON form")
    func representable() throws {
        struct Holder: Codable, Equatable { var box: JSONValueBox }
        let value = Holder(box: JSONValueBox(value: ["k": [1, "two", nil, .number(JSONNumber(literal: "1.0e+2")!)]]))
        let json = try Self.text(value)
        #expect(json == #"{"box":{"k":[1,"two",null,1.0e+2]}}"#)
        #expect(try Self.decode(Holder.self, json) == value)
        #expect {
            try Self.decode(Holder.self, #"{"box":"refused"}"#)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["box"]
        }
    }

    @Test("the decoder's size and depth limits apply")
    func limits() throws {
        let decoder = SigilJSONDecoder(limits: JSONLimits(maximumDepth: 2))
        #expect(throws: DecodingError.self) { try decoder.decode([[[Int]]].self, from: Array("[[[1]]]".utf8)) }
        #expect(try decoder.decode([[Int]].self, from: Array("[[1]]".utf8)) == [[1]])
    }

    @Test("userInfo reaches the types being coded")
    func userInfo() throws {
        let key = Scaled.key
        struct Scaled: Codable {
            static let key = CodingUserInfoKey(rawValue: "scale")!
            var value: Int
            init(value: Int) { self.value = value }
            init(from decoder: any Decoder) throws {
                value =
                    try decoder.singleValueContainer().decode(Int.self) * (decoder.userInfo[Scaled.key] as? Int ?? 1)
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(value * (encoder.userInfo[Scaled.key] as? Int ?? 1))
            }
        }
        #expect(try SigilJSONEncoder(userInfo: [key: 10]).encode([Scaled(value: 2)]) == Array("[20]".utf8))
        #expect(try SigilJSONDecoder(userInfo: [key: 3]).decode(Scaled.self, from: Array("2".utf8)).value == 6)
    }
}

/// Any JSON, carried through the coder by `JSONValueRepresentable` (objects only decode).
struct JSONValueBox: Codable, Equatable, JSONValueRepresentable {
    var value: JSONValue

    init(value: JSONValue) { self.value = value }

    init?(jsonValue: JSONValue) {
        guard case .object = jsonValue else { return nil }
        value = jsonValue
    }

    var jsonValue: JSONValue? { value }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Sigil only"))
    }

    func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(value, .init(codingPath: encoder.codingPath, debugDescription: "Sigil only"))
    }
}
