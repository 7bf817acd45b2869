import SigilConstantTime
import Testing

/// The masks, selects and table lookups of SigilConstantTime (used by RSA signing) compute
/// the right values; that the compiled code does so without secret-dependent branches or
/// addresses is checked by `.ci/ctgrind`, not here.
@Suite("Constant-time masks, selects and lookups")
struct ConstantTimeBufferTests {
    @Test("masks are all ones or zero as documented")
    func masks() {
        #expect(maskFromBit(1) == UInt64.max)
        #expect(maskFromBit(0) == 0)
        for value: UInt64 in [0, 1, 2, 0x8000_0000_0000_0000, UInt64.max] {
            #expect(maskIfZero(value) == (value == 0 ? UInt64.max : 0))
            #expect(maskIfEqual(value, 2) == (value == 2 ? UInt64.max : 0))
        }
        #expect(select(UInt64.max, 5, 9) == 5)
        #expect(select(0, 5, 9) == 9)
        #expect(valueBarrier(UInt32(7)) == 7)
    }

    @Test("conditional copy and swap act only under an all-ones mask")
    func copyAndSwap() {
        var a: [UInt64] = [1, 2, 3]
        var b: [UInt64] = [7, 8, 9]
        a.withUnsafeMutableBufferPointer { x in
            b.withUnsafeMutableBufferPointer { y in
                conditionalCopy(x.baseAddress!, from: y.baseAddress!, count: 3, mask: 0)
            }
        }
        #expect(a == [1, 2, 3])
        a.withUnsafeMutableBufferPointer { x in
            b.withUnsafeMutableBufferPointer { y in
                conditionalSwap(x.baseAddress!, y.baseAddress!, count: 3, mask: UInt64.max)
            }
        }
        #expect(a == [7, 8, 9] && b == [1, 2, 3])
        a.withUnsafeMutableBufferPointer { x in
            b.withUnsafeMutableBufferPointer { y in
                conditionalSwap(x.baseAddress!, y.baseAddress!, count: 3, mask: 0)
                conditionalCopy(x.baseAddress!, from: y.baseAddress!, count: 3, mask: UInt64.max)
            }
        }
        #expect(a == [1, 2, 3] && b == [1, 2, 3])
    }

    /// 32 entries of 5 words, entry e word j = 1000·e + j.
    static let entries = 32
    static let width = 5
    static func row(_ entry: Int) -> [UInt64] { (0..<width).map { UInt64(1000 * entry + $0) } }

    @Test("row-major and interleaved lookups return every entry, and zeros out of range", arguments: 0..<33)
    func lookups(index: Int) {
        let expected = index < Self.entries ? Self.row(index) : [UInt64](repeating: 0, count: Self.width)
        let rowMajor = (0..<Self.entries).flatMap(Self.row)
        var interleaved = [UInt64](repeating: 0, count: Self.entries * Self.width)
        var output = [UInt64](repeating: 0xdead, count: Self.width)
        var masks = [UInt64](repeating: 0, count: Self.entries)
        interleaved.withUnsafeMutableBufferPointer { table in
            for entry in 0..<Self.entries {
                Self.row(entry).withUnsafeBufferPointer { row in
                    storeInterleaved(
                        row.baseAddress!, into: table.baseAddress!, entry: entry, entries: Self.entries,
                        width: Self.width)
                }
            }
        }
        #expect(interleaved[0..<3] == [0, 1000, 2000])  // word 0 of entries 0, 1, 2 side by side
        output.withUnsafeMutableBufferPointer { out in
            rowMajor.withUnsafeBufferPointer { table in
                lookup(
                    out.baseAddress!, table: table.baseAddress!, entries: Self.entries, width: Self.width,
                    index: UInt64(index))
            }
        }
        #expect(output == expected)
        output = [UInt64](repeating: 0xdead, count: Self.width)
        output.withUnsafeMutableBufferPointer { out in
            interleaved.withUnsafeBufferPointer { table in
                masks.withUnsafeMutableBufferPointer { m in
                    loadInterleaved(
                        out.baseAddress!, from: table.baseAddress!, entries: Self.entries, width: Self.width,
                        index: UInt64(index), masks: m.baseAddress!)
                }
            }
        }
        #expect(output == expected)
    }
}
