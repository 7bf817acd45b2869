// Codable for NumericDate, outside Embedded builds (see JWTPayload.swift).
#if !hasFeature(Embedded)
import SigilJSON
import SigilJSONCodable

extension NumericDate: JSONValueRepresentable {
    /// The NumericDate a JSON number denotes (RFC 7519 §2), as the verifier reads `exp`:
    /// a finite number in `0...NumericDate.maximum`; anything else is `nil`.
    ///
    /// - Parameter jsonValue: A parsed JSON value.
    public init?(jsonValue: JSONValue) {
        guard let date = try? NumericDate(jsonValue, claim: "") else { return nil }
        self = date
    }

    /// The value as a JSON number.
    public var jsonValue: JSONValue? { .number(jsonNumber) }
}

extension NumericDate: Codable {
    /// Decodes a number of seconds with any decoder; `SigilJSONDecoder` reads the exact
    /// literal instead (see `init?(jsonValue:)`).
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError.dataCorrupted` for a number outside the NumericDate range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let seconds = try container.decode(Double.self)
        guard let date = NumericDate(seconds: seconds) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "\(seconds) is not a NumericDate in range"))
        }
        self = date
    }

    /// Encodes the number of seconds: an integer when whole.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Any error of the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if seconds.rounded(.down) == seconds {
            try container.encode(Int64(seconds))
        } else {
            try container.encode(seconds)
        }
    }
}
#endif
