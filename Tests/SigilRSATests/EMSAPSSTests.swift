import SigilSHA2
import SigilTestSupport
import Testing

@testable import SigilRSA

/// One way to spoil a valid EMSA-PSS encoding, each caught by a different step of
/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2).
enum EncodingDefect: String, CaseIterable, Sendable {
    case trailer  // step 4: the last byte is not 0xbc
    case leftmostBit  // step 6: a bit above emBits is set
    case firstPaddingByte  // step 10: DB[0] is not zero
    case lastPaddingByte  // step 10: the byte before the separator is not zero
    case separator  // step 10: 0x02 instead of 0x01
    case salt  // step 14: H′ differs (the salt changed)
    case hash  // step 14: H itself changed (and with it the mask)
    case messageHash  // step 14: another mHash
}

@Suite("EMSA-PSS and MGF1")
struct EMSAPSSTests {
    static let emBits = 2047
    static let saltCount = 32
    static let mHash = Array(SHA256.hash(data: Array("EMSA-PSS".utf8)))
    static let salt = (0..<saltCount).map { UInt8($0 &* 7 &+ 1) }

    static func encode(
        emBits: Int = emBits, mHash: [UInt8] = mHash, salt: [UInt8] = salt
    ) -> [UInt8]? {
        mHash.withUnsafeBytes { m in
            salt.withUnsafeBytes { s in
                EMSAPSS.encode(mHash: m, salt: s, emBits: emBits, hash: SHA256.self, maskHash: SHA256.self)
            }
        }
    }

    static func verify<MaskHash: HashFunction>(
        _ encoded: [UInt8], emBits: Int = emBits, mHash: [UInt8] = mHash, saltCount: Int = saltCount,
        maskHash: MaskHash.Type = SHA256.self
    ) -> Bool {
        var copy = encoded
        return mHash.withUnsafeBytes { m in
            copy.withUnsafeMutableBytes { em in
                EMSAPSS.verify(
                    mHash: m, encoded: em, emBits: emBits, saltByteCount: saltCount, hash: SHA256.self,
                    maskHash: MaskHash.self)
            }
        }
    }

    @Test("MGF1 known answers (SHA-256, SHA-384 over three blocks, SHA-512 with an empty seed)")
    func mgf1KnownAnswers() throws {
        func mask<Hash: HashFunction>(_ hash: Hash.Type, seed: String, count: Int) -> [UInt8] {
            var target = [UInt8](repeating: 0, count: count)
            Array(seed.utf8).withUnsafeBytes { s in
                target.withUnsafeMutableBytes { MGF1.applyMask(Hash.self, seed: s, to: $0) }
            }
            return target
        }
        #expect(mask(SHA256.self, seed: "Sigil", count: 3) == [UInt8](hex: "18090e"))
        #expect(
            mask(SHA384.self, seed: "Sigil", count: 100)
                == [UInt8](
                    hex: "c1109eb180ee692b6f4d6c4f7694799dae750fe013b24bead9cfd1593b562851"
                        + "609141406a2e9546b59c03f714b97637b37529f4f5d74b4b136efc4edfba5da5"
                        + "36990a3d81838ec2e6cc85af7c2d05cd3c4820b414b921f84c3d5a1e026b68ef"
                        + "0c89d09b"))
        #expect(
            mask(SHA512.self, seed: "", count: 129)
                == [UInt8](
                    hex: "ec2d57691d9b2d40182ac565032054b7d784ba96b18bcb5be0bb4e70e3fb041e"
                        + "ff582c8af66ee50256539f2181d7f9e53627c0189da7e75a4d5ef10ea93b20b3"
                        + "57c365278e08f99674dd24f08425b17c71b0511dea3b5ffa474deeb26d64cb99"
                        + "3ebda4650583b29cba6307d7f4dbb42ca11b093de2b8ecab16ff52445401facf"
                        + "4a"))
        #expect(mask(SHA256.self, seed: "Sigil", count: 0).isEmpty)
    }

    @Test("encode then verify, for every count of cleared bits", arguments: [2040, 2041, 2044, 2047, 2048, 2055])
    func roundTrip(emBits: Int) throws {
        let encoded = try #require(Self.encode(emBits: emBits))
        #expect(encoded.count == (emBits + 7) / 8)
        #expect(encoded.last == 0xbc)
        #expect(encoded[0].leadingZeroBitCount >= 8 * encoded.count - emBits)
        #expect(Self.verify(encoded, emBits: emBits))
        #expect(!Self.verify(encoded, emBits: emBits, saltCount: Self.saltCount - 1))
        #expect(!Self.verify(encoded, emBits: emBits, saltCount: Self.saltCount + 1))
        #expect(!Self.verify(encoded, emBits: emBits, maskHash: SHA384.self))
    }

    @Test("each defect is rejected", arguments: EncodingDefect.allCases)
    func defect(_ defect: EncodingDefect) throws {
        var encoded = try #require(Self.encode())
        var mHash = Self.mHash
        let paddingLength = encoded.count - 32 - Self.saltCount - 2
        let dbLength = encoded.count - 32 - 1
        switch defect {
        case .trailer: encoded[encoded.count - 1] = 0xbd
        case .leftmostBit: encoded[0] |= 0x80
        case .firstPaddingByte: encoded[0] ^= 0x01
        case .lastPaddingByte: encoded[paddingLength - 1] ^= 0x01
        case .separator: encoded[paddingLength] ^= 0x03
        case .salt: encoded[paddingLength + 1] ^= 0x01
        case .hash: encoded[dbLength] ^= 0x01
        case .messageHash: mHash[0] ^= 0x01
        }
        #expect(!Self.verify(encoded, mHash: mHash))
    }

    @Test("emLen < hLen + sLen + 2: no encoding, and verification is false")
    func tooShort() throws {
        // hLen + sLen + 2 = 66 bytes.
        #expect(Self.encode(emBits: 8 * 65) == nil)
        #expect(Self.encode(emBits: 8 * 65 + 1) != nil)
        let encoded = try #require(Self.encode(emBits: 8 * 66))
        #expect(Self.verify(encoded, emBits: 8 * 66))
        #expect(!Self.verify(Array(encoded.dropFirst()), emBits: 8 * 65))
        #expect(!Self.verify(encoded, emBits: 8 * 66, saltCount: Int.max))
        #expect(!Self.verify(encoded, emBits: 8 * 66, saltCount: -1))
        #expect(Self.encode(emBits: 0) == nil)
        #expect(!Self.verify([], emBits: 0))
    }

    @Test("an encoding of the wrong length, or a digest of the wrong length, is rejected")
    func wrongLengths() throws {
        let encoded = try #require(Self.encode())
        #expect(!Self.verify(encoded + [0xbc]))
        #expect(!Self.verify(Array(encoded.dropLast())))
        #expect(!Self.verify(encoded, mHash: Array(Self.mHash.dropLast())))
        #expect(Self.encode(mHash: Array(Self.mHash.dropLast())) == nil)
    }

    // MARK: - Through the RSA operation

    static func wycheproofKey() throws -> RSA.PrivateKey { try PSSSigningTests.wycheproofKey() }

    /// A defective encoding signed with the raw private operation does not verify: the
    /// checks run on the value the public key recovers, not only in isolation.
    @Test("raw-signed defective encodings are rejected", arguments: [EncodingDefect.trailer, .separator, .salt])
    func rawSignedDefect(_ defect: EncodingDefect) throws {
        let key = try Self.wycheproofKey()
        let message = Array("raw".utf8)
        let mHash = Array(SHA256.hash(data: message))
        var encoded = try #require(Self.encode(mHash: mHash))
        let good = try key.rawSignature(encodedMessage: encoded)
        #expect(key.publicKey.isValidPSSSignature(good, for: message, parameters: .jws(SHA256.self)))
        let paddingLength = encoded.count - 32 - Self.saltCount - 2
        switch defect {
        case .trailer: encoded[encoded.count - 1] = 0xbd
        case .separator: encoded[paddingLength] ^= 0x03
        default: encoded[paddingLength + 1] ^= 0x01
        }
        let bad = try key.rawSignature(encodedMessage: encoded)
        #expect(!key.publicKey.isValidPSSSignature(bad, for: message, parameters: .jws(SHA256.self)))
    }

    /// A 2049-bit key has emLen = k − 1 = 256: the recovered k-byte value must start with a
    /// zero byte (I2OSP, RFC 8017 §8.1.2 step 2c).
    ///
    /// Here 2²⁰⁴⁸ + EM (a valid EM below it) is signed; its low 256 bytes pass EMSA-PSS-VERIFY,
    /// but the signature must not.
    @Test("emLen = k − 1: a recovered value with a non-zero top byte is rejected")
    func topByteForOddModulus() throws {
        let key = try PSSSigningTests.key(named: "key2049")
        #expect(key.keySizeInBits == 2049)
        let modulus = key.publicKey.modulus
        #expect(modulus.count == 257 && modulus[0] == 0x01)
        let message = Array("odd".utf8)
        let mHash = Array(SHA256.hash(data: message))
        // Only when 2²⁰⁴⁸ + EM < n can it be signed: try salts until one gives such an EM.
        var widened: [UInt8]?
        for attempt in 0..<64 where widened == nil {
            let salt = [UInt8](repeating: UInt8(attempt), count: 32)
            let encoded = try #require(Self.encode(emBits: 2048, mHash: mHash, salt: salt))
            if ([0x01] + encoded).lexicographicallyPrecedes(modulus) {
                let good = try key.rawSignature(encodedMessage: encoded)
                #expect(key.publicKey.isValidPSSSignature(good, for: message, parameters: .jws(SHA256.self)))
                widened = [0x01] + encoded
            }
        }
        let bad = try key.rawSignature(encodedMessage: try #require(widened))
        #expect(!key.publicKey.isValidPSSSignature(bad, for: message, parameters: .jws(SHA256.self)))
    }

    // MARK: - Hostile signatures

    @Test("signatures of the wrong length or not below n are rejected without a trap")
    func hostileSignatures() throws {
        let key = try Self.wycheproofKey().publicKey
        let message = Array("hostile".utf8)
        let n = key.modulus
        var nMinusOne = n
        nMinusOne[nMinusOne.count - 1] -= 1  // n is odd
        var nPlusOne = n
        nPlusOne[nPlusOne.count - 1] += 1
        let candidates: [[UInt8]] = [
            [], [0], [UInt8](repeating: 0, count: 255), [UInt8](repeating: 0, count: 257),
            [UInt8](repeating: 0, count: 256), [UInt8](repeating: 0, count: 255) + [1], nMinusOne, n, nPlusOne,
            [UInt8](repeating: 0xff, count: 256), [0] + n, n + [0], [UInt8](repeating: 0x00, count: 100_000),
        ]
        for candidate in candidates {
            #expect(!key.isValidPSSSignature(candidate, for: message, parameters: .jws(SHA256.self)))
            #expect(!key.isValidPSSSignature(candidate, for: message, parameters: .jws(SHA512.self)))
            #expect(!key.isValidPSSSignature(candidate.lazy.map { $0 }, for: message, parameters: .jws(SHA384.self)))
        }
    }
}
