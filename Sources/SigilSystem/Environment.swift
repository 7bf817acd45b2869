#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read one way for the whole package.
package enum Environment {
    /// The value of an environment variable; an empty value counts as unset.
    ///
    /// `NAME=` is how a shell clears a setting for one command, so an empty value is never
    /// taken for a setting (an empty secret, an empty path): it reads as `nil`, as if the
    /// variable were not there.
    ///
    /// - Parameter name: The variable's name.
    /// - Returns: The value, or `nil` when the variable is unset or empty.
    package static func value(_ name: String) -> String? {
        guard let pointer = getenv(name), pointer.pointee != 0 else { return nil }
        return String(cString: pointer)
    }
}
