// Generated: the SHA256 compression function (FIPS 180-4 §6.2.2), fully unrolled so that the
// working variables and the 16-word message-schedule window stay in locals (registers and
// stack slots) with no array, bounds check or table load on the hot path.

extension SHA256State {
    /// Absorbs `blockCount` consecutive 64-byte blocks that start at `blocks`.
    ///
    /// - Parameters:
    ///   - blocks: The first byte of the first block; needs no alignment.
    ///   - blockCount: How many whole blocks to read; `blockCount * 64` bytes must be readable.
    mutating func compress(blocks: UnsafeRawPointer, blockCount: Int) {
        var a = h0
        var b = h1
        var c = h2
        var d = h3
        var e = h4
        var f = h5
        var g = h6
        var h = h7
        var block = blocks
        var remaining = blockCount
        while remaining > 0 {
            var w0 = block.loadUnaligned(fromByteOffset: 0, as: UInt32.self).bigEndian
            var w1 = block.loadUnaligned(fromByteOffset: 4, as: UInt32.self).bigEndian
            var w2 = block.loadUnaligned(fromByteOffset: 8, as: UInt32.self).bigEndian
            var w3 = block.loadUnaligned(fromByteOffset: 12, as: UInt32.self).bigEndian
            var w4 = block.loadUnaligned(fromByteOffset: 16, as: UInt32.self).bigEndian
            var w5 = block.loadUnaligned(fromByteOffset: 20, as: UInt32.self).bigEndian
            var w6 = block.loadUnaligned(fromByteOffset: 24, as: UInt32.self).bigEndian
            var w7 = block.loadUnaligned(fromByteOffset: 28, as: UInt32.self).bigEndian
            var w8 = block.loadUnaligned(fromByteOffset: 32, as: UInt32.self).bigEndian
            var w9 = block.loadUnaligned(fromByteOffset: 36, as: UInt32.self).bigEndian
            var w10 = block.loadUnaligned(fromByteOffset: 40, as: UInt32.self).bigEndian
            var w11 = block.loadUnaligned(fromByteOffset: 44, as: UInt32.self).bigEndian
            var w12 = block.loadUnaligned(fromByteOffset: 48, as: UInt32.self).bigEndian
            var w13 = block.loadUnaligned(fromByteOffset: 52, as: UInt32.self).bigEndian
            var w14 = block.loadUnaligned(fromByteOffset: 56, as: UInt32.self).bigEndian
            var w15 = block.loadUnaligned(fromByteOffset: 60, as: UInt32.self).bigEndian
            var bXorC = b ^ c
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x428a2f98 &+ w0)
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x71374491 &+ w1)
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xb5c0fbcf &+ w2)
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xe9b5dba5 &+ w3)
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x3956c25b &+ w4)
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x59f111f1 &+ w5)
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x923f82a4 &+ w6)
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0xab1c5ed5 &+ w7)
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xd807aa98 &+ w8)
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x12835b01 &+ w9)
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x243185be &+ w10)
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x550c7dc3 &+ w11)
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x72be5d74 &+ w12)
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x80deb1fe &+ w13)
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x9bdc06a7 &+ w14)
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0xc19bf174 &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xe49b69c1 &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xefbe4786 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x0fc19dc6 &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x240ca1cc &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x2de92c6f &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x4a7484aa &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x5cb0a9dc &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x76f988da &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x983e5152 &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xa831c66d &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xb00327c8 &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xbf597fc7 &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0xc6e00bf3 &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0xd5a79147 &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x06ca6351 &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x14292967 &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x27b70a85 &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x2e1b2138 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x4d2c6dfc &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x53380d13 &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x650a7354 &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x766a0abb &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x81c2c92e &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x92722c85 &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xa2bfe8a1 &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xa81a664b &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xc24b8b70 &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xc76c51a3 &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0xd192e819 &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0xd6990624 &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0xf40e3585 &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x106aa070 &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x19a4c116 &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x1e376c08 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x2748774c &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x34b0bcb5 &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x391c0cb3 &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x4ed8aa4a &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x5b9cca4f &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x682e6ff3 &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x748f82ee &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x78a5636f &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x84c87814 &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x8cc70208 &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x90befffa &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0xa4506ceb &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0xbef9a3f7 &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0xc67178f2 &+ w15)
            a = h0 &+ a
            h0 = a
            b = h1 &+ b
            h1 = b
            c = h2 &+ c
            h2 = c
            d = h3 &+ d
            h3 = d
            e = h4 &+ e
            h4 = e
            f = h5 &+ f
            h5 = f
            g = h6 &+ g
            h6 = g
            h = h7 &+ h
            h7 = h
            block += 64
            remaining -= 1
        }
    }
}
