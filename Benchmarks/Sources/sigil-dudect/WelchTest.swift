import Foundation

/// One of the two input classes of a dudect test.
enum InputClass: Int, Sendable {
    /// The same input every time.
    case fixed = 0
    /// A fresh input from the target's distribution every time.
    case random = 1
}

/// The running mean and variance of a stream of values (Welford's algorithm), one value at a
/// time and without storing them.
struct RunningMoments: Sendable {
    /// How many values were added.
    private(set) var count = 0
    /// Their mean.
    private(set) var mean = 0.0
    /// The sum of squared deviations from the mean.
    private var squaredDeviations = 0.0

    /// Adds one value.
    mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (value - mean)
    }

    /// The unbiased sample variance (0 below two values).
    var variance: Double { count > 1 ? squaredDeviations / Double(count - 1) : 0 }
}

/// Welch's t-test between the fixed and the random class, updated online.
///
/// t = (mean₀ − mean₁) / √(s₀²/n₀ + s₁²/n₁). When both classes have the same mean, |t| is
/// rarely large: above 4.5 with a probability of about 7·10⁻⁶ for one test, which is the
/// threshold of the dudect paper.
struct WelchTest: Sendable {
    /// The moments of each class, indexed by `InputClass.rawValue`.
    private var classes = [RunningMoments(), RunningMoments()]

    /// Adds one measurement of a class.
    mutating func add(_ value: Double, to inputClass: InputClass) {
        classes[inputClass.rawValue].add(value)
    }

    /// The number of measurements of a class.
    func count(_ inputClass: InputClass) -> Int { classes[inputClass.rawValue].count }

    /// The mean of a class.
    func mean(_ inputClass: InputClass) -> Double { classes[inputClass.rawValue].mean }

    /// The smaller of the two classes' counts.
    var smallerCount: Int { min(classes[0].count, classes[1].count) }

    /// Welch's t statistic (0 while a class has fewer than two values or neither has any spread).
    var t: Double {
        let (fixed, random) = (classes[0], classes[1])
        guard fixed.count > 1, random.count > 1 else { return 0 }
        let standardError = (fixed.variance / Double(fixed.count) + random.variance / Double(random.count))
            .squareRoot()
        guard standardError > 0 else { return 0 }
        return (fixed.mean - random.mean) / standardError
    }
}

/// The t-tests that dudect runs on one target's measurements.
///
/// As in dudect (Reparaz, Balasch, Verbauwhede, "Dude, is my code constant time?", DATE 2017,
/// §2 and its reference code):
/// - one test on every measurement;
/// - 100 tests on cropped measurements: test i keeps only the measurements below the
///   (1 − 0.5^(10·(i+1)/100)) quantile of a calibration run, from the fastest 6.7% up to all but
///   the slowest 0.1%. Cropping removes the long upper tail that interrupts and other processes
///   add, which would otherwise swamp a small difference;
/// - one second-order test on (x − mean of its class)², once each class has 10,000
///   measurements: it sees a difference in spread rather than in mean.
///
/// The verdict uses the largest |t| among the tests that hold enough measurements.
struct LeakageTests: Sendable {
    /// The number of cropping thresholds.
    static let cropCount = 100
    /// The class size from which the second-order test starts.
    static let secondOrderStart = 10_000

    /// The quantile below which crop `index` keeps measurements.
    static func cropQuantile(_ index: Int) -> Double {
        1 - pow(0.5, 10 * Double(index + 1) / Double(cropCount))
    }

    /// The cropping thresholds, in nanoseconds, ascending.
    let thresholds: [Double]
    /// The test on every measurement.
    private(set) var uncropped = WelchTest()
    /// The tests on cropped measurements, one per threshold.
    private var cropped: [WelchTest]
    /// The second-order test.
    private var secondOrder = WelchTest()

    /// Tests whose crops come from the quantiles of `calibration`: measurements in
    /// nanoseconds, of both classes together.
    init(calibration: [Double]) {
        let sorted = calibration.sorted()
        thresholds = (0..<Self.cropCount).map { index in
            guard !sorted.isEmpty else { return .infinity }
            let position = Int((Self.cropQuantile(index) * Double(sorted.count)).rounded(.down))
            return sorted[min(position, sorted.count - 1)]
        }
        cropped = [WelchTest](repeating: WelchTest(), count: Self.cropCount)
    }

    /// Adds one measurement to every test it belongs to.
    mutating func add(_ nanoseconds: Double, to inputClass: InputClass) {
        uncropped.add(nanoseconds, to: inputClass)
        for index in thresholds.indices where nanoseconds < thresholds[index] {
            cropped[index].add(nanoseconds, to: inputClass)
        }
        if uncropped.smallerCount > Self.secondOrderStart {
            let centered = nanoseconds - uncropped.mean(inputClass)
            secondOrder.add(centered * centered, to: inputClass)
        }
    }

    /// The test with the largest |t| among those whose classes each hold at least
    /// `minimumPerClass` measurements, or `nil` while there is none.
    func strongest(minimumPerClass: Int) -> StrongestTest? {
        var candidates: [(String, WelchTest)] = [("all measurements", uncropped)]
        for (index, test) in cropped.enumerated() {
            candidates.append(("below the \(Self.percentile(Self.cropQuantile(index))) percentile", test))
        }
        candidates.append(("second order", secondOrder))
        var best: StrongestTest?
        for (name, test) in candidates where test.smallerCount >= minimumPerClass {
            if let current = best, abs(test.t) <= abs(current.t) { continue }
            best = StrongestTest(name: name, t: test.t, perClass: test.smallerCount)
        }
        return best
    }

    /// A quantile as a percentile with enough decimals to tell it from 100 ("6.7th", "99.90th").
    private static func percentile(_ quantile: Double) -> String {
        let value = quantile * 100
        return String(format: value < 99 ? "%.1fth" : value < 99.9 ? "%.2fth" : "%.3fth", value)
    }
}

/// The test behind a verdict.
struct StrongestTest: Sendable {
    /// Which measurements it used ("all measurements", "below the 99.90th percentile", …).
    let name: String
    /// Its t statistic; positive when the fixed class is slower.
    let t: Double
    /// The smaller of its two classes' counts.
    let perClass: Int
}
