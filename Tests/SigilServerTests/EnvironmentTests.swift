import SigilSystem
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one reader of the process environment.
@Suite("Environment")
struct EnvironmentTests {
    @Test("a set variable reads as its value; an unset or empty one reads as nil")
    func values() {
        let name = "SIGIL_ENVIRONMENT_TEST_\(getpid())"
        #expect(Environment.value(name) == nil)
        setenv(name, "a value=with equals", 1)
        #expect(Environment.value(name) == "a value=with equals")
        setenv(name, "", 1)
        #expect(Environment.value(name) == nil)
        unsetenv(name)
        #expect(Environment.value(name) == nil)
    }
}
