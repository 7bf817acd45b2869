import SigilHMAC
import SigilSHA2
import SigilTestSupport
import Testing

/// RFC 4231 §4 test cases 1–7 for HMAC-SHA-256/384/512 (Vectors/rfc/rfc4231_hmac.json).
@Suite("RFC 4231")
struct RFC4231Tests {
    @Test("RFC 4231: 21 cases, including truncated test case 5")
    func allCases() throws {
        let root = try Vectors.jsonObject("rfc/rfc4231_hmac.json")
        let tests = try #require(root["tests"] as? [[String: Any]])
        var checked = 0
        var truncatedCases = 0
        for test in tests {
            let id = try #require(test["tcId"] as? Int)
            let algorithm = try #require(test["algorithm"] as? String)
            let key = SymmetricKey(data: try test.hexBytes("keyHex"))
            let data = try test.hexBytes("dataHex")
            let mac = try test.hexBytes("macHex")
            let isTruncated = test["truncated"] as? Bool ?? false
            if isTruncated { truncatedCases += 1 }
            switch algorithm {
            case "HMAC-SHA-256": check(SHA256.self, key: key, data: data, mac: mac, truncated: isTruncated, id: id)
            case "HMAC-SHA-384": check(SHA384.self, key: key, data: data, mac: mac, truncated: isTruncated, id: id)
            case "HMAC-SHA-512": check(SHA512.self, key: key, data: data, mac: mac, truncated: isTruncated, id: id)
            default: Issue.record("tcId \(id): unknown algorithm \(algorithm)")
            }
            checked += 1
        }
        #expect(checked == 21)
        #expect(truncatedCases == 3)
    }

    private func check<H: HashFunction>(
        _: H.Type,
        key: SymmetricKey,
        data: [UInt8],
        mac: [UInt8],
        truncated: Bool,
        id: Int
    ) {
        let computed = Array(HMAC<H>.authenticationCode(for: data, using: key))
        #expect(computed.count == H.byteCount)
        if truncated {
            #expect(Array(computed.prefix(mac.count)) == mac, "tcId \(id)")
            #expect(
                HMAC<H>.isValidAuthenticationCode(mac, authenticating: data, using: key, truncatedTo: mac.count),
                "tcId \(id)"
            )
            #expect(!HMAC<H>.isValidAuthenticationCode(mac, authenticating: data, using: key), "tcId \(id)")
        } else {
            #expect(computed == mac, "tcId \(id)")
            #expect(HMAC<H>.isValidAuthenticationCode(mac, authenticating: data, using: key), "tcId \(id)")
            #expect(HMACKey<H>(key).authenticationCode(for: data) == HMAC<H>.authenticationCode(for: data, using: key))
        }
    }
}
