// sigil-server: the Sigil example MCP tool server. See `sigil-server --help`.

import SigilExampleServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

exit(SigilServerCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
