/// Correctly rounded decimal-to-binary conversion for the literals that Clinger's fast
/// path in ``JSONNumber/doubleValue`` cannot handle exactly.
enum DecimalToDouble {
    /// The nearest double to a validated JSON number literal, or nil when unavailable.
    static func convert(_ literal: String) -> Double? {
        #if hasFeature(Embedded)
        // The standard library's parser needs a C runtime hook in Embedded Swift.
        return nil
        #else
        return Double(literal)
        #endif
    }
}
