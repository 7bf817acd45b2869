import SigilSHA2
import SigilTestSupport
import Testing

/// Every case of the NIST CAVP SHAVS byte-oriented files (Vectors/nist-cavp-shavs).
@Suite("NIST SHAVS")
struct SHAVSTests {
    @Test("SHA-256 ShortMsg: 65 cases")
    func sha256ShortMsg() throws {
        try checkMessages(SHA256.self, file: "SHA256ShortMsg.rsp", expectedCount: 65)
    }

    @Test("SHA-256 LongMsg: 64 cases")
    func sha256LongMsg() throws {
        try checkMessages(SHA256.self, file: "SHA256LongMsg.rsp", expectedCount: 64)
    }

    @Test("SHA-256 Monte: 100 checkpoints")
    func sha256Monte() throws {
        try checkMonte(SHA256.self, file: "SHA256Monte.rsp")
    }

    @Test("SHA-384 ShortMsg: 129 cases")
    func sha384ShortMsg() throws {
        try checkMessages(SHA384.self, file: "SHA384ShortMsg.rsp", expectedCount: 129)
    }

    @Test("SHA-384 LongMsg: 128 cases")
    func sha384LongMsg() throws {
        try checkMessages(SHA384.self, file: "SHA384LongMsg.rsp", expectedCount: 128)
    }

    @Test("SHA-384 Monte: 100 checkpoints")
    func sha384Monte() throws {
        try checkMonte(SHA384.self, file: "SHA384Monte.rsp")
    }

    @Test("SHA-512 ShortMsg: 129 cases")
    func sha512ShortMsg() throws {
        try checkMessages(SHA512.self, file: "SHA512ShortMsg.rsp", expectedCount: 129)
    }

    @Test("SHA-512 LongMsg: 128 cases")
    func sha512LongMsg() throws {
        try checkMessages(SHA512.self, file: "SHA512LongMsg.rsp", expectedCount: 128)
    }

    @Test("SHA-512 Monte: 100 checkpoints")
    func sha512Monte() throws {
        try checkMonte(SHA512.self, file: "SHA512Monte.rsp")
    }

    /// Hashes every message one-shot and streamed in two halves.
    private func checkMessages<H: HashFunction>(_: H.Type, file: String, expectedCount: Int) throws {
        let cases = try SHAVSFile.messageCases(file)
        #expect(cases.count == expectedCount)
        var checked = 0
        for testCase in cases {
            #expect(testCase.message.count * 8 == testCase.bitLength, "\(file) \(testCase)")
            #expect(testCase.digest.count == H.byteCount)
            #expect(Array(H.hash(data: testCase.message)) == testCase.digest, "\(file) \(testCase)")
            var hasher = H()
            let half = testCase.message.count / 2
            hasher.update(data: testCase.message[..<half])
            hasher.update(data: testCase.message[half...])
            #expect(Array(hasher.finalize()) == testCase.digest, "\(file) \(testCase) streamed")
            checked += 1
        }
        #expect(checked == expectedCount)
    }

    /// The SHAVS Monte Carlo procedure (Vectors/README.md): for j = 0…99, MD0 = MD1 = MD2 =
    /// Seed; MDi = H(MDi-3 ‖ MDi-2 ‖ MDi-1) for i = 3…1002; checkpoint j is MD1002, the next Seed.
    private func checkMonte<H: HashFunction>(_: H.Type, file: String) throws {
        let (initialSeed, checkpoints) = try SHAVSFile.monte(file)
        #expect(checkpoints.count == 100)
        #expect(initialSeed.count == H.byteCount)
        var seed = initialSeed
        for (index, checkpoint) in checkpoints.enumerated() {
            #expect(checkpoint.count == index)
            var md0 = seed
            var md1 = seed
            var md2 = seed
            for _ in 3...1002 {
                var hasher = H()
                hasher.update(data: md0)
                hasher.update(data: md1)
                hasher.update(data: md2)
                let next = Array(hasher.finalize())
                md0 = md1
                md1 = md2
                md2 = next
            }
            #expect(md2 == checkpoint.digest, "\(file) COUNT = \(index)")
            seed = md2
        }
    }
}
