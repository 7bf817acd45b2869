import SigilHMAC
import SigilSHA2
import SigilTestSupport
import Testing

/// Every case of Wycheproof's HMAC files, truncated tags and invalid cases included.
@Suite("Wycheproof HMAC")
struct WycheproofHMACTests {
    @Test("HMAC-SHA256: 174 cases (66 valid, 108 invalid)")
    func sha256() throws {
        try check(SHA256.self, file: "wycheproof/hmac_sha256_test.json")
    }

    @Test("HMAC-SHA384: 174 cases (66 valid, 108 invalid)")
    func sha384() throws {
        try check(SHA384.self, file: "wycheproof/hmac_sha384_test.json")
    }

    @Test("HMAC-SHA512: 174 cases (66 valid, 108 invalid)")
    func sha512() throws {
        try check(SHA512.self, file: "wycheproof/hmac_sha512_test.json")
    }

    /// A full-size tag is checked with `isValidAuthenticationCode`, a shorter one (the group's
    /// `tagSize`) with `isValidAuthenticationCode(_:authenticating:truncatedTo:)`; both through `HMAC` one-shot and
    /// through a prepared `HMACKey`.
    ///
    /// Every result must match the file's `valid`/`invalid`.
    private func check<H: HashFunction>(_: H.Type, file: String) throws {
        let root = try Vectors.jsonObject(file)
        let groups = try #require(root["testGroups"] as? [[String: Any]])
        var total = 0
        var valid = 0
        var invalid = 0
        var truncated = 0
        for group in groups {
            let tagBits = try #require(group["tagSize"] as? Int)
            let tests = try #require(group["tests"] as? [[String: Any]])
            for test in tests {
                let id = try #require(test["tcId"] as? Int)
                let key = SymmetricKey(data: try test.hexBytes("key"))
                let message = try test.hexBytes("msg")
                let tag = try test.hexBytes("tag")
                let result = try #require(test["result"] as? String)
                #expect(result == "valid" || result == "invalid", "tcId \(id)")
                let expected = result == "valid"

                let fullMac = Array(HMAC<H>.authenticationCode(for: message, using: key))
                #expect((Array(fullMac.prefix(tagBits / 8)) == tag) == expected, "tcId \(id) recomputed")

                let prepared = HMACKey<H>(key)
                if tagBits / 8 == H.byteCount {
                    #expect(HMAC<H>.isValidAuthenticationCode(tag, authenticating: message, using: key) == expected)
                    #expect(prepared.isValidAuthenticationCode(tag, authenticating: message) == expected, "tcId \(id)")
                } else {
                    truncated += 1
                    let byteCount = tagBits / 8
                    #expect(
                        HMAC<H>.isValidAuthenticationCode(
                            tag, authenticating: message, using: key, truncatedTo: byteCount)
                            == expected,
                        "tcId \(id)"
                    )
                    #expect(
                        prepared.isValidAuthenticationCode(tag, authenticating: message, truncatedTo: byteCount)
                            == expected
                    )
                    // A truncated tag never passes the full-length check.
                    #expect(!prepared.isValidAuthenticationCode(tag, authenticating: message), "tcId \(id)")
                }
                total += 1
                if expected { valid += 1 } else { invalid += 1 }
            }
        }
        #expect(total == 174)
        #expect(valid == 66)
        #expect(invalid == 108)
        #expect(truncated > 0)
        #expect(root["numberOfTests"] as? Int == 174)
    }
}
