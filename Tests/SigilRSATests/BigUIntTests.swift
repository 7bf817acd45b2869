import SigilTestSupport
import Testing

@testable import SigilRSA

/// A modular exponentiation checked against Python's pow().
struct ModularCase: Sendable, CustomTestStringConvertible {
    var modulus: String
    var base: String
    var publicExponent: UInt64
    var secretExponent: String
    var publicPower: String
    var secretPower: String
    var testDescription: String { "\(modulus.count * 4)-bit modulus" }
}

@Suite("BigUInt and Montgomery arithmetic")
struct BigUIntTests {
    static let cases: [ModularCase] = [
        ModularCase(
            modulus: "f2a74de452e6b439", base: "6513270e269e0d37", publicExponent: 65537,
            secretExponent: "8c5c7fd0a6a3a450", publicPower: "20e76823c0dba6d9", secretPower: "d57264284d82021e"),
        ModularCase(
            modulus: "8e9531985d5d9dc9f81818e811892f902bd23f0824128b2f33",
            base: "6b6f03675a1600a35a099950d836f675cc81e74ef5e8e25d94", publicExponent: 65537,
            secretExponent: "d30f21ddb66cad4a268d116ece1738f7d93d9c172411e20b8f",
            publicPower: "7a4c824917c65283f63292182e176af6522f0daa04d85420d6",
            secretPower: "7bab29909bf61e6f33a803cd3033520f99016c14edbea4ae71"),
        ModularCase(
            modulus:
                "94e3bf911a61dbe22e44158bae97ba94d0eda82f8f6d05584ef8aa38922766581e27a1c08a6a63ec24ede6a46b4cb2424a23d5962217beaddbc496cb8e81973e0becd7b03898d190f9ebdacc0cb1e29c658cda1495e60af593bd04cf0fd630f1f29d0da9953f48f1a09f76b5a170b33839263059f28c105d1fb17c2390c192cf",
            base:
                "930d6eaf14f4733f3e7d1bfbc7a2ea20b2f14c942e05319acb5c74273f98e2774cbd87ad5c90a9587403e430ec66a78795e761d17731af10506bf2efc6f877186d76b07e881ed162ae2eb1547f15052434b9b5df9e7769b10f4205b4907a70c31012f037b64ce4228c38fb2918f135d25f557203301850c5a38fd547923a7369",
            publicExponent: 65537,
            secretExponent:
                "d051c1ccd17f9acae01f5057ca02135e92b1d3f28ede0d7ac3baea9e13deef86ab1031d0f646e1f40a097c976bf46c697d2caf82eeeacbe226e875555790f82ec1d3fcff2a3af4d46b0a18e8830e07bc1e398f1012bd4acefaecbd389be4bcfc49b64a0872e6cc3ababced2057ee05cde00902c77ebff206867347214cdd2055",
            publicPower:
                "173334863d07aef9c36723b07ab69abc515a86e1472979be7b9ccdf7a5f0c6de383c37177c6c5d2645b263b6652db8864d83df5a556d041ad9d1d3015d0856c152b79ae0dcdba49eddcd2b011bb859c13f8d13887fa0fb48cd7bdca90565d916542444accf0fd34ab7006cdd146a0e92903003cfe7b1499d08198902be8f423c",
            secretPower:
                "156b60eb35ffd53714090f66a651fe2492483aba417d065789dcd2ff682b4c7ba288d48869eac8f9eca66eede2160747c12e714db987d415a5a746b4404e272de11dc0401f7c2171a2cac7b9d6aa47934616355e549eb89bf16e0f9d733417d421a4108c95439b2165866d07c3851612ec9c4249a06ec2d79ba16f0ddb1797e8"
        ),
        ModularCase(
            modulus:
                "dd2e16096e36aab0d1bc52d9230d977ee22571594720771f8ca8181166d2287672fdf2022a96fb1a14a0f9e77f1b103cdf1582b0eab477d26415479c65dc9f503f63af83bd0561e6211c70cf49952399c4aaeac137dc76fb0f17a3007e62aa0a1df9fd789c6539382b0537e65affb2297631a992f0ce583505c6af0758d5563dab2cd31ee315128862c33a4fb774eb5248db40af72158370d269a9a5ae658f33fe3b890b93f448b3a5aa3c814f426dcbb394fb36bb2d420f0f88080b10a3d6b2aa05e11ab2715945795e8229451abd81f1d69ed617f5e837d70820fe119a72d174c9df6acc011cdd9474031b7f26144b98289fcd59a54a7bb1fee08f57124243",
            base:
                "113db17d30cbc97d0fef792866836886a260cd0b7b45145c1a81682c64e50cad66237a0465e7e4236472f1a38f2c6ec8cc4169a3ae3a2b7fdfe01893f3aed0b6c7ac1491def88334e647cb8f74e69a5d0dd27a65bd628881ad1b72dba7abe1c29e1a8ef4f341e07a83f73f16dbf4a8b2b0c4312d20203626f3fe39c0519088f590fbbd119c1caaf75e8766ed88daf4016b4013ef254b0c4e010c4759482c9cbc43435cc52eae05cf96d0cc5fd4c28c2e7c26847f0316909e3bbbe9eaa8948c893b61867626bb7dbd2d1c9af0153e7c2a26a2c0bd3b1287fff52ddf5d616499c9e25a7605aec6f0245bd86d40fc891b4a6a50df4db4d66a3a47469a4d8cdb305f",
            publicExponent: 65537,
            secretExponent:
                "86ec41adea0575438b0d590bb0a844e52587be6b5c9bcf35873be078f3b7a50df373ca533488f87605e999f3842e7fc229540a6eb12aa1f6d42fddbb7a86f7a243c71b9abd87a86557b6fb7ebfeaa1551a28f7b324e4e25a15fc899e4fd58dbe7bdc968b7afb2c68774b15d7fa529ba3fe3bfada7cf20724d953ee261d87cec31f7296ab7961fd925d39d0a89a2ef80f58ee8571f4998d7c4093f6dea268aa872607679d6050914a9d33a01c353c631cdfd43f371200339d068739fa9d1de2a05d158a2ff2ee4e4519f9919c895fd7b326b94c7f9118bb16000f49c81a358ca00d75985d99c94309570dc1951c2442f9298cb3a570ccec313571810afc132d0d",
            publicPower:
                "9a077f0af53e6e29a5af623be983aa81aa798d0e308f23378483d22fe657e5d787633cfa6831d7ff48811b610def417eae79b4f04da85e949e23a4a62368752ec0bb358679599cc66c523851311ded7734fdc405a5a2279daa67a706b330c6833308b260727f29ff13cde73ea7607701b913faf3fccc99f5caf61d04db61ba15578802d5c5871e75972d57c45728c4ba87522b3820ae41300e280ca9f26d48d2579ea452b217d1b7d55c3cd47de547807344b5f6839b16a906b92ea3d17f955a389a5c994077e3cab5c2eac8fca7a12e9ff668d6684b739d3baf4567bb16190b5a20cf49fb80b57df1e478269ed7cf1bceb37c2ef69e4931913a782e78d59d59",
            secretPower:
                "5d3fe9a5b81b46a7e105680ba1417a4d6214631a005cb25fecd07b89141b5b24c11da1bd372fb76bf3ff68125411ab38e3a4db4ed38c7d14b771c6602c889acba61d45e82c0c05987a2029378a5dbfc9f66ae33f14b38ef8eb1fc84be7a4baa0cc89665a33a3d4907723390aa3e3d5f43d79f6a6d277c92d8e32e0477d315006857ed5554e64bf8ca71672aaf97f22f8e951bfffe1fdbdf7b06e17ae2a2890fef5582aa85805cc7f02bd0f59023426940524d59d8b3358b6f78dbcb988873c816278a1300b09bdd3cfb062fa3a8807b18719a9ef32b95341b46b1e4d11fd06e93b78625996461a13c3f44d0781171c791d833558860ba96e6ee18297e9d0175b"
        ),
    ]

    static func value(_ hex: String) throws -> BigUInt {
        BigUInt(bigEndianBytes: try #require([UInt8](hex: hex)))
    }

    @Test("4 modular exponentiation cases", arguments: cases)
    func exponentiation(_ testCase: ModularCase) throws {
        #expect(Self.cases.count == 4)
        let modulus = try Self.value(testCase.modulus)
        let base = try Self.value(testCase.base).resized(to: modulus.limbs.count)
        let context = try #require(MontgomeryModulus(modulus))
        let publicResult = BigUInt(limbs: context.publicPower(base.limbs, exponent: testCase.publicExponent))
        #expect(publicResult == (try Self.value(testCase.publicPower)).resized(to: modulus.limbs.count))

        var observer = UnobservedExponentiation()
        let baseMontgomery = context.multiply(base.limbs, context.rSquared)
        let exponent = try Self.value(testCase.secretExponent)
        let montgomeryResult = context.secretPower(
            montgomeryBase: baseMontgomery, exponent: exponent.limbs, observer: &observer)
        var plainOne = [UInt64](repeating: 0, count: modulus.limbs.count)
        plainOne[0] = 1
        let secretResult = BigUInt(limbs: context.multiply(montgomeryResult, plainOne))
        #expect(secretResult == (try Self.value(testCase.secretPower)).resized(to: modulus.limbs.count))

        // The same modulus padded with a zero limb (as the CRT primes are) gives the same values.
        let padded = try #require(MontgomeryModulus(modulus.resized(to: modulus.limbs.count + 1)))
        let paddedResult = BigUInt(limbs: padded.publicPower(base.resized(to: padded.limbCount).limbs, exponent: 65537))
        #expect(paddedResult == (try Self.value(testCase.publicPower)).resized(to: padded.limbCount))
    }

    @Test func bytesRoundTrip() throws {
        let bytes: [UInt8] = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        let value = BigUInt(bigEndianBytes: bytes)
        #expect(value.limbs == [0x0203_0405_0607_0809, 0x01])
        #expect(value.bitWidth == 65)
        #expect(value.bigEndianBytes(count: 11) == bytes)
        #expect(value.minimalBigEndianBytes == Array(bytes[2...]))
        #expect(BigUInt(bigEndianBytes: [UInt8]()).isZero)
        #expect(BigUInt(bigEndianBytes: bytes, limbCount: 1) == nil)
        #expect(BigUInt.compare(value, BigUInt(limbs: [1])) == 1)
        #expect(BigUInt.compare(BigUInt(limbs: [1, 0, 0]), BigUInt(limbs: [1])) == 0)
    }

    @Test("modular inverses, and values without one")
    func inverses() throws {
        // An RSA modulus: a random odd number may share small factors with random values.
        let document = try Vectors.jsonObject("wycheproof/rsa_signature_2048_sha256_test.json")
        let modulus = BigUInt(
            bigEndianBytes: try document.objects("testGroups")[0].object("publicKey").hexBytes("modulus"))
        let context = try #require(MontgomeryModulus(modulus))
        var one = [UInt64](repeating: 0, count: context.limbCount)
        one[0] = 1
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            var value = (0..<context.limbCount).map { _ in generator.next() as UInt64 }
            value[context.limbCount - 1] >>= 1
            let inverse = try #require(context.inverse(of: value))
            // value·inverse·R⁻¹·R² ·R⁻¹ = value·inverse ≡ 1.
            let product = context.multiply(context.multiply(value, inverse), context.rSquared)
            #expect(product == one)
        }
        let fifteen = try #require(MontgomeryModulus(BigUInt(limbs: [15])))
        #expect(fifteen.inverse(of: [2]) == [8])
        #expect(fifteen.inverse(of: [5]) == nil)
        #expect(fifteen.inverse(of: [0]) == nil)
        #expect(fifteen.inverse(of: [1]) == [1])
        #expect(context.inverse(of: [1]) == nil)  // wrong width
    }

    /// Mersenne primes 2^p − 1 of 1 to 35 limbs: every value in [1, 2^p − 1) has an inverse.
    @Test("modular inverses modulo primes of every width class", arguments: [61, 89, 127, 521, 607, 1279, 2203])
    func inversesModuloMersennePrimes(exponent: Int) throws {
        let limbCount = (exponent + 63) / 64
        var limbs = [UInt64](repeating: UInt64.max, count: limbCount)
        limbs[limbCount - 1] = UInt64.max >> UInt64(limbCount * 64 - exponent)
        let context = try #require(MontgomeryModulus(BigUInt(limbs: limbs)))
        var one = [UInt64](repeating: 0, count: limbCount)
        one[0] = 1
        var generator = SystemRandomNumberGenerator()
        var minusOne = limbs
        minusOne[0] -= 1  // p − 1
        var values: [[UInt64]] = [one, minusOne]
        for _ in 0..<20 {
            var value = (0..<limbCount).map { _ in generator.next() as UInt64 }
            value[limbCount - 1] &= limbs[limbCount - 1] >> 1  // below p
            value[0] |= 1  // not zero
            values.append(value)
        }
        for value in values {
            let inverse = try #require(context.inverse(of: value))
            #expect(BigUInt.compare(BigUInt(limbs: inverse), BigUInt(limbs: limbs)) < 0)
            let product = context.multiply(context.multiply(value, inverse), context.rSquared)
            #expect(product == one)
        }
        #expect(context.inverse(of: [UInt64](repeating: 0, count: limbCount)) == nil)
    }

    @Test func remainderAndProduct() throws {
        let a = try Self.value("123456789abcdef0fedcba98765432100f1e2d3c4b5a6978")
        let m = try Self.value("fedcba9876543211")
        // Python: hex(0x1234...78 % 0xfedcba9876543211)
        let expected = BigUInt(limbs: [0x642653b011acbfea])
        #expect(a.remainder(dividingBy: m) == expected)
        #expect(MontgomeryModulus(BigUInt(limbs: [4])) == nil)
        #expect(MontgomeryModulus(BigUInt(limbs: [1])) == nil)
        #expect(MontgomeryModulus(BigUInt(limbs: [0, 0])) == nil)
    }
}
