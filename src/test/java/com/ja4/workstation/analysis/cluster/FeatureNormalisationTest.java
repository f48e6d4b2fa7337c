package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureNormalisationTest {

    @Test
    void everyComponentStaysInUnitRangeForExtremeInputs() {
        double[] extremes = {Double.NEGATIVE_INFINITY, -1e300, -1, -0.0, 0, 1e-300, 0.5, 1, 255, 65535, 1e9,
                Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        for (double x : extremes) {
            FeatureRow r = new FeatureRow("198.51.100.1", "j", x, x, x, x, "", (long) Math.max(0, Math.min(x, 1e12)),
                    x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, ThreatLevel.HIGH, "", "");
            double[] v = ClusteringPipeline.vectors(List.of(r))[0];
            assertEquals(21, v.length);
            for (int j = 0; j < v.length; j++) {
                assertTrue(v[j] >= 0.0 && v[j] <= 1.0, Feature.all().get(j) + " of " + x + " gave " + v[j]);
            }
        }
    }

    @Test
    void theBulkPathReadsAndNormalisesLikeEachFeature() {
        for (FeatureRow r : OverlappingPopulations.generate(300, 8).rows()) {
            double[] raw = new double[Feature.COUNT];
            double[] vector = new double[Feature.COUNT];
            Feature.rawValues(r, raw);
            Feature.normaliseAll(raw, vector);
            for (Feature f : Feature.all()) {
                assertEquals(f.raw(r), raw[f.ordinal()], f.name());
                assertEquals(f.normalise(r), vector[f.ordinal()], f.name());
            }
        }
    }

    @Test
    void log1pOfWholeNumbersFromTheTableIsMathLog1pBitForBit() {
        for (double x : new double[]{0, 1, 2, 19, 20, 1024, 29_200, 64_240, 65_535, 65_536, 70_000, 0.5, 64_239.5, 1e-9,
                -3, -0.0, 1e300}) {
            assertEquals(Math.log1p(Math.max(0.0, x)), Feature.log1p(x), "log1p(" + x + ")");
        }
        for (int i = 0; i < 65_536; i += 97) assertEquals(Math.log1p(i), Feature.log1p(i), "log1p(" + i + ")");
    }

    @Test
    void boundsMapToZeroAndOne() {
        for (Feature f : Feature.all()) {
            assertEquals(0.0, f.normalise(f.lower()), 1e-12, f.name());
            assertEquals(1.0, f.normalise(f.upper()), 1e-12, f.name());
        }
    }

    @Test
    void observedTtlMapsToInitialTtl() {
        assertEquals(64, Feature.initialTtl(52));
        assertEquals(128, Feature.initialTtl(117));
        assertEquals(255, Feature.initialTtl(243));
        assertEquals(0, Feature.initialTtl(0));
        assertEquals(64.0 / 255.0, Feature.INITIAL_TTL.normalise(57), 1e-12);
    }

    @Test
    void defaultVerdictsRecogniseMasscanAndOsFamilies() {
        assertTrue(InitialTtlVerdicts.INSTANCE.verdict(247, 1024, 0, 0).scanner());
        assertEquals("Linux", InitialTtlVerdicts.INSTANCE.verdict(57, 29200, 7, 1460).family());
        assertEquals("Windows", InitialTtlVerdicts.INSTANCE.verdict(118, 64240, 8, 1460).family());
        assertFalse(InitialTtlVerdicts.INSTANCE.verdict(250, 4128, 0, 536).scanner());
    }

    @Test
    void riskGroupComesFromTheScoreAlone() {
        assertEquals(RiskGroup.BOTS, RiskGroup.of(0.9));
        assertEquals(RiskGroup.SUSPECTS, RiskGroup.of(0.3));
        assertEquals(RiskGroup.LEGITIMATE, RiskGroup.of(0.1));
        double[] ones = new double[Feature.COUNT];
        java.util.Arrays.fill(ones, 1.0);
        ones[Feature.BROWSER_SCORE.ordinal()] = 0.0;
        assertEquals(1.0, RiskScore.of(ones, StackVerdict.UNKNOWN), 1e-9, "weights sum to 1");
        assertEquals(0.0, RiskScore.of(new double[Feature.COUNT], StackVerdict.UNKNOWN) - 0.05, 1e-9);
    }
}
