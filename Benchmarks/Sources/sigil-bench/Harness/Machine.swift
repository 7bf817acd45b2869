import Foundation

/// A one-paragraph description of the machine, printed above the table.
enum Machine {
    static func summary() -> String {
        let info = ProcessInfo.processInfo
        var parts = ["\(info.activeProcessorCount) CPUs"]
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            let lines = cpuinfo.split(separator: "\n")
            if let model = lines.first(where: { $0.hasPrefix("model name") })?.split(separator: ":").last {
                parts.insert(model.trimmingCharacters(in: .whitespaces), at: 0)
            }
            if let flags = lines.first(where: { $0.hasPrefix("flags") }) {
                let names = Set(flags.split(separator: " ").map(String.init))
                parts.append("SHA-NI \(names.contains("sha_ni") ? "yes" : "no")")
            }
        }
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            parts.append("load \(load.split(separator: " ").prefix(3).joined(separator: " "))")
        }
        parts.append(info.operatingSystemVersionString)
        if let mask = info.environment["OPENSSL_ia32cap"] {
            parts.append("OPENSSL_ia32cap=\(mask) set for the whole run")
        }
        return parts.joined(separator: ", ")
    }
}
