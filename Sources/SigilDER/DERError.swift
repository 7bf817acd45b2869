/// Why bytes are not the DER or PEM structure a key reader expected.
///
/// Package-internal: each key module (SigilRSA, SigilEC, SigilEd25519) maps it onto its own
/// public error type, so a caller sees one error type per module. The reason is static text
/// plus sizes; never the bytes themselves, which may be key material.
package struct DERError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Backing: String, Hashable, Sendable {
            case invalidDER
            case invalidPEM
            case unsupportedKeyType
        }

        private let backing: Backing

        private init(_ backing: Backing) { self.backing = backing }

        /// The bytes are not a strict DER encoding: a truncated or non-minimal length, a
        /// non-minimal or negative INTEGER, a wrong tag, trailing bytes, nesting too deep.
        package static let invalidDER = Code(.invalidDER)
        /// The text is not one PEM block with an accepted label, or its body is not base64.
        package static let invalidPEM = Code(.invalidPEM)
        /// Well-formed DER of another kind of key: an unexpected algorithm identifier,
        /// curve, or structure version.
        package static let unsupportedKeyType = Code(.unsupportedKeyType)

        /// The code's name, for example `invalidDER`.
        package var description: String { backing.rawValue }
    }

    /// The kind of problem.
    package let code: Code
    /// A human explanation; never key material.
    package let reason: String
    /// The source file that raised the error (`#fileID`), for diagnostics.
    package let file: String
    /// The line that raised the error, for diagnostics.
    package let line: Int

    package init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    package var description: String { reason }

    package static func == (lhs: DERError, rhs: DERError) -> Bool { lhs.code == rhs.code }
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

extension DERError {
    /// The module's code for this error's kind, given the module's three matching codes.
    ///
    /// - Parameters:
    ///   - invalidDER: The module's code for malformed DER.
    ///   - invalidPEM: The module's code for malformed PEM.
    ///   - unsupportedKeyType: The module's code for another kind of key.
    /// - Returns: The one of them that matches ``code``.
    package func moduleCode<ModuleCode>(
        invalidDER: ModuleCode, invalidPEM: ModuleCode, unsupportedKeyType: ModuleCode
    ) -> ModuleCode {
        switch code {
        case .invalidPEM: invalidPEM
        case .unsupportedKeyType: unsupportedKeyType
        default: invalidDER
        }
    }
}

/// A module's public error type that a DER or PEM failure maps onto.
package protocol DERMappableError: Error {
    /// The module's error for `error`, carrying its reason (never key material) and the
    /// place that read the DER.
    init(_ error: DERError, file: String, line: Int)
}

/// Runs a DER or PEM read and reports its failure as the module's own error type.
///
/// - Parameters:
///   - failure: The module's error type.
///   - file: The file reported as the place of the read; the caller's by default.
///   - line: The line reported as the place of the read; the caller's by default.
///   - body: The read.
/// - Returns: What `body` returns.
/// - Throws: `Failure`, made from the `DERError` that `body` threw.
package func readingDER<Result, Failure: DERMappableError>(
    as failure: Failure.Type, file: String = #fileID, line: Int = #line, _ body: () throws(DERError) -> Result
) throws(Failure) -> Result {
    do {
        return try body()
    } catch {
        throw Failure(error, file: file, line: line)
    }
}
