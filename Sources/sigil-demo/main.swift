// sigil-demo: one command that shows the Sigil example MCP server working end to end.
//
//   swift run sigil-demo                 the tour: handshake, role table, expired/tampered
//                                        tokens, refresh and logout
//   swift run -c release sigil-demo --bench [REQUESTS]
//                                        authenticated tools/call throughput and latency
//   swift run -c release sigil-demo --bench-writes
//                                        durable create_post throughput as the blog grows
//   sigil-demo --serve [OPTIONS]         run the server itself (what the tour and the benchmark
//                                        start as their child process)

import SigilExampleServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "--serve":
    exit(SigilServerCommand.run(arguments: Array(arguments.dropFirst())))
case "--bench":
    let requests = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
    exit(ServerBenchmark.run(requests: max(100, requests)))
case "--bench-writes":
    exit(WriteBenchmark.run(extraArguments: Array(arguments.dropFirst())))
case "-h", "--help":
    print(
        """
        sigil-demo: shows the Sigil example MCP server (sigil-server) working end to end.

          sigil-demo                  the tour (starts the server as a child process over stdio)
          sigil-demo --bench [N]      N pipelined, authenticated tools/call requests (default 20000);
                                      build with -c release for meaningful figures
          sigil-demo --bench-writes [...]
                                      durable create_post throughput with --data at 100, 1,000 and
                                      5,000 posts; extra arguments go to the server
          sigil-demo --serve [...]    run the server itself; takes sigil-server's options (--help)

        The child process is this binary re-executed with --serve: the same code as sigil-server
        (library SigilExampleServer), always from the same build. SIGIL_DEMO_SERVER=PATH runs the
        sigil-server binary at PATH instead.
        """)
    exit(0)
case nil:
    exit(DemoTour.run())
default:
    FileHandleStandardError.write("sigil-demo: unknown argument \(arguments[0]); try --help")
    exit(2)
}
