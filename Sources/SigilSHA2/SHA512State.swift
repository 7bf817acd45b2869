/// The eight 64-bit chaining words H0…H7 of SHA-512 and SHA-384 (FIPS 180-4 §6.4).
struct SHA512State: CompressionState {
    var h0: UInt64
    var h1: UInt64
    var h2: UInt64
    var h3: UInt64
    var h4: UInt64
    var h5: UInt64
    var h6: UInt64
    var h7: UInt64

    /// The SHA-512 initial hash value (FIPS 180-4 §5.3.5).
    static let sha512Initial = SHA512State(
        h0: 0x6a09_e667_f3bc_c908, h1: 0xbb67_ae85_84ca_a73b, h2: 0x3c6e_f372_fe94_f82b,
        h3: 0xa54f_f53a_5f1d_36f1, h4: 0x510e_527f_ade6_82d1, h5: 0x9b05_688c_2b3e_6c1f,
        h6: 0x1f83_d9ab_fb41_bd6b, h7: 0x5be0_cd19_137e_2179
    )

    /// The SHA-384 initial hash value (FIPS 180-4 §5.3.4).
    static let sha384Initial = SHA512State(
        h0: 0xcbbb_9d5d_c105_9ed8, h1: 0x629a_292a_367c_d507, h2: 0x9159_015a_3070_dd17,
        h3: 0x152f_ecd8_f70e_5939, h4: 0x6733_2667_ffc0_0b31, h5: 0x8eb4_4a87_6858_1511,
        h6: 0xdb0c_2e0d_64f9_8fa7, h7: 0x47b5_481d_befa_4fa4
    )

    /// Writes the first six words big-endian into the first 48 bytes at `output` (SHA-384's
    /// truncation, FIPS 180-4 §6.5).
    func storeSixBigEndian(into output: UnsafeMutableRawPointer) {
        output.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt64.self)
        output.storeBytes(of: h1.bigEndian, toByteOffset: 8, as: UInt64.self)
        output.storeBytes(of: h2.bigEndian, toByteOffset: 16, as: UInt64.self)
        output.storeBytes(of: h3.bigEndian, toByteOffset: 24, as: UInt64.self)
        output.storeBytes(of: h4.bigEndian, toByteOffset: 32, as: UInt64.self)
        output.storeBytes(of: h5.bigEndian, toByteOffset: 40, as: UInt64.self)
    }

    /// Writes the eight words big-endian into the first 64 bytes at `output`.
    func storeBigEndian(into output: UnsafeMutableRawPointer) {
        storeSixBigEndian(into: output)
        output.storeBytes(of: h6.bigEndian, toByteOffset: 48, as: UInt64.self)
        output.storeBytes(of: h7.bigEndian, toByteOffset: 56, as: UInt64.self)
    }
}
