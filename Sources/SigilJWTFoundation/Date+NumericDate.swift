// Foundation's Date as a NumericDate (RFC 7519 §2) in SigilJSONEncoder and
// SigilJSONDecoder, and so in JWTPayload types. A separate module so that the core
// libraries never link Foundation: an application that links this module has chosen to.
import SigilJSON
import SigilJSONCodable
import SigilJWT

#if canImport(FoundationEssentials)
import FoundationEssentials
#elseif canImport(Foundation)
import Foundation
#endif

extension Date: JSONValueRepresentable {
    /// The date a NumericDate denotes: a finite JSON number of seconds since
    /// 1970-01-01T00:00:00Z UTC in `0...NumericDate.maximum`, as the verifier reads `exp`.
    ///
    /// - Parameter jsonValue: A parsed JSON value.
    public init?(jsonValue: JSONValue) {
        guard let date = NumericDate(jsonValue: jsonValue) else { return nil }
        self.init(timeIntervalSince1970: date.seconds)
    }

    /// The date as a NumericDate: whole seconds as an integer, else the shortest decimal;
    /// `nil` (an encoding error) for a date before 1970 or after 9999.
    public var jsonValue: JSONValue? {
        NumericDate(seconds: timeIntervalSince1970).map { .number($0.jsonNumber) }
    }
}
