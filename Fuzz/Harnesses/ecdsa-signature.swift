// fuzz-support: ECKeyOracles
// ECDSA signature parsing and verification for P-256, P-384 and P-521: the input as a DER
// `ECDSA-Sig-Value` (RFC 3279 §2.2.3) and as r ‖ s (IEEE P1363, the JWS form), whole and cut
// to each curve's length, then verified with a fixed key (RFC 6979 A.2.5–A.2.7's).
//
// Oracles: parsing and verification never trap; an accepted DER signature is the one DER
// encoding of its r ‖ s (re-encoding gives the input back) and has r and s in [1, n − 1]; r ‖ s
// converts to DER and back unchanged, or DER refuses it as out of range; a fuzzed signature
// never verifies for the fixed message.
import SigilEC

enum ECDSASignatureFixtures {
    static let p256 = key(
        P256.Signing.PrivateKey.self, "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721")
    static let p384 = key(
        P384.Signing.PrivateKey.self,
        "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5")
    static let p521 = key(
        P521.Signing.PrivateKey.self,
        "00FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75CAA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538"
    )

    private static func key<Key: FuzzedECDSAPrivateKey>(_: Key.Type, _ hex: String) -> Key {
        var bytes: [UInt8] = []
        var digits = hex.utf8.makeIterator()
        while let high = digits.next(), let low = digits.next() {
            bytes.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!)
        }
        guard let key = try? Key(rawRepresentation: bytes) else { fatalError("fixture: RFC 6979 key") }
        return key
    }
}

func check<Key: FuzzedECDSAPrivateKey>(_ key: Key, _ input: [UInt8]) {
    typealias Signature = Key.PublicKey.Signature
    let publicKey = key.publicKey
    if let signature = try? Signature(derRepresentation: input) {
        guard signature.derRepresentation == input else {
            fatalError("ecdsa-signature: accepted DER that is not the encoding of its r ‖ s")
        }
        guard (try? Signature(rawRepresentation: signature.rawRepresentation)) == signature else {
            fatalError("ecdsa-signature: r ‖ s of a DER signature does not parse back")
        }
        guard !publicKey.isValidSignature(signature, for: ECKeyOracles.message) else {
            fatalError("ecdsa-signature: a fuzzed DER signature verified")
        }
        _ = publicKey.isValidSignature(signature, for: input)
    }
    let size = key.rawRepresentation.count
    for raw in [input, Array(input.prefix(2 * size))] {
        guard let signature = try? Signature(rawRepresentation: raw) else { continue }
        do {
            guard try Signature(derRepresentation: signature.derRepresentation) == signature else {
                fatalError("ecdsa-signature: r ‖ s does not round-trip through DER")
            }
        } catch {
            // DER refuses only r or s outside [1, n − 1]; such a signature never verifies.
            guard error.code == .invalidSignature else { fatalError("ecdsa-signature: own DER refused: \(error)") }
            guard !publicKey.isValidSignature(signature, for: input) else {
                fatalError("ecdsa-signature: an out-of-range signature verified")
            }
        }
        guard !publicKey.isValidSignature(signature, for: ECKeyOracles.message) else {
            fatalError("ecdsa-signature: a fuzzed r ‖ s signature verified")
        }
        _ = publicKey.isValidSignature(signature, for: input)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    check(ECDSASignatureFixtures.p256, input)
    check(ECDSASignatureFixtures.p384, input)
    check(ECDSASignatureFixtures.p521, input)
    return 0
}
