import Foundation

/// The clock samples are read from.
enum MeasuringClock: String, Sendable {
    /// `CLOCK_MONOTONIC`: elapsed real time, the default.
    case wall
    /// `CLOCK_PROCESS_CPUTIME_ID`: CPU time of the whole process (all its threads), which leaves
    /// out the time the process waits for a CPU. Steadier on a loaded, shared machine; on an
    /// idle one the two agree.
    case cpu

    /// The clock's current reading in nanoseconds.
    func now() -> Double {
        var time = timespec()
        clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e9 + Double(time.tv_nsec)
    }
}

/// How long to warm up and how long and how often to time.
struct TimingPlan: Sendable {
    /// Timed repetitions per implementation; each yields one sample (ns per operation).
    var repetitions: Int
    /// Untimed running before the samples; it also sizes the batches.
    var warmUp: Duration
    /// Target length of one sample; a sample is a batch of operations, at least one.
    var sampleLength: Duration
    /// Which clock measures both.
    var clock = MeasuringClock.wall

    static let full = TimingPlan(repetitions: 21, warmUp: .milliseconds(150), sampleLength: .milliseconds(20))
    static let quick = TimingPlan(repetitions: 3, warmUp: .milliseconds(2), sampleLength: .milliseconds(2))
}

extension Duration {
    /// This duration in nanoseconds, as a Double.
    var nanoseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}

/// Something that can be timed: an implementation in this process, or one in a child process.
protocol Contender {
    var name: String { get }
    /// Runs the operation, untimed, for at least `duration` and at least once; returns the
    /// nanoseconds per operation it saw.
    func warmUp(for duration: Duration, clock: MeasuringClock) async throws -> Double
    /// Runs the operation `count` times; returns the elapsed nanoseconds.
    func time(_ count: Int, clock: MeasuringClock) async throws -> Double
}

extension Implementation: Contender {
    func warmUp(for duration: Duration, clock: MeasuringClock) async throws -> Double {
        var operations = 0
        let start = clock.now()
        var elapsed = 0.0
        repeat {
            try await run(1)
            operations += 1
            elapsed = clock.now() - start
        } while elapsed < duration.nanoseconds
        return elapsed / Double(operations)
    }

    func time(_ count: Int, clock: MeasuringClock) async throws -> Double {
        let start = clock.now()
        try await run(count)
        return clock.now() - start
    }
}

/// The median of one contender, or why it has none.
struct TimingOutcome: Sendable {
    var nanosecondsPerOperation: Double?
    var failure: String?
}

/// Times contenders with `clock_gettime`, `CLOCK_MONOTONIC` unless `--cpu-clock` is given.
enum Timing {
    /// Median nanoseconds per operation of each contender, in the order given.
    ///
    /// Each contender is warmed up, which also sizes its batch so that one sample lasts about
    /// `plan.sampleLength`. Then the samples are taken round-robin (one batch of each contender
    /// in turn, `plan.repetitions` times), so that a burst of load on a shared machine hits
    /// every contender alike instead of one of them, and the median drops such bursts. A
    /// contender that throws is dropped from the rest of the round; the others go on.
    static func medians(of contenders: [any Contender], plan: TimingPlan) async -> [TimingOutcome] {
        var outcomes = [TimingOutcome](repeating: TimingOutcome(), count: contenders.count)
        var batches = [Int](repeating: 1, count: contenders.count)
        for (index, contender) in contenders.enumerated() {
            do {
                let perOperation = try await contender.warmUp(for: plan.warmUp, clock: plan.clock)
                let batch = (plan.sampleLength.nanoseconds / max(perOperation, 1)).rounded(.up)
                batches[index] = Int(min(max(batch, 1), 1e9))
            } catch {
                outcomes[index].failure = "\(error)"
            }
        }
        var samples = [[Double]](repeating: [], count: contenders.count)
        for _ in 0..<plan.repetitions {
            for (index, contender) in contenders.enumerated() where outcomes[index].failure == nil {
                do {
                    samples[index].append(
                        try await contender.time(batches[index], clock: plan.clock) / Double(batches[index]))
                } catch {
                    outcomes[index].failure = "\(error)"
                }
            }
        }
        for index in outcomes.indices where outcomes[index].failure == nil {
            outcomes[index].nanosecondsPerOperation = median(samples[index])
        }
        return outcomes
    }

    /// The middle sample (the mean of the two middle ones for an even count).
    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
