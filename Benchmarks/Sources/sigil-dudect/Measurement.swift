import Foundation

/// The clock every execution is timed with: `CLOCK_MONOTONIC_RAW`, in nanoseconds.
///
/// On Linux x86-64 with the `tsc` clock source this is a vDSO call that reads the time-stamp
/// counter (no system call), about 20 ns, with 1 ns resolution; `RAW` is not slewed by NTP.
/// The call costs the same for both classes, so it shifts both means alike and does not bias
/// the test.
@inline(__always)
func monotonicRawNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC_RAW, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
}

/// A fast pseudo-random generator (xoshiro256**) seeded from the system's, for class choices
/// and random inputs.
///
/// The inputs only need to be unpredictable to the code under test, not to an adversary, and
/// drawing them must be cheap enough not to dominate a run of short targets.
struct InputGenerator: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator seeded from `SystemRandomNumberGenerator`.
    init() {
        var system = SystemRandomNumberGenerator()
        state = (system.next(), system.next(), system.next(), system.next() | 1)
    }

    mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// `count` random bytes.
    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}

/// How long a target is measured.
enum MeasurementBudget: Sendable {
    /// For about this many seconds of measuring (the calibration included).
    case seconds(Double)
    /// For this many timed executions after the calibration, both classes together.
    case samples(Int)
}

/// What one target's run found.
struct MeasurementResult: Sendable {
    /// The t-tests, with every measurement after the calibration.
    let tests: LeakageTests
    /// Executions timed for the calibration (not in the tests).
    let calibrationCount: Int
    /// Wall-clock seconds the run took, calibration and input preparation included.
    let seconds: Double
}

/// Where every result of a timed operation goes, so that the optimiser cannot drop the work.
nonisolated(unsafe) private var resultSink: UInt8 = 0

/// Consumes a byte array by its last byte, so that its contents must have been computed.
@inline(never)
func blackHole(_ value: [UInt8]) {
    resultSink ^= value.last ?? 0
}

/// Consumes a Boolean.
@inline(never)
func blackHole(_ value: Bool) {
    resultSink ^= value ? 1 : 0
}

/// Runs dudect's measurement loop on one target.
///
/// Measurements are taken in batches of `batchSize`. For each batch, a class is drawn for
/// every execution (a fair coin, so the two classes are interleaved in random order) and
/// every input is prepared; only then is each execution timed on its own, with
/// `monotonicRawNanoseconds()` just before and just after `operation`. Preparing inputs
/// outside the timed region keeps the cost of drawing random inputs out of the random class.
/// The first executions (about a tenth of the budget, 100 to 10,000 of them) are a
/// calibration: they warm up caches and the branch predictor and give the cropping
/// thresholds, and are then discarded, as dudect does with its first batch. Every later
/// measurement goes into `LeakageTests` as it comes; none is stored beyond its batch.
///
/// - Parameters:
///   - budget: How long to measure.
///   - batchSize: Executions per batch.
///   - makeInput: Makes the input of one execution of a class.
///   - operation: One execution; it must hand its result to `blackHole`.
/// - Returns: The tests and the counts.
/// - Throws: What `operation` throws; the run stops there.
func measure<Input>(
    budget: MeasurementBudget,
    batchSize: Int = 256,
    makeInput: (InputClass, inout InputGenerator) -> Input,
    operation: (Input) throws -> Void
) throws -> MeasurementResult {
    var generator = InputGenerator()
    let start = monotonicRawNanoseconds()
    func elapsedSeconds() -> Double { Double(monotonicRawNanoseconds() - start) / 1e9 }

    var classes = [InputClass](repeating: .fixed, count: batchSize)
    var inputs: [Input] = []
    inputs.reserveCapacity(batchSize)
    var times = [UInt64](repeating: 0, count: batchSize)

    /// Times one batch; fills `classes` and `times`.
    func timeBatch() throws {
        inputs.removeAll(keepingCapacity: true)
        for index in 0..<batchSize {
            classes[index] = generator.next() & 1 == 0 ? .fixed : .random
            inputs.append(makeInput(classes[index], &generator))
        }
        for index in 0..<batchSize {
            let input = inputs[index]
            let before = monotonicRawNanoseconds()
            try operation(input)
            let after = monotonicRawNanoseconds()
            times[index] = after &- before
        }
    }

    // Calibration: warm-up and cropping thresholds.
    var calibration: [Double] = []
    let calibrationTarget: (count: Int, seconds: Double)
    switch budget {
    case .seconds(let seconds): calibrationTarget = (10_000, seconds / 10)
    case .samples(let count): calibrationTarget = (min(max(count / 10, 100), 10_000), .infinity)
    }
    repeat {
        try timeBatch()
        calibration += times.map { Double($0) }
    } while calibration.count < 100
        || (calibration.count < calibrationTarget.count && elapsedSeconds() < calibrationTarget.seconds)

    var tests = LeakageTests(calibration: calibration)
    var measured = 0
    func budgetSpent() -> Bool {
        switch budget {
        case .seconds(let seconds): measured > 0 && elapsedSeconds() >= seconds
        case .samples(let count): measured >= count
        }
    }
    while !budgetSpent() {
        try timeBatch()
        for index in 0..<batchSize {
            tests.add(Double(times[index]), to: classes[index])
        }
        measured += batchSize
    }
    return MeasurementResult(tests: tests, calibrationCount: calibration.count, seconds: elapsedSeconds())
}
