/// A command-line option a subcommand accepts.
struct OptionSpec {
    /// The name without dashes, for example `"user"` for `--user`.
    let name: String
    /// Whether the option takes a value (`--user NAME` or `--user=NAME`).
    let takesValue: Bool
    /// Whether the option may be given more than once.
    let repeatable: Bool

    static func value(_ name: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, repeatable: repeatable)
    }

    static func flag(_ name: String) -> OptionSpec {
        OptionSpec(name: name, takesValue: false, repeatable: false)
    }
}

/// Arguments split into options and positionals by a subcommand's option list.
///
/// Rules: `--name VALUE` and `--name=VALUE`; `-h` means `--help`; `--` ends the options;
/// `-` alone is a positional (standard input). Unknown options, a missing value, a value for
/// a flag, and a repeated non-repeatable option are usage errors.
struct CommandLineArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    init(_ arguments: ArraySlice<String>, command: String, options: [OptionSpec]) throws(UsageError) {
        var index = arguments.startIndex
        var optionsEnded = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option \(argument) for \(command)", command: command)
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option --\(name) for \(command)", command: command)
            }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.endIndex else {
                        throw UsageError("--\(name) needs a value", command: command)
                    }
                    value = arguments[index]
                    index += 1
                }
                if !spec.repeatable, values[name] != nil {
                    throw UsageError("--\(name) may be given only once", command: command)
                }
                values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value", command: command) }
                flags.insert(name)
            }
        }
    }

    /// The single value of an option, if given.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// An integer option's value, if given.
    func integer(_ name: String, command: String) throws(UsageError) -> Int64? {
        guard let text = value(name) else { return nil }
        guard let number = Int64(text) else {
            throw UsageError("--\(name) needs an integer, not \(text)", command: command)
        }
        return number
    }
}

/// Wrong usage: reported on stderr with a pointer to `--help`, exit status 2.
struct UsageError: Error {
    let message: String
    let command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
}

/// The process exit statuses.
enum ExitStatus {
    /// Success; for `verify`, a valid token.
    static let success: Int32 = 0
    /// An invalid token (`verify`, `decode`).
    static let invalidToken: Int32 = 1
    /// Wrong usage, or an unusable key, secret or input file.
    static let usage: Int32 = 2
}
