import Foundation

/// Runs sigil-bench again as a child process with a variant's environment (see `ProcessVariant`).
enum VariantChild {
    /// The line prefix of a child's result on its standard output.
    static let resultPrefix = "sigil-bench-child"

    /// Identifies a result: row name and implementation name.
    struct Key: Hashable, Sendable {
        var row: String
        var implementation: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Spawns the child, waits for it, and returns its medians in nanoseconds per operation.
    static func measure(_ variant: ProcessVariant, options: Options) throws(Failure) -> [Key: Double] {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = options.childArguments(variant: variant)
        process.environment = ProcessInfo.processInfo.environment.merging(variant.environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start the \(variant.label) child: \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure(description: "the \(variant.label) child failed (status \(process.terminationStatus))")
        }
        var results: [Key: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0] == resultPrefix, let nanoseconds = Double(fields[3]) else { continue }
            results[Key(row: String(fields[1]), implementation: String(fields[2]))] = nanoseconds
        }
        return results
    }

    /// The child's side: measures the selected rows' implementations of `label` and prints one
    /// result line per implementation. Returns false when any failed.
    static func runAsChild(label: String, rows: [Row], plan: TimingPlan) async -> Bool {
        var succeeded = true
        for row in rows {
            let implementations = row.implementations.filter { $0.variant?.label == label }
            guard !implementations.isEmpty else { continue }
            do {
                let medians = try await Timing.medianNanoseconds(of: implementations, plan: plan)
                for (implementation, median) in zip(implementations, medians) {
                    print([resultPrefix, row.name, implementation.name, String(median)].joined(separator: "\t"))
                }
            } catch {
                printError("\(row.name): \(error)")
                succeeded = false
            }
        }
        return succeeded
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
