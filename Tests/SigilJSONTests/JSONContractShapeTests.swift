import SigilJSON
import Testing

/// The call shapes that SigilJWT, SigilRBAC and SigilMCP rely on, written
/// the way those modules use them, so that a change that breaks them fails here first.
@Suite("Contract call shapes")
struct JSONContractShapeTests {
    @Test("parsing from String, bytes and raw buffers, with limits")
    func parsing() throws {
        let limits = JSONLimits(maximumDepth: 8, maximumBytes: 1024, maximumStringBytes: 64)
        let fromText = try JSONValue.parse(#"{"alg":"HS256","typ":"JWT"}"#, limits: limits)
        let bytes: [UInt8] = Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)
        let fromBytes = try JSONValue.parse(bytes)
        let fromSlice = try JSONValue.parse(bytes[...], limits: limits)
        let fromBuffer = try bytes.withUnsafeBytes { buffer throws(JSONError) in try JSONValue.parse(buffer) }
        #expect(fromText == fromBytes && fromBytes == fromSlice && fromSlice == fromBuffer)
        #expect(fromText["alg"]?.stringValue == "HS256")
    }

    @Test("typed throws: the error is a JSONError without casting")
    func typedThrows() {
        do {
            _ = try JSONValue.parse("[1,]")
            Issue.record("no error")
        } catch {
            let code: JSONError.Code = error.code
            #expect(code == .invalidSyntax)
            #expect(error.offset == 3)
        }
    }

    @Test("accessors, numbers and objects as the JWT and RBAC layers read them")
    func reading() throws {
        let claims = try JSONValue.parse(
            #"{"sub":"u1","aud":["a","b"],"exp":1700003600,"nbf":1.7e9,"admin":true,"x":null}"#)
        #expect(claims["sub"]?.stringValue == "u1")
        #expect(claims["aud"]?.arrayValue?.compactMap(\.stringValue) == ["a", "b"])
        let exp = try #require(claims["exp"]?.numberValue)
        #expect(exp.int64Value == 1_700_003_600 && exp.isInteger && exp.literal == "1700003600")
        let nbf = try #require(claims["nbf"]?.numberValue)
        #expect(nbf.int64Value == 1_700_000_000 && nbf.doubleValue == 1.7e9)
        #expect(claims["admin"]?.boolValue == true)
        #expect(claims["x"]?.isNull == true)
        let object = try #require(claims.objectValue)
        #expect(object.count == 6 && object.contains("aud") && object.keys.first == "sub")
        var names: [String] = []
        for (key, value) in object where value.stringValue != nil { names.append(key) }
        #expect(names == ["sub"])
    }

    @Test("building values and writing them")
    func building() throws {
        var object = JSONObject()
        object["sub"] = .string("u1")
        object["iat"] = .number(JSONNumber(Int64(1_700_000_000)))
        object["n"] = .number(JSONNumber(3))
        object["f"] = JSONNumber(0.5).map(JSONValue.number)
        object["roles"] = ["admin"]
        let fromPairs = JSONObject([("a", 1), ("b", "two")])
        let literal: JSONValue = ["claims": .object(object), "pairs": .object(fromPairs), "none": nil, "ok": false]
        #expect(
            literal.serialized()
                == #"{"claims":{"sub":"u1","iat":1700000000,"n":3,"f":0.5,"roles":["admin"]},"pairs":{"a":1,"b":"two"},"none":null,"ok":false}"#
        )
        var writer = JSONWriter(capacity: 64)
        writer.writeRaw("[")
        writer.write(literal["pairs"] ?? nil)
        writer.writeRaw(",")
        writer.writeString("\u{1}")
        writer.writeRaw(Array("]".utf8))
        #expect(writer.bytes == Array(#"[{"a":1,"b":"two"},"\u0001"]"#.utf8))
        #expect(literal.serializedBytes() == Array(literal.serialized().utf8))
        #expect(JSONNumber(literal: "1e400")?.doubleValue == nil)
    }
}
