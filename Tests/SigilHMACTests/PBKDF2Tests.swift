import SigilHMAC
import SigilSHA2
import SigilTestSupport
import Testing

/// PBKDF2 (RFC 8018 §5.2) known answers and parameter errors.
@Suite("PBKDF2")
struct PBKDF2Tests {
    /// Vectors/rfc/pbkdf2_hmac_sha256.json: RFC 7914 §11 and RFC 6070 inputs with HMAC-SHA-256.
    ///
    /// tcId 6 (16,777,216 iterations, marked `slow`) runs only in release builds
    /// (`swift test -c release`); debug builds skip it and check the other 7.
    @Test("PBKDF2-HMAC-SHA256: 8 cases (the slow one only in release builds)")
    func rfcVectors() throws {
        let root = try Vectors.jsonObject("rfc/pbkdf2_hmac_sha256.json")
        let tests = try #require(root["tests"] as? [[String: Any]])
        #expect(tests.count == 8)
        #expect(root["numberOfTests"] as? Int == 8)
        var checked = 0
        var skipped = 0
        for test in tests {
            let id = try #require(test["tcId"] as? Int)
            if test["slow"] as? Bool == true {
                #if DEBUG
                skipped += 1
                continue
                #endif
            }
            let password = try test.hexBytes("passwordHex")
            let salt = try test.hexBytes("saltHex")
            let iterations = try #require(test["iterations"] as? Int)
            let length = try #require(test["dkLen"] as? Int)
            let expected = try test.hexBytes("dkHex")
            let derived = try PBKDF2<SHA256>.deriveKey(
                from: password,
                salt: salt,
                iterations: iterations,
                outputByteCount: length
            )
            #expect(derived == expected, "tcId \(id)")
            checked += 1
        }
        #if DEBUG
        #expect(checked == 7 && skipped == 1)
        #else
        #expect(checked == 8 && skipped == 0)
        #endif
    }

    /// Values computed with Python's `hashlib.pbkdf2_hmac`.
    @Test("PBKDF2-HMAC-SHA512 and -SHA384 against hashlib: 4 known values")
    func sha512KnownValues() throws {
        #expect(
            try PBKDF2<SHA512>.deriveKey(
                from: Array("password".utf8),
                salt: Array("salt".utf8),
                iterations: 1,
                outputByteCount: 64
            ).hexString
                == "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"
        )
        #expect(
            try PBKDF2<SHA512>.deriveKey(
                from: Array("password".utf8),
                salt: Array("salt".utf8),
                iterations: 4096,
                outputByteCount: 64
            ).hexString
                == "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5"
                + "143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5"
        )
        // Two output blocks, the second truncated.
        #expect(
            try PBKDF2<SHA512>.deriveKey(
                from: Array("passwordPASSWORDpassword".utf8),
                salt: Array("saltSALTsaltSALTsaltSALTsaltSALTsalt".utf8),
                iterations: 1000,
                outputByteCount: 100
            ).hexString
                == "0e28f3efa802a2f0cd3b4ace5e3d9afadb7c2dccc5ef10eedb8a6564dfb0c9a6"
                + "3b6f46b1e150587b9fe7875cfaf999d00b454bb7d74295c60df1bbe5f8f36da1"
                + "88271db22110efda5cc9eeafb0ab29697849379903421d54eee3949344c72873"
                + "d6ce9742"
        )
        #expect(
            try PBKDF2<SHA384>.deriveKey(
                from: Array("password".utf8),
                salt: Array("salt".utf8),
                iterations: 2,
                outputByteCount: 48
            ).hexString
                == "54f775c6d790f21930459162fc535dbf04a939185127016a04176a0730c6f1f4"
                + "fb48832ad1261baadd2cedd50814b1c8"
        )
    }

    @Test("A password longer than a block, a 5-byte output, and the SymmetricKey overload")
    func longPasswordShortOutput() throws {
        let password = Array(repeating: UInt8(ascii: "k"), count: 100)
        #expect(
            try PBKDF2<SHA256>.deriveKey(from: password, salt: Array("salt".utf8), iterations: 3, outputByteCount: 5)
                .hexString == "219c68bb88"
        )
        #expect(
            try PBKDF2<SHA256>.deriveKey(
                from: SymmetricKey(data: password),
                salt: Array("salt".utf8),
                iterations: 3,
                outputByteCount: 5
            ).hexString == "219c68bb88"
        )
    }

    @Test("Iteration counts below 1 are rejected", arguments: [0, -1, Int.min])
    func invalidIterations(iterations: Int) {
        #expect(PBKDF2<SHA256>.maximumOutputByteCount == 65_536)
        let error = #expect(throws: PBKDF2Error.self) {
            try PBKDF2<SHA256>.deriveKey(from: [1], salt: [2], iterations: iterations, outputByteCount: 32)
        }
        #expect(error?.code == .invalidIterationCount)
        #expect(error?.description.contains("iteration") == true)
    }

    @Test("Output lengths outside 1…65,536 are rejected", arguments: [0, -1, 65_537, Int.max])
    func invalidOutputLength(length: Int) {
        let error = #expect(throws: PBKDF2Error.self) {
            try PBKDF2<SHA512>.deriveKey(from: [1], salt: [2], iterations: 1, outputByteCount: length)
        }
        #expect(error?.code == .invalidOutputByteCount)
    }

    @Test("The maximum output length is accepted")
    func maximumOutputLength() throws {
        let derived = try PBKDF2<SHA512>.deriveKey(from: [1], salt: [2], iterations: 1, outputByteCount: 65_536)
        #expect(derived.count == 65_536)
        let prefix = try PBKDF2<SHA512>.deriveKey(from: [1], salt: [2], iterations: 1, outputByteCount: 200)
        #expect(Array(derived.prefix(200)) == prefix)
    }
}
