/// How long to warm up and how long and how often to time.
struct TimingPlan: Sendable {
    /// Timed repetitions per implementation; each yields one sample (ns per operation).
    var repetitions: Int
    /// Untimed running before the samples; it also sizes the batches.
    var warmUp: Duration
    /// Target length of one sample; a sample is a batch of operations, at least one.
    var sampleLength: Duration

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

/// Times implementations with `ContinuousClock` (CLOCK_MONOTONIC on Linux).
enum Timing {
    /// Median nanoseconds per operation of each implementation, in the order given.
    ///
    /// Each implementation is warmed up, which also sizes its batch so one sample lasts about
    /// `plan.sampleLength`. Then the samples are taken round-robin (one batch of each
    /// implementation in turn, `plan.repetitions` times), so that a burst of load on a shared
    /// machine hits every contender alike instead of one of them; the median drops such bursts.
    static func medianNanoseconds(of implementations: [Implementation], plan: TimingPlan) async throws -> [Double] {
        let clock = ContinuousClock()
        var batches: [Int] = []
        for implementation in implementations {
            var operations = 0
            let start = clock.now
            var elapsed = Duration.zero
            repeat {
                try await implementation.run(1)
                operations += 1
                elapsed = clock.now - start
            } while elapsed < plan.warmUp
            let perOperation = elapsed.nanoseconds / Double(operations)
            let batch = (plan.sampleLength.nanoseconds / max(perOperation, 1)).rounded(.up)
            batches.append(Int(min(max(batch, 1), 1e9)))
        }
        var samples = [[Double]](repeating: [], count: implementations.count)
        for _ in 0..<plan.repetitions {
            for (index, implementation) in implementations.enumerated() {
                let start = clock.now
                try await implementation.run(batches[index])
                let elapsed = clock.now - start
                samples[index].append(elapsed.nanoseconds / Double(batches[index]))
            }
        }
        return samples.map(median)
    }

    /// The middle sample (the mean of the two middle ones for an even count).
    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
