import SigilSHA2
import Testing

/// The package's one hex writer and reader (RFC 4648 §8).
@Suite("Hex")
struct HexTests {
    @Test("encoding writes two lowercase digits per byte; decoding reads them back in either case")
    func roundTrip() {
        let bytes: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xAB, 0xCD, 0xEF, 0xFF]
        #expect(Hex.encode(bytes) == "00017f80abcdefff")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.decode(Array("00017f80abcdefff".utf8)) == bytes)
        #expect(Hex.decode(Array("00017F80ABCDEFFF".utf8)) == bytes)
        #expect(Hex.decode([UInt8]()) == [])
        let all = (0...255).map { UInt8($0) }
        #expect(Hex.decode(Array(Hex.encode(all).utf8)) == all)
    }

    static let invalidTexts = ["0", "abc", "0g", "g0", " 00", "00 ", "0x00", "-1", "é0", "00\n"]

    @Test("an odd number of digits or any byte that is not a hex digit is nil", arguments: invalidTexts)
    func invalid(_ text: String) {
        #expect(Hex.decode(Array(text.utf8)) == nil)
    }

    @Test("every invalid case is checked")
    func invalidCount() {
        #expect(Self.invalidTexts.count == 10)
    }
}
