import SigilJSON

/// A type that ``SigilJSONEncoder`` and ``SigilJSONDecoder`` convert to and from a
/// `JSONValue` directly, instead of through its `Codable` conformance.
///
/// The coders look for this conformance on every value before they use `encode(to:)` or
/// `init(from:)`. It is how a type that another module owns gets a JSON form of Sigil's
/// choosing: SigilJWT's `NumericDate` and, with `SigilJWTFoundation`, Foundation's `Date`
/// are numbers of seconds since 1970 (RFC 7519 §2) this way.
///
/// - Important: The conformance is looked up at run time, so it applies in every module of
///   the program once the module that declares it is linked.
public protocol JSONValueRepresentable {
    /// The value a JSON value denotes, or `nil` when it denotes none of this type.
    ///
    /// - Parameter jsonValue: A value read by the strict parser.
    init?(jsonValue: JSONValue)

    /// The value as JSON, or `nil` when it has no JSON form (the encoder then throws
    /// `EncodingError.invalidValue`).
    var jsonValue: JSONValue? { get }
}
