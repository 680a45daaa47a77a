package shop.bench;

import java.util.Optional;

/**
 * The floor under every fixed-rate figure (issue 24): {@code GET /q/health/live} of a service
 * ({@code --service-port}: 8086, leaderboard-service, by default; 8081 for catalog-service), which touches no store (one
 * constant check, a few hundred bytes of JSON), sent by the same harness with the same 32 workers
 * at the same {@code --rate} as the scenarios' fixed-rate phases. Its tail is what the harness, the
 * HTTP stack and the shared box cost on their own: a scenario's p99 can get no closer to zero than
 * this, and the difference is what its work adds.
 */
final class FloorScenario implements Scenario {

    private static final String PATH = "/q/health/live";

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public String summary() {
        return "GET /q/health/live (no store) at --rate: the harness's and the box's own tail";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int port = args.servicePort();
        Http http = new Http(port);
        if (http.status(PATH) != 200) {
            throw new IllegalStateException(http.base() + PATH + " is not 200: is the service up?");
        }
        report.line("GET %s%s, machine: %d cores, JDK %s", http.base(), PATH, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        report.line("load average before: %s", Machine.loadAverage());
        Call live = i -> new Call.Outcome("floor", http.status(PATH) == 200);
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(live, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        Optional<ProcessCpu> cpu = ProcessCpu.of(port, StackSettings.read().port("STACK_PG_PORT"));
        Optional<ProcessCpu.Sample> start = cpu.map(ProcessCpu::sample);
        System.err.printf("fixed rate: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        Load.Result fixed = Load.fixedRate(live, args.rate(), args.durationSeconds(), 32, System.err);
        report.phase(String.format("GET %s, fixed rate %d req/s for %d s (latency from the intended send time)", PATH,
                args.rate(), args.durationSeconds()), fixed);
        if (cpu.isPresent()) {
            report.line("%s", cpu.get().since(start.get(), fixed.latencies().count()));
        }
        report.line("load average after: %s", Machine.loadAverage());
    }
}
