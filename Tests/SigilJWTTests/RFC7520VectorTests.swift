import SigilBase64
import SigilJSON
import SigilJWT
import SigilTestSupport
import Testing

/// RFC 7520 §4 (JOSE Cookbook) signatures from Vectors/rfc/rfc7520_jws.json: the HS256 and
/// RS256 ones verify, the ES512 one is reported unsupported.
///
/// The payload is text, not a claims set, so these go through the raw JWS operations.
@Suite("RFC 7520 vectors")
struct RFC7520VectorTests {
    struct Signature: Sendable, CustomStringConvertible {
        let section: String
        let index: Int
        let example: JSONObject
        let signature: JSONObject
        var description: String { "§\(section) signature \(index)" }
    }

    static func signatures() throws -> [Signature] {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc7520_jws.json"))
        var result: [Signature] = []
        for test in try #require(file["tests"]?.arrayValue) {
            let example = try #require(test.objectValue)
            let section = try #require(example["rfcSection"]?.stringValue)
            for (index, signature) in try #require(example["signatures"]?.arrayValue).enumerated() {
                result.append(
                    Signature(
                        section: section, index: index, example: example, signature: try #require(signature.objectValue)
                    ))
            }
        }
        return result
    }

    @Test("6 examples with 8 signatures, all checked")
    func counts() throws {
        let file = try JSONValue.parse(Vectors.text("rfc/rfc7520_jws.json"))
        #expect(file["numberOfTests"]?.numberValue?.int64Value == 6)
        #expect(try Self.signatures().count == 8)
        #expect(Set(try Self.signatures().map(\.section)).count == 6)
    }

    @Test("each signature verifies, ES512 (§4.3) included", arguments: try signatures())
    func signature(_ vector: Signature) throws {
        let name = try #require(vector.signature["alg"]?.stringValue)
        let jwk = try #require(vector.signature["key"]?["jwk"]).serialized()
        let algorithm = try #require(JWTAlgorithm(rawValue: name))
        let implemented =
            JWTAlgorithm.hmacAlgorithms + JWTAlgorithm.rsaPKCS1Algorithms + JWTAlgorithm.rsaPSSAlgorithms
            + JWTAlgorithm.ecdsaAlgorithms + JWTAlgorithm.edDSAAlgorithms
        // Every signature of the cookbook, ES512 (§4.3) included, is in a family Sigil implements.
        #expect(implemented.contains(algorithm))
        let key = try JWTKey(jwk: jwk, algorithm: algorithm)
        #expect(key.keyID == vector.signature["key"]?["jwk"]?["kid"]?.stringValue)

        // The raw check over the cookbook's signing input.
        let input = Array(try #require(vector.signature["signingInput"]?.stringValue).utf8)
        let signature = try Base64URL.decode(try #require(vector.signature["signatureB64u"]?.stringValue))
        #expect(key.isValidSignature(signature, for: input))
        var tampered = signature
        tampered[0] ^= 1
        #expect(!key.isValidSignature(tampered, for: input))
        if JWTAlgorithm.hmacAlgorithms.contains(algorithm) {
            // HMAC is deterministic: signing reproduces the cookbook's signature.
            #expect(try key.signature(for: input) == signature)
        }

        // The compact serialization, where the example has one (§4.1, §4.4, and §4.5 with
        // its detached payload put back).
        guard var compact = vector.example["compact"]?.stringValue else { return }
        if vector.example["detachedPayload"]?.boolValue == true {
            let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
            compact = parts[0] + "." + (vector.example["payloadB64u"]?.stringValue ?? "") + "." + parts[2]
        }
        let verified = try JWTVerifier(key: key).verifySignature(compact)
        #expect(verified.payload == Array(try #require(vector.example["payloadUtf8"]?.stringValue).utf8))
        #expect(verified.keyID == key.keyID)
    }
}
