import SigilTestSupport
import Testing

@testable import SigilRSA

/// Public keys made by the Infineon RSALib generator (CVE-2017-15361, "ROCA") are refused
/// when loaded, since their moduli can be factored.
@Suite("ROCA fingerprint")
struct ROCAFingerprintTests {
    /// A 2048-bit modulus built the way RSALib builds them: p and q of the form
    /// k·M + (65537^a mod M), M the product of the first 126 primes (made for this test with
    /// Python and sympy; its factors are not kept).
    static let rocaModulus =
        "92409085a5e7681980b62f68fde45c7cc32bc8b821de9a089c6a07bd1f69826547be914eba8a792cf2316c592970c0d2"
        + "6114e109bc00aa479bc69a257b99069a6960af0b3e921e9fd8ce6206357503b80616f842aff4ef59c42805ca82dd47ef"
        + "2f66eff288dee1dc91670fb014fc680a229a3fd7dbe4b7db05c155f5767832c08208f2b5c5eec3cfb3c89857a6086056"
        + "f036f1a1a56013ababc5f7694bd487d9560923cbb67421ec6db0777a7d6f16086252207398662a5a9d05eebcecf22e99"
        + "2646522a6b86d8b412021de985add45429a9af042adebd19ce2d09f364543bca3708008de3fe3e7f6b81a44170726f68"
        + "84eea4e0aba05ec423fcdcf5619b4747"

    @Test("A modulus with the RSALib structure is refused at load time")
    func rocaModulusIsRefused() throws {
        let modulus = try #require([UInt8](hex: Self.rocaModulus))
        #expect(ROCAFingerprint.matches(modulus: modulus))
        let error = #expect(throws: RSAError.self) {
            _ = try RSA.PublicKey(modulus: modulus, publicExponent: [0x01, 0x00, 0x01])
        }
        #expect(error?.code == .invalidModulus)
        #expect(error?.reason.contains("ROCA") == true)
    }

    @Test("Ordinary moduli pass: the fingerprint needs all 38 residues in the subgroup")
    func ordinaryModulusPasses() throws {
        var modulus = try #require([UInt8](hex: Self.rocaModulus))
        // Changing the modulus by 2 (it stays odd) moves its residues off the subgroup.
        modulus[modulus.count - 1] &+= 2
        #expect(!ROCAFingerprint.matches(modulus: modulus))
        let key = try RSA.PublicKey(modulus: modulus, publicExponent: [0x01, 0x00, 0x01])
        #expect(key.keySizeInBits == 2048)
    }
}
