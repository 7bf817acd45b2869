import Foundation
import SigilEC
import SigilTestSupport
import Testing

/// Malformed keys, DER and signatures give a typed error, never a trap.
@Suite("EC hostile input")
struct HostileInputTests {
    static let spki = try! P256.Signing.PublicKey(pemRepresentation: KeyEncodingTests.p256SPKI)
    static let privateKey = try! P256.Signing.PrivateKey(pemRepresentation: KeyEncodingTests.p256SEC1)

    /// Every proper prefix, and every single-byte change, of each DER encoding is refused
    /// with an ECError (or, for a change that keeps the structure, still gives a valid key).
    @Test("truncated and corrupted DER keys and signatures")
    func corruptedDER() throws {
        let signature = try Self.privateKey.signature(for: Array("x".utf8))
        let inputs: [(String, [UInt8])] = [
            ("spki", Self.spki.derRepresentation),
            ("sec1", Self.privateKey.sec1DERRepresentation),
            ("pkcs8", Self.privateKey.derRepresentation),
            ("signature", signature.derRepresentation),
        ]
        for (name, der) in inputs {
            for length in 0..<der.count {
                let prefix = Array(der.prefix(length))
                #expect(throws: ECError.self, "\(name) prefix \(length)") { try Self.parse(name, prefix) }
            }
            #expect(throws: ECError.self, "\(name) with a trailing byte") { try Self.parse(name, der + [0]) }
            // Private keys: flip only the structural bytes before the scalar (each accepted
            // parse costs a scalar multiplication); public keys and signatures: every byte.
            let flipped = name == "sec1" || name == "pkcs8" ? Array(der.indices.prefix(30)) : Array(der.indices)
            for index in flipped {
                for flip: UInt8 in [0x01, 0x80, 0xff] {
                    var changed = der
                    changed[index] ^= flip
                    do {
                        try Self.parse(name, changed)
                    } catch {
                        // Only typed errors come out (the `throws(ECError)` signature
                        // guarantees the type; this reads the code to be sure it is set).
                        #expect(!error.code.description.isEmpty)
                    }
                }
            }
        }
    }

    static func parse(_ kind: String, _ der: [UInt8]) throws(ECError) {
        switch kind {
        case "spki": _ = try P256.Signing.PublicKey(derRepresentation: der)
        case "signature": _ = try P256.Signing.ECDSASignature(derRepresentation: der)
        default: _ = try P256.Signing.PrivateKey(derRepresentation: der)
        }
    }

    @Test("public points: wrong lengths, compressed, off the curve, coordinates ≥ p")
    func badPoints() throws {
        let raw = Self.spki.rawRepresentation
        let p = [UInt8](hex: "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF")!
        var offCurve = raw
        offCurve[63] ^= 1
        let cases: [[UInt8]] = [
            [], Array(raw.dropLast()), raw + [0], offCurve,
            [UInt8](repeating: 0, count: 64),  // (0, 0) is not on the curve: no identity encoding
            p + Array(raw[32...]),  // x = p
            Array(raw[..<32]) + p,  // y = p
        ]
        for bytes in cases {
            #expect { try P256.Signing.PublicKey(rawRepresentation: bytes) } throws: {
                ($0 as? ECError)?.code == .invalidPublicKey
            }
        }
        // x963: the prefix must be 0x04; compressed (0x02/0x03) and the identity (0x00) are refused.
        let x963 = Self.spki.x963Representation
        for bytes in [[0x02] + Array(x963[1...33]), [0x03] + Array(x963[1...]), [0x00], [0x05] + Array(x963[1...])] {
            #expect { try P256.Signing.PublicKey(x963Representation: bytes) } throws: {
                ($0 as? ECError)?.code == .invalidPublicKey
            }
        }
        // y replaced by p − y (the negated point, valid) is accepted: the check is exact.
        #expect(try P256.Signing.PublicKey(x963Representation: x963) == Self.spki)
    }

    @Test("signatures: wrong lengths, zero and out-of-range r and s, non-minimal DER")
    func badSignatures() throws {
        let message = Array("x".utf8)
        let good = try Self.privateKey.signature(for: message)
        for length in [0, 1, 63, 65, 128] {
            #expect {
                try P256.Signing.ECDSASignature(rawRepresentation: [UInt8](repeating: 1, count: length))
            } throws: {
                ($0 as? ECError)?.code == .invalidSignature
            }
        }
        let n = [UInt8](hex: "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551")!
        let r = Array(good.rawRepresentation[..<32])
        let s = Array(good.rawRepresentation[32...])
        let zero = [UInt8](repeating: 0, count: 32)
        for raw in [zero + s, r + zero, n + s, r + n, zero + zero, [UInt8](repeating: 0xff, count: 64)] {
            let signature = try P256.Signing.ECDSASignature(rawRepresentation: raw)
            #expect(!Self.spki.isValidSignature(signature, for: message))
        }
        #expect(Self.spki.isValidSignature(good, for: message))
        // DER: a padded INTEGER, a long-form short length, BER indefinite length, a 33-byte r.
        let malformed: [[UInt8]] = [
            [0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01],
            [0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01],
            [0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00],
            [0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01],  // negative r
            [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01],  // SET, not SEQUENCE
        ]
        for der in malformed {
            #expect { try P256.Signing.ECDSASignature(derRepresentation: der) } throws: {
                ($0 as? ECError)?.code == .invalidDER
            }
        }
        let longR: [UInt8] = [0x30, 0x26, 0x02, 0x21, 0x01] + [UInt8](repeating: 0, count: 32) + [0x02, 0x01, 0x01]
        #expect { try P256.Signing.ECDSASignature(derRepresentation: longR) } throws: {
            ($0 as? ECError)?.code == .invalidSignature
        }
        // The DER form round-trips.
        #expect(try P256.Signing.ECDSASignature(derRepresentation: good.derRepresentation) == good)
    }

    @Test("DER signatures with r or s outside [1, n − 1] are refused when parsed")
    func derSignatureRange() throws {
        let n = try #require([UInt8](hex: "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"))
        let one: [UInt8] = [0x02, 0x01, 0x01]
        let zero: [UInt8] = [0x02, 0x01, 0x00]
        let order: [UInt8] = [0x02, 0x21, 0x00] + n
        for (r, s) in [(zero, one), (one, zero), (order, one), (one, order)] {
            let der: [UInt8] = [0x30, UInt8(r.count + s.count)] + r + s
            #expect { try P256.Signing.ECDSASignature(derRepresentation: der) } throws: {
                ($0 as? ECError)?.code == .invalidSignature
            }
        }
        // r = s = 1 is in range: it parses as r ‖ s (and verifies nothing).
        let smallest = try P256.Signing.ECDSASignature(derRepresentation: [0x30, 0x06] + one + one)
        let paddedOne = [UInt8](repeating: 0, count: 31) + [1]
        #expect(smallest.rawRepresentation == paddedOne + paddedOne)
    }

    @Test("PEM: wrong labels, bad base64, encapsulated headers")
    func badPEM() throws {
        let bad = [
            "", "not pem",
            KeyEncodingTests.p256SPKI.replacingOccurrences(of: "PUBLIC KEY", with: "RSA PUBLIC KEY"),
            KeyEncodingTests.p256SPKI.replacingOccurrences(of: "MFkw", with: "M!kw"),
            KeyEncodingTests.p256SEC1.replacingOccurrences(
                of: "-----\nMHc", with: "-----\nProc-Type: 4,ENCRYPTED\n\nMHc"),
        ]
        for text in bad {
            #expect { try P256.Signing.PublicKey(pemRepresentation: text) } throws: {
                ($0 as? ECError)?.code == .invalidPEM
            }
        }
        // A public key document is not a private key, and the reverse.
        #expect { try P256.Signing.PrivateKey(pemRepresentation: KeyEncodingTests.p256SPKI) } throws: {
            ($0 as? ECError)?.code == .invalidPEM
        }
        #expect { try P256.Signing.PublicKey(pemRepresentation: KeyEncodingTests.p256PKCS8) } throws: {
            ($0 as? ECError)?.code == .invalidPEM
        }
    }
}
