import Testing

@testable import SigilJSON

/// The pure-Swift conversion used in Embedded Swift must agree with the C library's
/// correctly rounded strtod (through `Double(_: String)`) on every input.
@Suite("Decimal to double: the Embedded conversion agrees with strtod")
struct DecimalToDoubleTests {
    /// Exact decimal expansions of values halfway between two doubles: they must round to
    /// even, and one more nonzero digit anywhere must round up.
    static let ties: [String] = [
        // 2^-1075, halfway between 0 and the smallest subnormal.
        "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996"
            + "1898982823477228588654633283551779698981993873980053909390631503565951557022639229085839244910518443"
            + "5931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927"
            + "8343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378"
            + "5739345073633900796776193057750674017632467360096895134053553745851666113422376667860416215968046191"
            + "4467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668"
            + "2350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854"
            + "51396213837722826145437693412532098591327667236328125e-324",
        // 2^1024 - 2^970, halfway between the largest double and 2^1024.
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070"
            + "9633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447"
            + "5730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904"
            + "174497792",
        // 1 + 2^-53, halfway between 1 and its successor.
        "1.00000000000000011102230246251565404236316680908203125",
        // 2^-1022 - 2^-1075, halfway between the largest subnormal and the smallest normal.
        "2.22507385850720113605740979670913197593481954635164564802342610972482222202107694551652952390813508"
            + "7914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012"
            + "9811224514518898490572223072852551331557550159143974763979834118019993239625482890171070818506906306"
            + "6665599493827577257201576306269066333264756530000924588831643303777979186961204949739037782970490505"
            + "1080609940730262937128958950003583799967207254304360284078895771796150945516748243471030702609144621"
            + "5722898802581825451803257070188608721131280795122334262883686223215037756666225039825343359745688844"
            + "2390026549819838548794829220689472168983109969836584681402285424333066033985088644580400103493397042"
            + "756718644338377048603786162277173854562306587467901408672332763671875e-308",
    ]

    static func check(_ literal: String) {
        let expected = Double(literal)
        let actual = DecimalToDouble.convertExactly(literal)
        #expect(actual?.bitPattern == expected?.bitPattern, "\(literal)")
    }

    @Test("exact ties round to even; a nonzero tail rounds up; below the tie rounds down")
    func ties() {
        #expect(Self.ties.count == 4)
        for tie in Self.ties {
            let (mantissa, exponent) = Self.split(tie)
            Self.check(tie)
            Self.check(mantissa + "0000000000000000001" + exponent)
            Self.check(mantissa + String(repeating: "0", count: 900) + "1" + exponent)
            Self.check(Self.decrementLastDigit(mantissa) + "9999999999" + exponent)
        }
        #expect(DecimalToDouble.convertExactly(Self.ties[0]) == 0)
        #expect(DecimalToDouble.convertExactly(Self.ties[1]) == .infinity)
    }

    static func split(_ literal: String) -> (String, String) {
        guard let marker = literal.firstIndex(of: "e") else { return (literal, "") }
        return (String(literal[..<marker]), String(literal[marker...]))
    }

    static func decrementLastDigit(_ mantissa: String) -> String {
        var digits = Array(mantissa)
        var position = digits.count - 1
        while position >= 0 {
            if let value = digits[position].wholeNumberValue {
                if value > 0 {
                    digits[position] = Character(String(value - 1))
                    break
                }
                digits[position] = "9"
            }
            position -= 1
        }
        return String(digits)
    }

    @Test("hard and boundary cases")
    func boundaries() {
        let cases = [
            "0", "-0", "0.0", "1", "-1", "9007199254740993", "9007199254740995", "9007199254740992.5",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "7.4109846876186982e-324",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309",
            "1e-323", "1e-324", "3e-324", "1e23", "8.41e21", "5e-324", "0.1", "0.3", "123456789012345678901234567890",
            "1.448997445238699", "4.35679828e-311", "9.5e-320", "2.470328229206232720882e-324",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999",
            "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
        ]
        for literal in cases { Self.check(literal) }
        #expect(cases.count == 35)
    }

    @Test("random literals of every length and exponent", arguments: 0..<4)
    func random(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed) &+ 0xDEC1_4A1)
        var checked = 0
        for _ in 0..<1_000 {
            let digitCount = Int.random(in: 1...40, using: &generator)
            var literal = Bool.random(using: &generator) ? "-" : ""
            literal += String(Int.random(in: 1...9, using: &generator))
            var fraction = ""
            for _ in 1..<digitCount { fraction += String(Int.random(in: 0...9, using: &generator)) }
            if !fraction.isEmpty { literal += "." + fraction }
            literal += "e" + String(Int.random(in: -345...310, using: &generator))
            Self.check(literal)
            // The same digits written as a double's shortest representation round-trip.
            if let value = Double(literal), value.isFinite { Self.check(value.description) }
            checked += 1
        }
        #expect(checked == 1_000)
    }
}
