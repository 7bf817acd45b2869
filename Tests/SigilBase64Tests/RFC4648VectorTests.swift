import SigilBase64
import SigilTestSupport
import Testing

/// Every row of `Vectors/rfc/rfc4648_base64.json`: 17 encodings in three forms, and 10
/// inputs a strict unpadded base64url decoder must reject.
@Suite("RFC 4648 vectors")
struct RFC4648VectorTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var id: Int
        var bytes: [UInt8]
        var base64: String
        var base64url: String
        var base64urlNoPad: String
        var testDescription: String { "tcId \(id)" }
    }

    static let file = "rfc/rfc4648_base64.json"

    static func rows() throws -> [Row] {
        let json = try Vectors.jsonObject(file)
        let tests = try #require(json["tests"] as? [[String: Any]])
        return try tests.map { test in
            let hex = try #require(test["inputHex"] as? String)
            return Row(
                id: try #require(test["tcId"] as? Int),
                bytes: try #require([UInt8](hex: hex)),
                base64: try #require(test["base64"] as? String),
                base64url: try #require(test["base64url"] as? String),
                base64urlNoPad: try #require(test["base64urlNoPad"] as? String)
            )
        }
    }

    @Test("17 encodings: base64, base64url without padding, and PHC-style unpadded base64")
    func encodings() throws {
        let rows = try Self.rows()
        #expect(rows.count == 17)
        for row in rows {
            #expect(Base64.encode(row.bytes) == row.base64, "tcId \(row.id)")
            #expect(try Base64.decode(row.base64) == row.bytes, "tcId \(row.id)")
            #expect(Base64URL.encode(row.bytes) == row.base64urlNoPad, "tcId \(row.id)")
            #expect(try Base64URL.decode(row.base64urlNoPad) == row.bytes, "tcId \(row.id)")

            let unpadded = String(row.base64.prefix { $0 != "=" })
            #expect(Base64.encode(row.bytes, padding: false) == unpadded, "tcId \(row.id)")
            #expect(try Base64.decode(unpadded, padding: .forbidden) == row.bytes, "tcId \(row.id)")

            // The padded base64url column is never accepted by the JWS decoder when it has padding.
            if row.base64url.contains("=") {
                #expect(throws: Base64Error.self, "tcId \(row.id)") { try Base64URL.decode(row.base64url) }
            }
        }
    }

    @Test("10 must-reject base64url inputs")
    func invalidInputs() throws {
        let json = try Vectors.jsonObject(Self.file)
        let invalid = try #require(json["invalidBase64urlNoPad"] as? [[String: Any]])
        #expect(invalid.count == 10)
        for test in invalid {
            let input = try #require(test["input"] as? String)
            let id = try #require(test["tcId"] as? Int)
            #expect(throws: Base64Error.self, "tcId \(id)") { try Base64URL.decode(input) }
        }
    }
}
