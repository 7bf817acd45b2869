import Foundation

/// A whole run: builds the rows, measures the selected ones, prints and writes the results.
struct Benchmark: Sendable {
    var options: Options

    var plan: TimingPlan {
        var plan = options.quick ? TimingPlan.quick : TimingPlan.full
        if let repetitions = options.repetitions { plan.repetitions = repetitions }
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
        let names = rows.map(\.name)
        if Set(names).count != names.count {
            printError("sigil-bench: two rows have the same name")
            return 1
        }
        let selected = rows.filter { options.selects($0.name) }

        if options.list {
            for row in rows { print(row.name) }
            return 0
        }
        if let label = options.childVariant {
            let succeeded = await VariantChild.runAsChild(label: label, rows: selected, plan: plan)
            return succeeded && !failed ? 0 : 1
        }
        if selected.isEmpty {
            printError("sigil-bench: no row matches \(options.filters)")
            return 2
        }

        printPreamble()
        var childMedians: [VariantChild.Key: Double] = [:]
        var childFailures: [String: String] = [:]
        let variants = Set(selected.flatMap { $0.implementations.compactMap(\.variant) })
        for variant in variants.sorted(by: { $0.label < $1.label }) {
            let environment = variant.environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            print("[\(variant.label)] measured in a child process started with \(environment)")
            do {
                childMedians.merge(try VariantChild.measure(variant, options: options)) { $1 }
            } catch {
                childFailures[variant.label] = error.description
            }
        }
        print("")

        let report = Report(rows: selected)
        report.printHeader()
        var results: [RowResult] = []
        for row in selected {
            let result = await measure(row, childMedians: childMedians, childFailures: childFailures)
            report.printRow(result)
            failed = failed || result.failed
            results.append(result)
        }
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
        print("sigil-bench (\(mode)): median of \(plan.repetitions) timed repetitions after a warm-up")
        print("machine: \(Machine.summary())")
    }

    /// Measures the row's in-process implementations together, and takes the variant ones'
    /// figures from their child.
    private func measure(
        _ row: Row,
        childMedians: [VariantChild.Key: Double],
        childFailures: [String: String]
    ) async -> RowResult {
        let local = row.implementations.filter { $0.variant == nil }
        var nanoseconds: [String: Double] = [:]
        var localFailure: String?
        do {
            let medians = try await Timing.medianNanoseconds(of: local, plan: plan)
            for (implementation, median) in zip(local, medians) { nanoseconds[implementation.name] = median }
        } catch {
            localFailure = "\(error)"
        }
        func figure(_ implementation: Implementation) -> Figure {
            let measured: Double?
            let failure: String?
            if let variant = implementation.variant {
                measured = childMedians[VariantChild.Key(row: row.name, implementation: implementation.name)]
                failure = measured == nil ? childFailures[variant.label] ?? "no result from the child" : nil
            } else {
                measured = nanoseconds[implementation.name]
                failure = measured == nil ? localFailure ?? "not measured" : nil
            }
            return Figure(
                implementation: implementation.name,
                median: measured.map { row.unit.figure(nanosecondsPerOperation: $0, bytes: row.bytes) },
                failure: failure
            )
        }
        return RowResult(name: row.name, unit: row.unit, sigil: row.sigil.map(figure), peers: row.peers.map(figure))
    }
}
