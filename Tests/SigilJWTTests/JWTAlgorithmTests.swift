import SigilJWT
import Testing

@Suite("JWTAlgorithm")
struct JWTAlgorithmTests {
    @Test("names round-trip", arguments: JWTAlgorithm.allCases)
    func roundTrip(algorithm: JWTAlgorithm) {
        #expect(JWTAlgorithm(rawValue: algorithm.rawValue) == algorithm)
        #expect(algorithm.description == algorithm.rawValue)
    }

    @Test("six algorithms, three of each family")
    func families() {
        #expect(JWTAlgorithm.allCases.count == 6)
        #expect(JWTAlgorithm.allCases.filter(\.isHMAC) == [.hs256, .hs384, .hs512])
        #expect(JWTAlgorithm.allCases.filter(\.isRSA) == [.rs256, .rs384, .rs512])
        #expect([JWTAlgorithm.hs256, .hs384, .hs512].map(\.digestByteCount) == [32, 48, 64])
    }

    @Test(
        "none and unknown names are not algorithms",
        arguments: ["none", "None", "NONE", "nOnE", "hs256", "ES256", "", "PS256"])
    func unknownNames(name: String) {
        #expect(JWTAlgorithm(rawValue: name) == nil)
    }
}
