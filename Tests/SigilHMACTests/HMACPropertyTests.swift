import SigilHMAC
import SigilSHA2
import SigilTestSupport
import Testing

/// The HMAC API's properties: prepared keys, streaming, tag checks and key secrecy.
@Suite("HMAC properties")
struct HMACPropertyTests {
    private static let message = Array("The JWT signing input: header.payload".utf8)

    @Test("HMACKey, streaming HMAC and one-shot HMAC agree, for every key length 0…300")
    func preparedKeyEqualsOneShot() {
        for keyLength in [0, 1, 31, 32, 63, 64, 65, 127, 128, 129, 300] {
            let key = SymmetricKey(data: (0..<keyLength).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            agree(SHA256.self, key: key)
            agree(SHA384.self, key: key)
            agree(SHA512.self, key: key)
        }
    }

    private func agree<H: HashFunction>(_: H.Type, key: SymmetricKey) {
        let oneShot = HMAC<H>.authenticationCode(for: Self.message, using: key)
        let prepared = HMACKey<H>(key)
        #expect(prepared.authenticationCode(for: Self.message) == oneShot)
        #expect(Self.message.withUnsafeBytes { prepared.authenticationCode(for: $0) } == oneShot)
        // The prepared key is reusable: a second MAC starts from the same state.
        #expect(prepared.authenticationCode(for: Self.message) == oneShot)
        var streaming = prepared.makeHMAC()
        streaming.update(data: Self.message[..<5])
        let partial = streaming.finalize()
        streaming.update(data: Self.message[5...])
        #expect(streaming.finalize() == oneShot)
        #expect(partial == HMAC<H>.authenticationCode(for: Self.message[..<5], using: key))
        var fromKey = HMAC<H>(key: key)
        Self.message.withUnsafeBytes { fromKey.update(bufferPointer: $0) }
        #expect(fromKey.finalize() == oneShot)
        #expect(oneShot.byteCount == H.byteCount)
        #expect(HashedAuthenticationCode<H>.byteCount == H.byteCount)
        #expect(oneShot.withUnsafeBytes { Array($0) } == Array(oneShot))
        #expect(oneShot.description == Array(oneShot).hexString)
        #expect(HMAC<H>.isValidAuthenticationCode(oneShot, authenticating: Self.message, using: key))
        #expect(prepared.isValidAuthenticationCode(Array(oneShot), authenticating: Self.message))
    }

    @Test("A long key is hashed first (RFC 2104 §2)")
    func longKeyIsHashed() {
        let long = (0..<200).map { UInt8(truncatingIfNeeded: $0) }
        let hashed = Array(SHA256.hash(data: long))
        #expect(
            HMAC<SHA256>.authenticationCode(for: Self.message, using: SymmetricKey(data: long))
                == HMAC<SHA256>.authenticationCode(for: Self.message, using: SymmetricKey(data: hashed))
        )
    }

    @Test("Tag checks reject wrong, short, long, empty and bit-flipped tags")
    func tagRejections() {
        let key = SymmetricKey(data: Array(repeating: 0x0b, count: 32))
        let prepared = HMACKey<SHA256>(key)
        let tag = Array(prepared.authenticationCode(for: Self.message))
        #expect(prepared.isValidAuthenticationCode(tag, authenticating: Self.message))
        #expect(!prepared.isValidAuthenticationCode(tag, authenticating: Self.message + [0]))
        #expect(!prepared.isValidAuthenticationCode([], authenticating: Self.message))
        #expect(!prepared.isValidAuthenticationCode(tag.dropLast(), authenticating: Self.message))
        #expect(!prepared.isValidAuthenticationCode(tag + [0], authenticating: Self.message))
        // Non-contiguous tag sequences take the gathering path.
        #expect(prepared.isValidAuthenticationCode(tag.lazy.map { $0 }, authenticating: Self.message))
        #expect(!prepared.isValidAuthenticationCode((tag + [0]).lazy.map { $0 }, authenticating: Self.message))
        for index in tag.indices {
            for bit in 0..<8 {
                var flipped = tag
                flipped[index] ^= 1 << bit
                #expect(!prepared.isValidAuthenticationCode(flipped, authenticating: Self.message))
            }
        }
    }

    @Test("Truncated tags: the caller's length from the documented minimum to full, nothing else")
    func truncatedTags() {
        let key = SymmetricKey(data: Array(repeating: 0x0c, count: 20))
        #expect(HMAC<SHA256>.minimumTruncatedByteCount == 16)
        #expect(HMAC<SHA384>.minimumTruncatedByteCount == 16)
        #expect(HMAC<SHA512>.minimumTruncatedByteCount == 16)
        let prepared = HMACKey<SHA256>(key)
        let tag = Array(prepared.authenticationCode(for: Self.message))
        for length in -1...(tag.count + 1) {
            let prefix = Array(tag.prefix(Swift.max(0, length)))
            let allowed = length >= 16 && length <= 32
            #expect(
                prepared.isValidAuthenticationCode(prefix, authenticating: Self.message, truncatedTo: length)
                    == allowed,
                "length \(length)"
            )
            #expect(
                HMAC<SHA256>.isValidAuthenticationCode(
                    prefix, authenticating: Self.message, using: key, truncatedTo: length)
                    == allowed
            )
        }
        // The tag must have exactly the policy's length.
        #expect(!prepared.isValidAuthenticationCode(tag.prefix(20), authenticating: Self.message, truncatedTo: 16))
        #expect(!prepared.isValidAuthenticationCode(tag.prefix(16), authenticating: Self.message, truncatedTo: 20))
        #expect(!prepared.isValidAuthenticationCode(tag + [0], authenticating: Self.message, truncatedTo: 33))
        var wrong = Array(tag.prefix(16))
        wrong[15] ^= 0x80
        #expect(!prepared.isValidAuthenticationCode(wrong, authenticating: Self.message, truncatedTo: 16))
        #expect(
            prepared.isValidAuthenticationCode(
                tag.prefix(16).lazy.map { $0 }, authenticating: Self.message, truncatedTo: 16))
        #expect(
            !prepared.isValidAuthenticationCode(
                tag.prefix(17).lazy.map { $0 }, authenticating: Self.message, truncatedTo: 16))
    }

    @Test("constantTimeEquals compares contents and lengths")
    func constantTime() {
        let a: [UInt8] = [1, 2, 3, 4]
        a.withUnsafeBytes { a in
            #expect(constantTimeEquals(a, a))
            [1, 2, 3, 5].withUnsafeBytes { b in #expect(!constantTimeEquals(a, b)) }
            [9, 2, 3, 4].withUnsafeBytes { b in #expect(!constantTimeEquals(a, b)) }
            [1, 2, 3].withUnsafeBytes { b in #expect(!constantTimeEquals(a, b)) }
            [UInt8]().withUnsafeBytes { b in #expect(!constantTimeEquals(a, b)) }
        }
        [UInt8]().withUnsafeBytes { empty in #expect(constantTimeEquals(empty, empty)) }
    }

    @Test("SymmetricKey: sizes, randomness, equality, and a description without the bytes")
    func symmetricKey() {
        let bytes: [UInt8] = [0xde, 0xad, 0xbe, 0xef, 0x42]
        let key = SymmetricKey(data: bytes)
        #expect(key.bitCount == 40)
        #expect(key.withUnsafeBytes { Array($0) } == bytes)
        #expect(key.description == "SymmetricKey(bitCount: 40)")
        #expect(!key.description.contains("dead") && !key.description.contains("222"))
        #expect(!HMACKey<SHA256>(key).description.contains("de"))
        #expect(key == SymmetricKey(data: bytes))
        #expect(key != SymmetricKey(data: bytes.dropLast()))
        #expect(key != SymmetricKey(data: [0xde, 0xad, 0xbe, 0xef, 0x43]))

        let random1 = SymmetricKey(size: .bits256)
        let random2 = SymmetricKey(size: .bits256)
        #expect(random1.bitCount == 256)
        #expect(random1 != random2)
        #expect(SymmetricKey(size: .bits128).bitCount == 128)
        #expect(SymmetricKey(size: .bits192).bitCount == 192)
        #expect(SymmetricKey(size: .bits512).bitCount == 512)
        #expect(SymmetricKey(size: SymmetricKeySize(bitCount: 12)).bitCount == 16)
        #expect(SymmetricKey(size: SymmetricKeySize(bitCount: -5)).bitCount == 0)
    }
}
