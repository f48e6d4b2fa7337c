package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedSamplerTest {

    @Test
    void masscanIpWithOneHitSurvivesAFarSmallerSample() {
        List<FeatureRow> rows = new ArrayList<>();
        // 20,000 busy pairs: 2,000 moderately anomalous (score 0.3-0.6), the rest clean browsers.
        for (int i = 0; i < 20_000; i++) {
            boolean flagged = i % 10 == 0;
            rows.add(row("10.0." + (i / 250) + "." + (i % 250), "ja4_" + (i % 7), 1_000 + i,
                    flagged ? 0.3 + 0.3 * (i % 100) / 100.0 : 0.0, flagged ? ThreatLevel.MEDIUM : null));
        }
        FeatureRow masscan = row("203.0.113.7", "t00d0000na_masscan", 1, 0.97, ThreatLevel.CRITICAL);
        rows.add(7_777, masscan);

        List<FeatureRow> sample = StratifiedSampler.sample(rows, 500);

        assertEquals(500, sample.size());
        assertTrue(sample.contains(masscan), "the 1-hit Masscan IP must be kept");
        assertEquals(500, new HashSet<>(sample).size());
        long clean = sample.stream().filter(r -> !r.isAnomalous()).count();
        assertTrue(clean >= 100, "normal traffic keeps its strata, got " + clean);
    }

    @Test
    void sameRowsGiveTheSameSampleWhateverTheirOrder() {
        List<FeatureRow> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(row("192.0.2." + (i % 250) + "", "j" + i, i % 300, i % 3 == 0 ? 0.5 : 0.0,
                    i % 3 == 0 ? ThreatLevel.HIGH : null));
        }
        List<FeatureRow> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        assertEquals(StratifiedSampler.sample(rows, 800), StratifiedSampler.sample(reversed, 800));
    }

    @Test
    void smallInputIsKeptWhole() {
        List<FeatureRow> rows = List.of(row("1.1.1.1", "a", 5, 0, null), row("2.2.2.2", "b", 1, 0.9, ThreatLevel.HIGH));
        assertEquals(2, StratifiedSampler.sample(rows, 500).size());
    }

    static FeatureRow row(String ip, String ja4, long hits, double score, ThreatLevel threat) {
        return new FeatureRow(ip, ja4, 64, 64240, 7, 1460, "ua", hits, score, 1, 0, 0, 0, 0, 0.6, 0.8, 0, 0, 0.5,
                0.8, 0, 0.5, 0.2, 1, 0, threat, "FR", "ISP");
    }
}
