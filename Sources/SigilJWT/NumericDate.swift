import SigilJSON

/// A validated NumericDate (RFC 7519 §2): a JSON number of seconds since the epoch, finite,
/// integral or not, between 0 and 253402300799 (9999-12-31T23:59:59Z).
///
/// The range is what keeps arithmetic on it exact and trap-free: every value, plus any
/// clamped leeway, is an integer or fraction far below 2^53, so it compares exactly as a
/// `Double`. Anything else (a string, a boolean, `1e300`, a 25-digit integer, a negative
/// number) is a `.wrongClaimType` error.
struct NumericDate {
    /// The latest NumericDate accepted: 9999-12-31T23:59:59Z.
    static let maximum: Double = 253_402_300_799

    /// The value in seconds.
    let seconds: Double

    init(_ value: JSONValue, claim: String) throws(JWTError) {
        guard case .number(let number) = value else {
            throw JWTError(.wrongClaimType, "the \(claim) claim is not a NumericDate (a JSON number)", claim: claim)
        }
        let seconds: Double
        if let integer = number.int64Value {
            guard integer >= 0, integer <= 253_402_300_799 else {
                throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
            }
            seconds = Double(integer)
        } else if let double = number.doubleValue, double.isFinite {
            guard double >= 0, double <= NumericDate.maximum else {
                throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
            }
            seconds = double
        } else {
            throw JWTError(.wrongClaimType, "the \(claim) claim is a NumericDate out of range", claim: claim)
        }
        self.seconds = seconds
    }

    /// The value rounded down to whole seconds.
    var wholeSeconds: Int64 { Int64(seconds.rounded(.down)) }
}
