// The logical functions of FIPS 180-4 §4.1.2 (SHA-224/256) and §4.1.3 (SHA-384/512), and one
// round of the compression function, written so that the optimiser turns each into a few
// rotate/and/xor instructions on registers.

/// One SHA-256 round (FIPS 180-4 §6.2.2 step 3), with the variable rotation done by the
/// caller: it adds T1 into `d` (the next `e`) and stores T1 + T2 in `h` (the next `a`).
@inline(__always)
func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ constantPlusWord: UInt32
) {
    let t1 = h &+ bigSigma1(e) &+ (g ^ (e & (f ^ g))) &+ constantPlusWord
    let t2 = bigSigma0(a) &+ ((a & b) | (c & (a | b)))
    d = d &+ t1
    h = t1 &+ t2
}

/// One SHA-512 round (FIPS 180-4 §6.4.2 step 3); see the SHA-256 overload.
@inline(__always)
func round(
    _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: inout UInt64,
    _ e: UInt64, _ f: UInt64, _ g: UInt64, _ h: inout UInt64,
    _ constantPlusWord: UInt64
) {
    let t1 = h &+ bigSigma1(e) &+ (g ^ (e & (f ^ g))) &+ constantPlusWord
    let t2 = bigSigma0(a) &+ ((a & b) | (c & (a | b)))
    d = d &+ t1
    h = t1 &+ t2
}

@inline(__always)
func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

@inline(__always)
func rotateRight(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &>> n) | (x &<< (64 &- n)) }

@inline(__always)
func bigSigma0(_ x: UInt32) -> UInt32 { rotateRight(x, 2) ^ rotateRight(x, 13) ^ rotateRight(x, 22) }

@inline(__always)
func bigSigma1(_ x: UInt32) -> UInt32 { rotateRight(x, 6) ^ rotateRight(x, 11) ^ rotateRight(x, 25) }

@inline(__always)
func smallSigma0(_ x: UInt32) -> UInt32 { rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x &>> 3) }

@inline(__always)
func smallSigma1(_ x: UInt32) -> UInt32 { rotateRight(x, 17) ^ rotateRight(x, 19) ^ (x &>> 10) }

@inline(__always)
func bigSigma0(_ x: UInt64) -> UInt64 { rotateRight(x, 28) ^ rotateRight(x, 34) ^ rotateRight(x, 39) }

@inline(__always)
func bigSigma1(_ x: UInt64) -> UInt64 { rotateRight(x, 14) ^ rotateRight(x, 18) ^ rotateRight(x, 41) }

@inline(__always)
func smallSigma0(_ x: UInt64) -> UInt64 { rotateRight(x, 1) ^ rotateRight(x, 8) ^ (x &>> 7) }

@inline(__always)
func smallSigma1(_ x: UInt64) -> UInt64 { rotateRight(x, 19) ^ rotateRight(x, 61) ^ (x &>> 6) }
