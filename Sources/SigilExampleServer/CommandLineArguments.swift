/// An option that a command of the example's executables accepts.
package struct CommandLineOption: Sendable, Hashable {
    /// The name without dashes, for example `"user"` for `--user`.
    package let name: String
    /// Whether the option takes a value (`--user NAME` or `--user=NAME`).
    package let takesValue: Bool
    /// Whether the option may be given more than once.
    package let repeatable: Bool

    /// An option with a value, such as `--user NAME`.
    ///
    /// - Parameters:
    ///   - name: The name without dashes.
    ///   - repeatable: Whether the option may be given more than once (every value is kept).
    /// - Returns: The option.
    package static func value(_ name: String, repeatable: Bool = false) -> CommandLineOption {
        CommandLineOption(name: name, takesValue: true, repeatable: repeatable)
    }

    /// An option without a value, such as `--quiet`.
    ///
    /// - Parameter name: The name without dashes.
    /// - Returns: The option.
    package static func flag(_ name: String) -> CommandLineOption {
        CommandLineOption(name: name, takesValue: false, repeatable: false)
    }
}

/// Arguments split into options and positionals by a command's option list: the one set
/// of command-line rules of `sigil-token` and `sigil-server`.
///
/// The rules:
/// - `--name VALUE` and `--name=VALUE` give a value; the value may start with `-` but may
///   not be empty (``CommandLineError/Code/missingValue``);
/// - `-h` means `--help`, which every command accepts;
/// - `--` ends the options: every argument after it is a positional; `-` alone is a
///   positional (standard input, by convention);
/// - an option not in the list, or any other argument starting with `-`, is
///   ``CommandLineError/Code/unknownOption``; a value given to a flag is
///   ``CommandLineError/Code/unexpectedValue``; an option that is not repeatable given twice
///   is ``CommandLineError/Code/repeatedOption``.
package struct CommandLineArguments: Sendable {
    /// The values of the options given, by name, in order.
    package private(set) var values: [String: [String]] = [:]
    /// The flags given, by name; `help` for `-h` and `--help`.
    package private(set) var flags: Set<String> = []
    /// The arguments that are not options, in order.
    package private(set) var positionals: [String] = []

    /// Splits `arguments` by the rules above.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program (and command) name.
    ///   - options: The options the command accepts (`help` is always accepted).
    /// - Throws: ``CommandLineError`` when an argument breaks a rule.
    package init(_ arguments: some Collection<String>, options: [CommandLineOption]) throws(CommandLineError) {
        var remaining = ArraySlice(arguments)
        var optionsEnded = false
        while let argument = remaining.popFirst() {
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument == "-h" || argument == "--help" {
                flags.insert("help")
            } else {
                try read(argument, remaining: &remaining, options: options)
            }
        }
    }

    /// Reads one `--name` or `--name=value` argument (and the value after it, if it takes one).
    private mutating func read(
        _ argument: String, remaining: inout ArraySlice<String>, options: [CommandLineOption]
    ) throws(CommandLineError) {
        guard argument.hasPrefix("--") else { throw CommandLineError(.unknownOption, "unknown option \(argument)") }
        var name = String(argument.dropFirst(2))
        var inlineValue: String?
        if let equals = name.firstIndex(of: "=") {
            inlineValue = String(name[name.index(after: equals)...])
            name = String(name[..<equals])
        }
        guard let option = options.first(where: { $0.name == name }) else {
            throw CommandLineError(.unknownOption, "unknown option --\(name)")
        }
        if !option.repeatable, values[name] != nil || flags.contains(name) {
            throw CommandLineError(.repeatedOption, "--\(name) may be given only once")
        }
        guard option.takesValue else {
            guard inlineValue == nil else { throw CommandLineError(.unexpectedValue, "--\(name) takes no value") }
            flags.insert(name)
            return
        }
        guard let value = inlineValue ?? remaining.popFirst(), !value.isEmpty else {
            throw CommandLineError(.missingValue, "--\(name) needs a value")
        }
        values[name, default: []].append(value)
    }

    /// The value of an option, if given (the last one of a repeatable option).
    ///
    /// - Parameter name: The option's name without dashes.
    /// - Returns: The value, or `nil` when the option was not given.
    package func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    ///
    /// - Parameter name: The option's name without dashes.
    /// - Returns: The values; empty when the option was not given.
    package func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    ///
    /// - Parameter name: The flag's name without dashes; `help` for `-h` and `--help`.
    /// - Returns: `true` when it was given.
    package func has(_ name: String) -> Bool { flags.contains(name) }

    /// An integer option's value, if given.
    ///
    /// - Parameter name: The option's name without dashes.
    /// - Returns: The value, or `nil` when the option was not given.
    /// - Throws: ``CommandLineError/Code/invalidValue`` when the value is not a decimal integer.
    package func integer(_ name: String) throws(CommandLineError) -> Int64? {
        guard let text = value(name) else { return nil }
        guard let number = Int64(text) else {
            throw CommandLineError(.invalidValue, "--\(name) needs an integer, not \(text)")
        }
        return number
    }
}
