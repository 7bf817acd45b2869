import Testing

@testable import SigilEC

/// The limb-count-parameterised arithmetic (what `ModularElement` uses on wasm32) agrees with
/// the generic arithmetic (what it uses natively, checked by the signature vectors) for every
/// modulus: sums, differences and Montgomery products of edge values and pseudo-random values.
@Suite("Limb arithmetic with the limb count as a parameter")
struct LimbArithmeticTests {
    /// The number of operand values per modulus: 0, 1, 2, m − 2, m − 1 and 7 pseudo-random values.
    static let valuesPerModulus = 12

    /// Operands below m, as raw limbs: edge values and values from a fixed xorshift sequence,
    /// their top limb cut below the modulus's top bit.
    static func operands<M: MontgomeryModulus>(_: M.Type) -> [M.Storage] {
        var values: [M.Storage] = []
        for small in [UInt64(0), 1, 2] {
            var value = M.Storage()
            value[0] = small
            values.append(value)
        }
        for below in [UInt64(2), 1] {
            var value = M.modulus
            value[0] -= below  // m is odd and its low limb is above 2 for every curve.
            values.append(value)
        }
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        let topBits = (M.bitCount - 1) % 64
        let topLimb = (M.bitCount - 1) / 64
        while values.count < valuesPerModulus {
            var value = M.Storage()
            for index in 0..<M.Storage.count {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                value[index] = index < topLimb ? state : 0
                if index == topLimb { value[index] = topBits == 0 ? 0 : state >> UInt64(64 - topBits) }
            }
            values.append(value)
        }
        return values
    }

    /// Checks every pair of operands of modulus `M`; returns the number of pairs checked.
    static func checkEveryPair<M: MontgomeryModulus>(_ modulus: M.Type) -> Int {
        let values = operands(modulus)
        let count = M.Storage.count
        var pairs = 0
        for a in values {
            for b in values {
                let x = ModularElement<M>(montgomery: a)
                let y = ModularElement<M>(montgomery: b)
                var sum = M.Storage()
                var difference = M.Storage()
                var product = M.Storage()
                a.withLimbs { a in
                    b.withLimbs { b in
                        M.modulus.withLimbs { m in
                            sum.withMutableLimbs { modularSum(a, b, modulus: m, count: count, into: $0) }
                            difference.withMutableLimbs { modularDifference(a, b, modulus: m, count: count, into: $0) }
                            product.withMutableLimbs {
                                montgomeryProduct(
                                    a, b, modulus: m, negatedInverse: M.negatedInverse, count: count, into: $0)
                            }
                        }
                    }
                }
                #expect(sum == (x + y).limbs)
                #expect(difference == (x - y).limbs)
                #expect(product == (x * y).limbs)
                pairs += 1
            }
        }
        return pairs
    }

    @Test("P-256 field and order")
    func p256() {
        #expect(Self.checkEveryPair(P256FieldModulus.self) == Self.valuesPerModulus * Self.valuesPerModulus)
        #expect(Self.checkEveryPair(P256OrderModulus.self) == Self.valuesPerModulus * Self.valuesPerModulus)
    }

    @Test("P-384 field and order")
    func p384() {
        #expect(Self.checkEveryPair(P384FieldModulus.self) == Self.valuesPerModulus * Self.valuesPerModulus)
        #expect(Self.checkEveryPair(P384OrderModulus.self) == Self.valuesPerModulus * Self.valuesPerModulus)
    }

    @Test("P-521 field and order")
    func p521() {
        #expect(Self.checkEveryPair(P521FieldModulus.self) == Self.valuesPerModulus * Self.valuesPerModulus)
        #expect(Self.checkEveryPair(P521OrderModulus.self) == Self.valuesPerModulus * Self.valuesPerModulus)
    }
}
