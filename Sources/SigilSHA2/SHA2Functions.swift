// The logical functions of FIPS 180-4 §4.1.2 (SHA-224/256) and §4.1.3 (SHA-384/512), and one
// round of the compression function, written so that the optimiser turns each into a few
// rotate/and/xor instructions on registers. Each Σ is a chain of nested rotations, e.g.
// Σ1(e) = ROTR⁶(e ⊕ ROTR⁵(e ⊕ ROTR¹⁴(e))) = ROTR⁶(e) ⊕ ROTR¹¹(e) ⊕ ROTR²⁵(e): the same
// value with one copy of the input instead of three, which saves moves on two-operand x86.

/// One SHA-256 round (FIPS 180-4 §6.2.2 step 3), with the variable rotation done by the
/// caller: it adds T1 into `d` (the next `e`) and stores T1 + T2 in `h` (the next `a`).
///
/// `bXorC` carries b ⊕ c in and the next round's b ⊕ c (this round's a ⊕ b) out.
@inline(__always)
func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ bXorC: inout UInt32,
    _ constantPlusWord: UInt32
) {
    // T1 = h + Σ1(e) + Ch(e, f, g) + K + W, summed so that Σ1(e), the slowest term on the
    // e → next-e dependency chain, is added last.
    let partial = h &+ constantPlusWord &+ (g ^ (e & (f ^ g)))
    let sigma1 = bigSigma1(e)
    // Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)); this round's a ^ b is the next round's b ^ c.
    let aXorB = a ^ b
    let t2 = bigSigma0(a) &+ (b ^ (aXorB & bXorC))
    bXorC = aXorB
    d = (d &+ partial) &+ sigma1
    h = (partial &+ t2) &+ sigma1
}

/// One SHA-512 round (FIPS 180-4 §6.4.2 step 3); see the SHA-256 overload.
@inline(__always)
func round(
    _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: inout UInt64,
    _ e: UInt64, _ f: UInt64, _ g: UInt64, _ h: inout UInt64,
    _ bXorC: inout UInt64,
    _ constantPlusWord: UInt64
) {
    // T1 = h + Σ1(e) + Ch(e, f, g) + K + W, summed so that Σ1(e), the slowest term on the
    // e → next-e dependency chain, is added last.
    let partial = h &+ constantPlusWord &+ (g ^ (e & (f ^ g)))
    let sigma1 = bigSigma1(e)
    // Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)); this round's a ^ b is the next round's b ^ c.
    let aXorB = a ^ b
    let t2 = bigSigma0(a) &+ (b ^ (aXorB & bXorC))
    bXorC = aXorB
    d = (d &+ partial) &+ sigma1
    h = (partial &+ t2) &+ sigma1
}

@inline(__always)
func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

@inline(__always)
func rotateRight(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &>> n) | (x &<< (64 &- n)) }

@inline(__always)
func bigSigma0(_ x: UInt32) -> UInt32 { rotateRight(rotateRight(rotateRight(x, 9) ^ x, 11) ^ x, 2) }

@inline(__always)
func bigSigma1(_ x: UInt32) -> UInt32 { rotateRight(x, 6) ^ rotateRight(x, 11) ^ rotateRight(x, 25) }

@inline(__always)
func smallSigma0(_ x: UInt32) -> UInt32 { rotateRight(rotateRight(x, 11) ^ x, 7) ^ (x &>> 3) }

@inline(__always)
func smallSigma1(_ x: UInt32) -> UInt32 { rotateRight(rotateRight(x, 2) ^ x, 17) ^ (x &>> 10) }

@inline(__always)
func bigSigma0(_ x: UInt64) -> UInt64 { rotateRight(rotateRight(rotateRight(x, 5) ^ x, 6) ^ x, 28) }

@inline(__always)
func bigSigma1(_ x: UInt64) -> UInt64 { rotateRight(x, 14) ^ rotateRight(x, 18) ^ rotateRight(x, 41) }

@inline(__always)
func smallSigma0(_ x: UInt64) -> UInt64 { rotateRight(rotateRight(x, 7) ^ x, 1) ^ (x &>> 7) }

@inline(__always)
func smallSigma1(_ x: UInt64) -> UInt64 { rotateRight(rotateRight(x, 42) ^ x, 19) ^ (x &>> 6) }
