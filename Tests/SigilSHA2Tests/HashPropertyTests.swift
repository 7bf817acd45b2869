import SigilSHA2
import SigilTestSupport
import Testing

/// A byte sequence that is deliberately not contiguous, to exercise the copying path.
private struct ByteStream: Sequence {
    var bytes: [UInt8]
    func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }
}

/// Properties of the streaming API, checked for all three hash functions.
@Suite("Hash function properties")
struct HashPropertyTests {
    enum Function: String, CaseIterable, Sendable {
        case sha256, sha384, sha512
    }

    @Test("Updates chunked at random boundaries equal the one-shot digest", arguments: Function.allCases)
    func randomChunking(function: Function) {
        switch function {
        case .sha256: checkRandomChunking(SHA256.self, seed: 1)
        case .sha384: checkRandomChunking(SHA384.self, seed: 2)
        case .sha512: checkRandomChunking(SHA512.self, seed: 3)
        }
    }

    @Test("A copied hasher diverges independently", arguments: Function.allCases)
    func copiesAreIndependent(function: Function) {
        switch function {
        case .sha256: checkCopies(SHA256.self)
        case .sha384: checkCopies(SHA384.self)
        case .sha512: checkCopies(SHA512.self)
        }
    }

    @Test("finalize() does not mutate: updating afterwards continues the message", arguments: Function.allCases)
    func finalizeIsNonMutating(function: Function) {
        switch function {
        case .sha256: checkFinalizeNonMutating(SHA256.self)
        case .sha384: checkFinalizeNonMutating(SHA384.self)
        case .sha512: checkFinalizeNonMutating(SHA512.self)
        }
    }

    @Test("Contiguous and non-contiguous inputs give the same digest", arguments: Function.allCases)
    func inputShapes(function: Function) {
        switch function {
        case .sha256: checkInputShapes(SHA256.self)
        case .sha384: checkInputShapes(SHA384.self)
        case .sha512: checkInputShapes(SHA512.self)
        }
    }

    private func checkRandomChunking<H: HashFunction>(_: H.Type, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for length in [0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 200, 1000, 4099] {
            let message = random.bytes(length)
            let expected = H.hash(data: message)
            for _ in 0..<8 {
                var hasher = H()
                var offset = 0
                while offset < message.count {
                    let step = Int.random(in: 0...Swift.min(300, message.count - offset), using: &random)
                    hasher.update(data: message[offset..<(offset + step)])
                    offset += step
                }
                #expect(hasher.finalize() == expected, "length \(length)")
            }
        }
    }

    private func checkCopies<H: HashFunction>(_: H.Type) {
        let prefix = Array(repeating: UInt8(0x61), count: 100)
        var original = H()
        original.update(data: prefix)
        var copy = original
        original.update(data: [1, 2, 3])
        copy.update(data: [4, 5, 6])
        #expect(original.finalize() == H.hash(data: prefix + [1, 2, 3]))
        #expect(copy.finalize() == H.hash(data: prefix + [4, 5, 6]))
        #expect(original.finalize() != copy.finalize())
    }

    private func checkFinalizeNonMutating<H: HashFunction>(_: H.Type) {
        var random = SplitMix64(seed: 7)
        let first = random.bytes(150)
        let second = random.bytes(77)
        var hasher = H()
        hasher.update(data: first)
        let early = hasher.finalize()
        #expect(hasher.finalize() == early)
        #expect(early == H.hash(data: first))
        hasher.update(data: second)
        #expect(hasher.finalize() == H.hash(data: first + second))
    }

    private func checkInputShapes<H: HashFunction>(_: H.Type) {
        for length in [0, 3, 64, 127, 128, 129, 300, 1025] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
            let expected = H.hash(data: message)
            #expect(H.hash(data: ByteStream(bytes: message)) == expected)
            #expect(H.hash(data: message.lazy.map { $0 }) == expected)
            #expect(H.hash(data: ArraySlice(message)) == expected)
            #expect(H.hash(data: ContiguousArray(message)) == expected)
            #expect(message.withUnsafeBytes { H.hash(data: $0) } == expected)
            #expect(message.withUnsafeBytes { H.hash(bufferPointer: $0) } == expected)
            var streamed = H()
            streamed.update(data: ByteStream(bytes: message))
            streamed.update(data: ByteStream(bytes: message))
            #expect(streamed.finalize() == H.hash(data: message + message))
        }
        let text = "The quick brown fox jumps over the lazy dog"
        #expect(H.hash(data: text.utf8) == H.hash(data: Array(text.utf8)))
    }
}
