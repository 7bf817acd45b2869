import Foundation

/// Prints the table as rows complete, and renders it as Markdown and JSON at the end.
struct Report {
    static let ratioExplanation = """
        Sigil/peer > 1 means Sigil is better: MB/s and .../s rows divide Sigil's figure by the \
        peer's; ns rows divide the peer's time by Sigil's (how many times faster Sigil is).
        """

    private let rowWidth: Int
    private let unitWidth: Int
    private let peerWidth: Int
    private let figureWidth = 11
    private let ratioWidth = 10

    init(rows: [Row]) {
        rowWidth = max(rows.map(\.name.count).max() ?? 0, 3)
        unitWidth = max(rows.map(\.unit.symbol.count).max() ?? 0, 4)
        peerWidth = max(rows.flatMap { $0.peers.map(\.name.count) }.max() ?? 0, 4)
    }

    func printHeader() {
        print(line("row", "unit", "Sigil", "peer", "peer", "Sigil/peer"))
        print(String(repeating: "-", count: rowWidth + unitWidth + peerWidth + 2 * figureWidth + ratioWidth + 10))
    }

    func printRow(_ result: RowResult) {
        let sigil = result.sigil.map(Self.text(of:)) ?? "-"
        if result.peers.isEmpty {
            print(line(result.name, result.unit.symbol, sigil, "(no peer)", "-", "-"))
        }
        for (index, peer) in result.peers.enumerated() {
            let ratio = result.ratio(against: peer).map(Self.format(ratio:)) ?? "-"
            if index == 0 {
                print(line(result.name, result.unit.symbol, sigil, peer.implementation, Self.text(of: peer), ratio))
            } else {
                print(line("", "", "", peer.implementation, Self.text(of: peer), ratio))
            }
        }
        for figure in [result.sigil].compactMap(\.self) + result.peers {
            if let failure = figure.failure { print("    ! \(figure.implementation): \(failure)") }
        }
        for retry in result.retries {
            print("    ! retried \(retry.count)× after an error: \(retry.message)")
        }
    }

    private func line(
        _ row: String,
        _ unit: String,
        _ sigil: String,
        _ peer: String,
        _ peerFigure: String,
        _ ratio: String
    ) -> String {
        [
            row.padding(toLength: rowWidth, withPad: " ", startingAt: 0),
            unit.padding(toLength: unitWidth, withPad: " ", startingAt: 0),
            Self.padLeft(sigil, figureWidth),
            peer.padding(toLength: peerWidth, withPad: " ", startingAt: 0),
            Self.padLeft(peerFigure, figureWidth),
            Self.padLeft(ratio, ratioWidth),
        ].joined(separator: "  ")
    }

    /// The table as Markdown, for the README.
    static func markdown(_ results: [RowResult]) -> String {
        var lines = [
            "| row | unit | Sigil | peer | peer figure | Sigil/peer |",
            "|---|---|--:|---|--:|--:|",
        ]
        for result in results {
            let sigil = result.sigil.map(text(of:)) ?? "-"
            if result.peers.isEmpty {
                lines.append("| \(result.name) | \(result.unit.symbol) | \(sigil) | (no peer) | - | - |")
            }
            for (index, peer) in result.peers.enumerated() {
                let ratio = result.ratio(against: peer).map { "**\(format(ratio: $0))**" } ?? "-"
                let lead = index == 0 ? "| \(result.name) | \(result.unit.symbol) | \(sigil) |" : "| | | |"
                lines.append("\(lead) \(peer.implementation) | \(text(of: peer)) | \(ratio) |")
            }
        }
        var notes: [String] = []
        for result in results {
            for figure in [result.sigil].compactMap(\.self) + result.peers {
                if let failure = figure.failure {
                    notes.append("- \(result.name), \(figure.implementation): \(failure)")
                }
            }
            for retry in result.retries {
                notes.append("- \(result.name): retried \(retry.count)× after an error: \(retry.message)")
            }
        }
        if !notes.isEmpty { lines += [""] + notes }
        return lines.joined(separator: "\n")
    }

    /// One JSON record per (row, implementation): name, implementation, unit, median, ratio.
    ///
    /// `ratio` is Sigil's advantage over that implementation (> 1: Sigil is better), and null
    /// in Sigil's own record. `median` is in `unit`; `higher_is_better` says how to read it.
    static func json(_ results: [RowResult]) -> String {
        var records: [String] = []
        for result in results {
            for figure in [result.sigil].compactMap(\.self) + result.peers {
                let isSigil = result.sigil.map { $0.implementation == figure.implementation } ?? false
                let ratio = isSigil ? nil : result.ratio(against: figure)
                var fields = [
                    "\"name\": \(jsonString(result.name))",
                    "\"implementation\": \(jsonString(figure.implementation))",
                    "\"unit\": \(jsonString(result.unit.symbol))",
                    "\"median\": \(jsonNumber(figure.median))",
                    "\"ratio\": \(jsonNumber(ratio))",
                    "\"higher_is_better\": \(result.unit.higherIsBetter)",
                ]
                if let failure = figure.failure { fields.append("\"error\": \(jsonString(failure))") }
                let retries = result.retries.filter { $0.message.hasPrefix(figure.implementation + " ") }
                if !retries.isEmpty { fields.append("\"retries\": \(retries.map(\.count).reduce(0, +))") }
                records.append("  {" + fields.joined(separator: ", ") + "}")
            }
        }
        return "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    private static func jsonNumber(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(format: "%.6g", value)
    }

    private static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    private static func text(of figure: Figure) -> String {
        figure.median.map(format(figure:)) ?? "failed"
    }

    /// 1,234 / 123 / 12.3 / 1.23: about three significant digits, grouped thousands.
    static func format(figure value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if value >= 100 {
            let digits = String(Int(value.rounded()))
            var grouped = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            return grouped
        }
        return String(format: value >= 10 ? "%.1f" : "%.2f", value)
    }

    static func format(ratio: Double) -> String {
        ratio.isFinite ? String(format: "%.2f", ratio) : "n/a"
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
