// Generated: the SHA512 compression function (FIPS 180-4 §6.4.2), fully unrolled so that the
// working variables and the 16-word message-schedule window stay in locals (registers and
// stack slots) with no array, bounds check or table load on the hot path.

extension SHA512State {
    /// Absorbs `blockCount` consecutive 128-byte blocks that start at `blocks`.
    ///
    /// - Parameters:
    ///   - blocks: The first byte of the first block; needs no alignment.
    ///   - blockCount: How many whole blocks to read; `blockCount * 128` bytes must be readable.
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
            var w0 = block.loadUnaligned(fromByteOffset: 0, as: UInt64.self).bigEndian
            var w1 = block.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian
            var w2 = block.loadUnaligned(fromByteOffset: 16, as: UInt64.self).bigEndian
            var w3 = block.loadUnaligned(fromByteOffset: 24, as: UInt64.self).bigEndian
            var w4 = block.loadUnaligned(fromByteOffset: 32, as: UInt64.self).bigEndian
            var w5 = block.loadUnaligned(fromByteOffset: 40, as: UInt64.self).bigEndian
            var w6 = block.loadUnaligned(fromByteOffset: 48, as: UInt64.self).bigEndian
            var w7 = block.loadUnaligned(fromByteOffset: 56, as: UInt64.self).bigEndian
            var w8 = block.loadUnaligned(fromByteOffset: 64, as: UInt64.self).bigEndian
            var w9 = block.loadUnaligned(fromByteOffset: 72, as: UInt64.self).bigEndian
            var w10 = block.loadUnaligned(fromByteOffset: 80, as: UInt64.self).bigEndian
            var w11 = block.loadUnaligned(fromByteOffset: 88, as: UInt64.self).bigEndian
            var w12 = block.loadUnaligned(fromByteOffset: 96, as: UInt64.self).bigEndian
            var w13 = block.loadUnaligned(fromByteOffset: 104, as: UInt64.self).bigEndian
            var w14 = block.loadUnaligned(fromByteOffset: 112, as: UInt64.self).bigEndian
            var w15 = block.loadUnaligned(fromByteOffset: 120, as: UInt64.self).bigEndian
            var bXorC = b ^ c
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x428a2f98_d728ae22 &+ w0)
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x71374491_23ef65cd &+ w1)
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xb5c0fbcf_ec4d3b2f &+ w2)
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xe9b5dba5_8189dbbc &+ w3)
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x3956c25b_f348b538 &+ w4)
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x59f111f1_b605d019 &+ w5)
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x923f82a4_af194f9b &+ w6)
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0xab1c5ed5_da6d8118 &+ w7)
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xd807aa98_a3030242 &+ w8)
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x12835b01_45706fbe &+ w9)
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x243185be_4ee4b28c &+ w10)
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x550c7dc3_d5ffb4e2 &+ w11)
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x72be5d74_f27b896f &+ w12)
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x80deb1fe_3b1696b1 &+ w13)
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x9bdc06a7_25c71235 &+ w14)
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0xc19bf174_cf692694 &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xe49b69c1_9ef14ad2 &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xefbe4786_384f25e3 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x0fc19dc6_8b8cd5b5 &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x240ca1cc_77ac9c65 &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x2de92c6f_592b0275 &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x4a7484aa_6ea6e483 &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x5cb0a9dc_bd41fbd4 &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x76f988da_831153b5 &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x983e5152_ee66dfab &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xa831c66d_2db43210 &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xb00327c8_98fb213f &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xbf597fc7_beef0ee4 &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0xc6e00bf3_3da88fc2 &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0xd5a79147_930aa725 &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x06ca6351_e003826f &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x14292967_0a0e6e70 &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x27b70a85_46d22ffc &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x2e1b2138_5c26c926 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x4d2c6dfc_5ac42aed &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x53380d13_9d95b3df &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x650a7354_8baf63de &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x766a0abb_3c77b2a8 &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x81c2c92e_47edaee6 &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x92722c85_1482353b &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xa2bfe8a1_4cf10364 &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xa81a664b_bc423001 &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xc24b8b70_d0f89791 &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xc76c51a3_0654be30 &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0xd192e819_d6ef5218 &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0xd6990624_5565a910 &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0xf40e3585_5771202a &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x106aa070_32bbd1b8 &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x19a4c116_b8d2d0c8 &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x1e376c08_5141ab53 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x2748774c_df8eeb99 &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x34b0bcb5_e19b48a8 &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x391c0cb3_c5c95a63 &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x4ed8aa4a_e3418acb &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x5b9cca4f_7763e373 &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x682e6ff3_d6b2b8a3 &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x748f82ee_5defb2fc &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x78a5636f_43172f60 &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x84c87814_a1f0ab72 &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x8cc70208_1a6439ec &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x90befffa_23631e28 &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0xa4506ceb_de82bde9 &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0xbef9a3f7_b2c67915 &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0xc67178f2_e372532b &+ w15)
            w0 = smallSigma1(w14) &+ w9 &+ smallSigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0xca273ece_ea26619c &+ w0)
            w1 = smallSigma1(w15) &+ w10 &+ smallSigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0xd186b8c7_21c0c207 &+ w1)
            w2 = smallSigma1(w0) &+ w11 &+ smallSigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0xeada7dd6_cde0eb1e &+ w2)
            w3 = smallSigma1(w1) &+ w12 &+ smallSigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0xf57d4f7f_ee6ed178 &+ w3)
            w4 = smallSigma1(w2) &+ w13 &+ smallSigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x06f067aa_72176fba &+ w4)
            w5 = smallSigma1(w3) &+ w14 &+ smallSigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x0a637dc5_a2c898a6 &+ w5)
            w6 = smallSigma1(w4) &+ w15 &+ smallSigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x113f9804_bef90dae &+ w6)
            w7 = smallSigma1(w5) &+ w0 &+ smallSigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x1b710b35_131c471b &+ w7)
            w8 = smallSigma1(w6) &+ w1 &+ smallSigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, &bXorC, 0x28db77f5_23047d84 &+ w8)
            w9 = smallSigma1(w7) &+ w2 &+ smallSigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, &bXorC, 0x32caab7b_40c72493 &+ w9)
            w10 = smallSigma1(w8) &+ w3 &+ smallSigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, &bXorC, 0x3c9ebe0a_15c9bebc &+ w10)
            w11 = smallSigma1(w9) &+ w4 &+ smallSigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, &bXorC, 0x431d67c4_9c100d4c &+ w11)
            w12 = smallSigma1(w10) &+ w5 &+ smallSigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, &bXorC, 0x4cc5d4be_cb3e42b6 &+ w12)
            w13 = smallSigma1(w11) &+ w6 &+ smallSigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, &bXorC, 0x597f299c_fc657e2a &+ w13)
            w14 = smallSigma1(w12) &+ w7 &+ smallSigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, &bXorC, 0x5fcb6fab_3ad6faec &+ w14)
            w15 = smallSigma1(w13) &+ w8 &+ smallSigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, &bXorC, 0x6c44198c_4a475817 &+ w15)
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
            block += 128
            remaining -= 1
        }
    }
}
