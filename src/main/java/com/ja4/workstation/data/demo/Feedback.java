package com.ja4.workstation.data.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A handful of analyst classifications, as a SOC team would have made during the day. */
final class Feedback {

    private record Sample(DemoPopulation population, String classification, String comment, int count) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(DemoPopulation.MASSCAN, "bot", "Masscan banner grab: window 1024, TTL near 255, no TCP options", 2),
            new Sample(DemoPopulation.FUZZER, "bot", "Directory brute force (.env, .git, wp-login), hundreds of 404s", 2),
            new Sample(DemoPopulation.CREDENTIAL_STUFFER, "bot", "Login POST burst with rotating browser UAs on one JA4", 2),
            new Sample(DemoPopulation.JA4_SPOOFER, "suspicious", "Chrome JA4 but HTTP/1.1, script header order and a Linux server stack", 2),
            new Sample(DemoPopulation.SCRAPER, "bot", "Catalogue crawl from a datacenter, no assets loaded", 1),
            new Sample(DemoPopulation.RESIDENTIAL_BROWSER, "legitimate", "Customer session; the LOW alert was a false positive", 2),
            new Sample(DemoPopulation.GOOD_BOT, "legitimate", "Verified crawler: reverse DNS matches the search engine", 1));

    private static final List<String> ANALYSTS = List.of("a.martin", "k.nguyen", "s.okafor");

    private final SplittableRandom rng;
    private final long asOf;

    Feedback(SplittableRandom rng, long asOf) {
        this.rng = rng;
        this.asOf = asOf;
    }

    void write(List<DemoClient> clients, long[] lastSeen, RowSink sink) throws SQLException {
        for (Sample s : SAMPLES) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                if (clients.get(i).population() == s.population()) candidates.add(i);
            }
            for (int k = 0; k < s.count() && !candidates.isEmpty(); k++) {
                int i = candidates.remove(rng.nextInt(candidates.size()));
                // the analyst classifies after having seen the traffic, before the snapshot was taken
                long at = Math.min(asOf - 1, lastSeen[i] + rng.nextLong(60, 3600));
                sink.begin().time(at).text(clients.get(i).ip().v6Text()).text(s.classification()).text(s.comment())
                        .text(ANALYSTS.get(rng.nextInt(ANALYSTS.size()))).text("live").end();
            }
        }
    }
}
