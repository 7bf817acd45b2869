import Foundation

/// A running copy of sigil-bench started with a variant's environment (see `ProcessVariant`),
/// which times that variant's implementations on request.
///
/// The parent sends one request per line on the child's standard input and reads one answer
/// per line from its standard output, so a child's samples are taken in the same round-robin
/// as the in-process ones (the parent sleeps in `read` meanwhile):
///
///     warmup <TAB> row <TAB> implementation <TAB> nanoseconds   ->  ok <TAB> ns per operation
///     time <TAB> row <TAB> implementation <TAB> count            ->  ok <TAB> elapsed ns
///                                                               or  error <TAB> message
///
/// The child exits at the end of its input.
final class VariantChild {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let variant: ProcessVariant
    private let process = Process()
    private let requests = Pipe()
    private let answers = Pipe()
    private var pending: [UInt8] = []
    private var broken: String?

    /// Starts the child.
    init(_ variant: ProcessVariant, options: Options) throws(Failure) {
        self.variant = variant
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = options.childArguments(variant: variant)
        process.environment = ProcessInfo.processInfo.environment.merging(variant.environment) { _, new in new }
        process.standardInput = requests
        process.standardOutput = answers
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start the \(variant.label) child: \(error)")
        }
    }

    /// Closes the child's input and waits for it to exit.
    func finish() {
        try? requests.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// A contender that the child times.
    func contender(row: String, implementation: String) -> RemoteContender {
        RemoteContender(child: self, row: row, name: implementation)
    }

    /// Sends one request and returns the number in its answer.
    func request(_ fields: [String]) throws(Failure) -> Double {
        if let broken { throw Failure(description: broken) }
        do {
            try requests.fileHandleForWriting.write(contentsOf: Data((fields.joined(separator: "\t") + "\n").utf8))
        } catch {
            broken = "the \(variant.label) child is gone (\(error))"
            throw Failure(description: broken ?? "")
        }
        guard let line = readLine() else {
            broken = "the \(variant.label) child ended without answering"
            throw Failure(description: broken ?? "")
        }
        let answer = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard answer.count == 2, answer[0] == "ok", let value = Double(answer[1]) else {
            throw Failure(description: "\(variant.label) child: \(answer.last.map(String.init) ?? line)")
        }
        return value
    }

    private func readLine() -> String? {
        let descriptor = answers.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            pending += buffer[..<count]
        }
    }

    /// The child's side: answers requests for the given rows' implementations of variant `label` until its input ends.
    ///
    /// Returns the exit status.
    static func serve(label: String, rows: [Row], clock: MeasuringClock) async -> Int32 {
        var implementations: [String: Implementation] = [:]
        for row in rows {
            for implementation in row.implementations where implementation.variant?.label == label {
                implementations[row.name + "\t" + implementation.name] = implementation
            }
        }
        while let line = Swift.readLine() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let answer: String
            if fields.count == 4, let amount = Double(fields[3]),
                let implementation = implementations[fields[1] + "\t" + fields[2]]
            {
                do {
                    switch fields[0] {
                    case "warmup":
                        answer =
                            "ok\t\(try await implementation.warmUp(for: .nanoseconds(Int64(amount)), clock: clock))"
                    case "time":
                        answer = "ok\t\(try await implementation.time(Int(amount), clock: clock))"
                    default:
                        answer = "error\tunknown request \(fields[0])"
                    }
                } catch {
                    answer = "error\t\(error)"
                }
            } else {
                answer = "error\tunknown request: \(line)"
            }
            FileHandle.standardOutput.write(Data((answer + "\n").utf8))  // unbuffered: the parent waits
        }
        return 0
    }
}

/// An implementation timed by a `VariantChild`.
struct RemoteContender: Contender {
    let child: VariantChild
    let row: String
    let name: String

    // The child reads the clock named on its command line.
    func warmUp(for duration: Duration, clock: MeasuringClock) async throws -> Double {
        try child.request(["warmup", row, name, String(Int64(duration.nanoseconds))])
    }

    func time(_ count: Int, clock: MeasuringClock) async throws -> Double {
        try child.request(["time", row, name, String(count)])
    }
}
