package com.ja4.workstation.data.demo;

import com.ja4.workstation.data.demo.Profile.Browse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * The HTTP requests of one (client, JA4, host, hour) window, simulated request by request, and the
 * behaviour features a detection pipeline measures on them. Measuring rather than inventing the
 * features keeps the feature views and the HTTP logs telling the same story.
 */
record Traffic(long[] times, int[] ports, String[] methods, String[] paths, String[] userAgents,
               double spanSeconds, int posts, int assets, int probes, int distinctPaths, int connections,
               double temporalEntropy) {

    private enum Kind { PAGE, ASSET, POST, PROBE }

    int hits() {
        return times.length;
    }

    /**
     * @param hourStart epoch second of the window start
     * @param agents    the client programs sharing this window's JA4 (several when the UA rotates)
     * @param nextPort  the client's ephemeral port allocator, called for each new TCP connection
     */
    static Traffic simulate(DemoClient client, long hourStart, String host, List<Agent> agents, int hits,
                            IntSupplier nextPort, SplittableRandom rng) {
        Profile p = client.profile();
        Kind[] kinds = new Kind[hits];
        double[] offsets = new double[hits];
        for (int i = 0; i < hits; i++) {
            kinds[i] = kind(p, i, rng);
            if (i > 0) offsets[i] = offsets[i - 1] + gap(p, kinds[i], rng);
        }
        double span = offsets[hits - 1];
        // keep the whole burst inside the hour: squeeze it if it is longer, else place it at random
        double squeeze = span > 3599 ? 3599 / span : 1;
        span *= squeeze;
        double start = rng.nextDouble() * (3599 - span);

        long[] times = new long[hits];
        int[] ports = new int[hits];
        String[] methods = new String[hits];
        String[] paths = new String[hits];
        String[] uas = new String[hits];
        Set<String> distinct = new HashSet<>();
        int posts = 0, assets = 0, probes = 0, connections = 0, port = 0;
        for (int i = 0; i < hits; i++) {
            times[i] = hourStart + (long) Math.floor(start + offsets[i] * squeeze);
            if (i == 0 || rng.nextDouble() < p.newConnection()) {
                port = nextPort.getAsInt();
                connections++;
            }
            ports[i] = port;
            methods[i] = kinds[i] == Kind.POST ? "POST" : "GET";
            paths[i] = path(client, host, kinds[i], rng);
            uas[i] = agents.get(agents.size() == 1 ? 0 : rng.nextInt(agents.size())).userAgent();
            distinct.add(paths[i]);
            switch (kinds[i]) {
                case POST -> posts++;
                case ASSET -> assets++;
                case PROBE -> probes++;
                default -> { }
            }
        }
        return new Traffic(times, ports, methods, paths, uas, span, posts, assets, probes, distinct.size(),
                connections, entropy(offsets));
    }

    private static Kind kind(Profile p, int index, SplittableRandom rng) {
        if (p.browse() == Browse.ROOT) return Kind.PAGE;
        if (p.loginPosts()) {
            // a stuffing kit fetches the login form (fresh CSRF token) and then fires a few attempts with it
            int formEvery = Math.max(4, (int) Math.round(1 / (1 - Math.min(p.postShare(), 0.95))));
            return index % formEvery == 0 ? Kind.PAGE : Kind.POST;
        }
        double r = rng.nextDouble();
        if (r < p.postShare()) return Kind.POST;
        if ((r -= p.postShare()) < p.probeShare()) return Kind.PROBE;
        // a page comes first; assets are fetched because a page referenced them
        if (index > 0 && r - p.probeShare() < p.assetShare()) return Kind.ASSET;
        return Kind.PAGE;
    }

    private static double gap(Profile p, Kind kind, SplittableRandom rng) {
        if (kind == Kind.ASSET) return 0.02 + rng.nextDouble() * 0.6;
        if (p.regular()) return p.thinkSeconds() * (0.9 + rng.nextDouble() * 0.2);
        // people read for a while: exponential reading times, bounded to stay plausible
        double g = -Math.log(1 - rng.nextDouble()) * p.thinkSeconds();
        return Math.min(Math.max(g, 0.5), p.thinkSeconds() * 6);
    }

    private static String path(DemoClient client, String host, Kind kind, SplittableRandom rng) {
        Profile p = client.profile();
        return switch (kind) {
            case ASSET -> SitePaths.asset(host, rng);
            case PROBE -> SitePaths.probe(rng);
            case POST -> p.loginPosts() ? SitePaths.loginPost(rng)
                    : p.probeShare() > 0.5 ? SitePaths.probe(rng) : SitePaths.visitorPost(host, rng);
            case PAGE -> switch (p.browse()) {
                case ROOT -> "/";
                case CATALOGUE -> SitePaths.page(host, rng, true);
                case VISIT -> SitePaths.page(host, rng, false);
            };
        };
    }

    /**
     * Shannon entropy of the inter-request gaps over log2 bins (1/16 s to 128 s), normalised to
     * [0, 1]: people mix asset bursts and reading pauses (high), scripts keep one pace (low).
     */
    private static double entropy(double[] offsets) {
        int n = offsets.length - 1;
        if (n < 2) return 0;
        int bins = 12;
        int[] counts = new int[bins];
        for (int i = 1; i < offsets.length; i++) {
            double g = Math.max(offsets[i] - offsets[i - 1], 1e-3);
            int b = (int) Math.floor(Math.log(g) / Math.log(2)) + 4;
            counts[Math.min(Math.max(b, 0), bins - 1)]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c == 0) continue;
            double q = (double) c / n;
            h -= q * Math.log(q);
        }
        return h / Math.log(Math.min(bins, n));
    }
}
