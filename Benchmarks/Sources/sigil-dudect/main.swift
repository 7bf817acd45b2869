import BenchmarkCommandLine
import Foundation

// sigil-dudect: a statistical timing test of Sigil's secret-dependent operations (dudect). See
// Benchmarks/README.md.

/// The |t| below which no leak is detected, and above which there is a leak (dudect's).
let noLeakBelow = 4.5
let leakAbove = 10.0
/// The measurements each class of a test needs before its |t| counts.
let minimumPerClass = 1_000

/// What a target's run concluded.
struct Outcome {
    let target: TimingTarget
    let result: MeasurementResult?
    let strongest: StrongestTest?
    let failure: String?

    /// The verdict, in words.
    var verdict: String {
        if let failure { return "not measured: \(failure)" }
        guard let strongest else { return "too few measurements for a verdict (fewer than 1,000 per class)" }
        let t = abs(strongest.t)
        switch target.kind {
        case .control:
            return t > leakAbove
                ? "leak, as the control must show: the harness sees a leak of this size"
                : "NOT flagged: the harness did not see the control's leak, so no verdict of this run means anything"
        case .publicReference:
            return t > leakAbove
                ? "differs, as expected: variable time on public inputs"
                : "no difference detected at this sample size (variable time on public inputs is allowed)"
        case .secret: break
        }
        if t < noLeakBelow { return "no leak detected at this sample size" }
        if t <= leakAbove { return "inconclusive: repeat, with more samples" }
        return "leak (on a loaded machine, repeat before concluding)"
    }

    /// Whether the run should exit with a failure because of this target.
    var fails: Bool {
        guard failure == nil else { return true }
        let t = abs(strongest?.t ?? 0)
        switch target.kind {
        case .control: return t <= leakAbove
        case .publicReference: return false
        case .secret: return t > leakAbove
        }
    }
}

/// The CPU model and the load average, for the report.
func machineSummary() -> String {
    var parts = ["\(ProcessInfo.processInfo.activeProcessorCount) CPUs"]
    if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let model = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") })?
            .split(separator: ":").last
    {
        parts.insert(model.trimmingCharacters(in: .whitespaces), at: 0)
    }
    parts.append(loadAverage())
    return parts.joined(separator: ", ")
}

/// The 1, 5 and 15 minute load averages.
func loadAverage() -> String {
    guard let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "load unknown" }
    return "load average \(load.split(separator: " ").prefix(3).joined(separator: " "))"
}

/// An integer with thousands separators.
func grouped(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return result
}

/// Nanoseconds, in the unit that reads best.
func duration(_ nanoseconds: Double) -> String {
    nanoseconds >= 1e6
        ? String(format: "%.3f ms", nanoseconds / 1e6)
        : nanoseconds >= 1e3 ? String(format: "%.2f µs", nanoseconds / 1e3) : String(format: "%.1f ns", nanoseconds)
}

let options = parseCommandLine(tool: "sigil-dudect", usage: Options.usage, Options.parse)

let targets = allTargets.filter { isSelected($0.name, by: options.filters) }
if options.list {
    for target in allTargets { print(target.name) }
    exit(0)
}
guard !targets.isEmpty else {
    printError("sigil-dudect: no target matches the filters; --list shows the names")
    exit(2)
}

let budgetText: String
switch options.budget {
case .seconds(let seconds): budgetText = "about \(seconds) s per target"
case .samples(let count): budgetText = "\(grouped(count)) executions per target after calibration"
}
print(
    """
    sigil-dudect: fixed vs random inputs, interleaved at random, each execution timed with CLOCK_MONOTONIC_RAW;
    Welch's t on all measurements, on 100 percentile crops and second order; |t| < \(noLeakBelow): no leak detected,
    > \(Int(leakAbove)): leak. A test counts from \(grouped(minimumPerClass)) measurements per class. \(budgetText).
    machine: \(machineSummary())

    """)

var outcomes: [Outcome] = []
for target in targets {
    print(target.name)
    print("    fixed:  \(target.fixedClass)")
    print("    random: \(target.randomClass)")
    if let note = target.note { print("    note:   \(note)") }
    let outcome: Outcome
    do {
        let run = try target.prepare()
        let result = try run(options.budget)
        outcome = Outcome(
            target: target, result: result, strongest: result.tests.strongest(minimumPerClass: minimumPerClass),
            failure: nil)
    } catch {
        outcome = Outcome(target: target, result: nil, strongest: nil, failure: "\(error)")
    }
    if let result = outcome.result {
        let all = result.tests.uncropped
        print(
            "    measured: \(grouped(all.count(.fixed))) fixed, \(grouped(all.count(.random))) random "
                + "(after \(grouped(result.calibrationCount)) for calibration) in \(String(format: "%.1f", result.seconds)) s; "
                + "mean \(duration(all.mean(.fixed))) fixed, \(duration(all.mean(.random))) random")
    }
    if let strongest = outcome.strongest {
        print(
            "    max |t| = \(String(format: "%.2f", abs(strongest.t))) "
                + "(\(strongest.name), \(grouped(strongest.perClass)) per class)")
    }
    print("    verdict: \(outcome.verdict)\n")
    fflush(nil)  // every stream: the report of a long run appears target by target
    outcomes.append(outcome)
}

print("| target | fixed | random | max \\|t\\| | verdict |")
print("|---|--:|--:|--:|---|")
for outcome in outcomes {
    let all = outcome.result?.tests.uncropped
    let t = outcome.strongest.map { String(format: "%.2f", abs($0.t)) } ?? "-"
    print(
        "| \(outcome.target.name) | \(all.map { grouped($0.count(.fixed)) } ?? "-") "
            + "| \(all.map { grouped($0.count(.random)) } ?? "-") | \(t) | \(outcome.verdict) |")
}
print("\nmachine at the end: \(loadAverage())")

if let path = options.jsonPath {
    let records: [[String: Any]] = outcomes.map { outcome in
        let all = outcome.result?.tests.uncropped
        var record: [String: Any] = [
            "name": outcome.target.name,
            "kind": "\(outcome.target.kind)",
            "fixed_samples": all?.count(.fixed) ?? 0,
            "random_samples": all?.count(.random) ?? 0,
            "calibration_samples": outcome.result?.calibrationCount ?? 0,
            "fixed_mean_ns": all?.mean(.fixed) ?? 0,
            "random_mean_ns": all?.mean(.random) ?? 0,
            "seconds": outcome.result?.seconds ?? 0,
            "verdict": outcome.verdict,
            "max_abs_t": outcome.strongest.map { abs($0.t) } ?? NSNull(),
            "max_t_test": outcome.strongest?.name ?? NSNull(),
        ]
        if let failure = outcome.failure { record["error"] = failure }
        return record
    }
    do {
        let data = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
    } catch {
        printError("sigil-dudect: cannot write \(path): \(error)")
        exit(1)
    }
}

exit(outcomes.contains { $0.fails } ? 1 : 0)
