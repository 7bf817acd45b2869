// Fixed-size little-endian arrays of 64-bit limbs, one type per size, stored inline (no heap
// allocation) so that field elements and points are plain values.

/// A fixed number of 64-bit limbs, least significant first, stored inline.
///
/// The limbs are a homogeneous tuple, laid out contiguously; the arithmetic reads and writes
/// them through a pointer for the duration of one call.
protocol LimbStorage: Sendable, Equatable {
    /// The number of limbs.
    static var count: Int { get }
    /// All limbs zero.
    init()
}

extension LimbStorage {
    /// Calls `body` with a pointer to the limbs.
    @inline(__always)
    func withLimbs<R>(_ body: (UnsafePointer<UInt64>) -> R) -> R {
        withUnsafeBytes(of: self) { body($0.baseAddress!.assumingMemoryBound(to: UInt64.self)) }
    }

    /// Calls `body` with a mutable pointer to the limbs.
    @inline(__always)
    mutating func withMutableLimbs<R>(_ body: (UnsafeMutablePointer<UInt64>) -> R) -> R {
        withUnsafeMutableBytes(of: &self) { body($0.baseAddress!.assumingMemoryBound(to: UInt64.self)) }
    }

    /// The limb at `index` (`0 ..< count`).
    @inline(__always)
    subscript(index: Int) -> UInt64 {
        get { withLimbs { $0[index] } }
        set { withMutableLimbs { $0[index] = newValue } }
    }
}

/// Four limbs: 256 bits.
struct Limbs4: LimbStorage {
    var limbs: (UInt64, UInt64, UInt64, UInt64)
    static var count: Int { 4 }
    @inline(__always) init() { limbs = (0, 0, 0, 0) }
    @inline(__always) init(_ limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }
    static func == (lhs: Limbs4, rhs: Limbs4) -> Bool { limbsEqual(lhs, rhs) }
}

/// Six limbs: 384 bits.
struct Limbs6: LimbStorage {
    var limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    static var count: Int { 6 }
    @inline(__always) init() { limbs = (0, 0, 0, 0, 0, 0) }
    @inline(__always) init(_ limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }
    static func == (lhs: Limbs6, rhs: Limbs6) -> Bool { limbsEqual(lhs, rhs) }
}

/// Nine limbs: 576 bits, for the 521-bit values of P-521.
struct Limbs9: LimbStorage {
    var limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    static var count: Int { 9 }
    @inline(__always) init() { limbs = (0, 0, 0, 0, 0, 0, 0, 0, 0) }
    @inline(__always) init(_ limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
        self.limbs = limbs
    }
    static func == (lhs: Limbs9, rhs: Limbs9) -> Bool { limbsEqual(lhs, rhs) }
}

/// Whether two limb arrays are equal, in time independent of where they differ.
@inline(__always)
func limbsEqual<L: LimbStorage>(_ lhs: L, _ rhs: L) -> Bool {
    var difference: UInt64 = 0
    lhs.withLimbs { a in rhs.withLimbs { b in for i in 0..<L.count { difference |= a[i] ^ b[i] } } }
    return difference == 0
}
