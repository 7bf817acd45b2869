import BenchmarkCommandLine
import Foundation

/// A whole run: builds the rows, measures the selected ones, prints and writes the results.
struct Benchmark: Sendable {
    var options: Options

    var plan: TimingPlan {
        var plan = options.quick ? TimingPlan.quick : TimingPlan.full
        if let repetitions = options.repetitions { plan.repetitions = repetitions }
        plan.clock = options.clock
        return plan
    }

    /// Returns the process exit status: 0, or 1 when a row could not be built or measured.
    func run() async -> Int32 {
        var failed = false
        var rows: [Row] = []
        for group in Catalog.groups {
            do {
                rows += try await group.makeRows()
            } catch {
                printError("sigil-bench: the \(group.name) rows cannot be built: \(error)")
                failed = true
            }
        }
        // Names identify rows and implementations to the child process and in the JSON.
        var seen: Set<String> = []
        for row in rows {
            let implementations = row.implementations.map(\.name)
            guard seen.insert(row.name).inserted, Set(implementations).count == implementations.count else {
                printError("sigil-bench: row names, and implementation names within a row, must be unique: \(row.name)")
                return 1
            }
        }
        let selected = rows.filter { isSelected($0.name, by: options.filters) }

        if options.list {
            for row in rows { print(row.name) }
            return 0
        }
        if let label = options.childVariant {
            return await VariantChild.serve(label: label, rows: rows, clock: plan.clock)
        }
        if selected.isEmpty {
            printError("sigil-bench: no row matches \(options.filters)")
            return 2
        }

        printPreamble()
        var children: [ProcessVariant: VariantChild] = [:]
        var childFailures: [ProcessVariant: String] = [:]
        let variants = Set(selected.flatMap { $0.implementations.compactMap(\.variant) })
        for variant in variants.sorted(by: { $0.label < $1.label }) {
            let environment = variant.environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            print("[\(variant.label)] timed in a child process started with \(environment), interleaved with the rest")
            do {
                children[variant] = try VariantChild(variant, options: options)
            } catch {
                childFailures[variant] = error.description
            }
        }
        print("")

        let report = Report(rows: selected)
        report.printHeader()
        var results: [RowResult] = []
        _ = Retries.drain()  // retries while the rows were built belong to no row
        for row in selected {
            let result = await measure(row, children: children, childFailures: childFailures)
            report.printRow(result)
            failed = failed || result.failed
            results.append(result)
        }
        for child in children.values { child.finish() }
        print("")
        print(Report.ratioExplanation)

        if options.markdown {
            print("")
            print(Report.markdown(results))
        }
        if let path = options.jsonPath {
            do {
                try Report.json(results).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                printError("sigil-bench: cannot write \(path): \(error)")
                failed = true
            }
        }
        return failed ? 1 : 0
    }

    private func printPreamble() {
        #if DEBUG
        print("WARNING: debug build; the figures mean nothing. Use swift run -c release.")
        #endif
        let mode = options.quick ? "quick smoke run, numbers not meaningful" : "full run"
        let clock = plan.clock == .wall ? "wall clock (CLOCK_MONOTONIC)" : "process CPU time"
        print("sigil-bench (\(mode)): median of \(plan.repetitions) timed repetitions after a warm-up, \(clock)")
        print("machine: \(Machine.summary())")
    }

    /// Times all of the row's implementations together, those of a variant through its child.
    private func measure(
        _ row: Row,
        children: [ProcessVariant: VariantChild],
        childFailures: [ProcessVariant: String]
    ) async -> RowResult {
        var contenders: [any Contender] = []
        var positions: [Int?] = []  // each implementation's index in `contenders`, nil if none
        var failures: [String?] = []
        for implementation in row.implementations {
            if let variant = implementation.variant {
                guard let child = children[variant] else {
                    positions.append(nil)
                    failures.append(childFailures[variant] ?? "no child process")
                    continue
                }
                contenders.append(child.contender(row: row.name, implementation: implementation.name))
            } else {
                contenders.append(implementation)
            }
            positions.append(contenders.count - 1)
            failures.append(nil)
        }
        let outcomes = await Timing.medians(of: contenders, plan: plan)
        let figures = row.implementations.indices.map { index in
            let outcome = positions[index].map { outcomes[$0] }
            return Figure(
                implementation: row.implementations[index].name,
                median: outcome?.nanosecondsPerOperation.map {
                    row.unit.figure(nanosecondsPerOperation: $0 / Double(row.operations), bytes: row.bytes)
                },
                failure: failures[index] ?? outcome?.failure
            )
        }
        let sigil = row.sigil == nil ? nil : figures.first
        return RowResult(
            name: row.name, unit: row.unit, sigil: sigil, peers: Array(figures.dropFirst(sigil == nil ? 0 : 1)),
            retries: Retries.drain())
    }
}
