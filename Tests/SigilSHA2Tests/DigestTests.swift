import SigilSHA2
import SigilTestSupport
import Testing

/// Known answers from FIPS 180-4's examples, and the digest value semantics.
@Suite("Digests")
struct DigestTests {
    @Test("FIPS 180-4 example \"abc\" for SHA-256, SHA-384 and SHA-512")
    func abc() {
        let abc = Array("abc".utf8)
        #expect(
            SHA256.hash(data: abc).description
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
        #expect(
            SHA384.hash(data: abc).description
                == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7"
        )
        #expect(
            SHA512.hash(data: abc).description
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        )
    }

    @Test("One million 'a' (FIPS 180-2 long example) for SHA-256 and SHA-512")
    func millionA() {
        var sha256 = SHA256()
        var sha512 = SHA512()
        let chunk = Array(repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 {
            sha256.update(data: chunk)
            sha512.update(data: chunk)
        }
        #expect(
            sha256.finalize().description
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
        #expect(
            sha512.finalize().description
                == "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
                + "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        )
    }

    @Test("Sizes, iteration, withUnsafeBytes and hex agree")
    func sizesAndBytes() {
        let digest256 = SHA256.hash(data: [UInt8]())
        let digest384 = SHA384.hash(data: [UInt8]())
        let digest512 = SHA512.hash(data: [UInt8]())
        #expect(SHA256.byteCount == 32 && SHA256.blockByteCount == 64 && SHA256Digest.byteCount == 32)
        #expect(SHA384.byteCount == 48 && SHA384.blockByteCount == 128 && SHA384Digest.byteCount == 48)
        #expect(SHA512.byteCount == 64 && SHA512.blockByteCount == 128 && SHA512Digest.byteCount == 64)
        #expect(Array(digest256).count == 32 && digest256.byteCount == 32)
        #expect(Array(digest384).count == 48)
        #expect(Array(digest512).count == 64)
        #expect(digest256.withUnsafeBytes { Array($0) } == Array(digest256))
        #expect(digest384.withUnsafeBytes { Array($0) } == Array(digest384))
        #expect(digest512.withUnsafeBytes { Array($0) } == Array(digest512))
        #expect(Array(digest256).hexString == digest256.description)
        #expect(Array(digest384).hexString == digest384.description)
        #expect(Array(digest512).hexString == digest512.description)
        #expect(digest256.description == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("Equality, inequality in any byte, and hashing")
    func equality() {
        let a = SHA256.hash(data: Array("a".utf8))
        let b = SHA256.hash(data: Array("b".utf8))
        #expect(a == SHA256.hash(data: Array("a".utf8)))
        #expect(a != b)
        #expect(Set([a, b, SHA256.hash(data: Array("a".utf8))]).count == 2)
        let x = SHA512.hash(data: Array("x".utf8))
        #expect(x == SHA512.hash(data: Array("x".utf8)))
        #expect(x != SHA512.hash(data: Array("y".utf8)))
        #expect(SHA384.hash(data: [1]) != SHA384.hash(data: [2]))
    }

    @Test("withUnsafeBytes passes a typed error through")
    func typedThrows() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try SHA256.hash(data: [UInt8]()).withUnsafeBytes { (_) throws(Stop) -> Int in throw Stop() }
        }
    }
}
