package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An earlier run read back from its JSON: the same run, and a damaged or foreign file refused in one sentence. */
class ClusteringRunFileTest {

    @TempDir
    Path dir;

    static final ClusteringRun RUN = new ClusteringEngine(InitialTtlVerdicts.INSTANCE,
            Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC)).cluster(SyntheticRows.generate(900, 2),
            ClusteringParameters.of(6, 600, 3), java.util.Map.of(), ProgressListener.NONE, CancellationCheck.NEVER);

    @Test
    void aWrittenRunReadsBackWithItsClustersAndAssignments() throws Exception {
        Path f = dir.resolve("run.json");
        ClusteringRunJson.write(RUN, f);
        ClusteringRun back = ClusteringRunFile.read(f);
        assertEquals(RUN.id(), back.id());
        assertEquals(RUN.parameters(), back.parameters());
        assertEquals(RUN.startedAt(), back.startedAt());
        assertEquals(RUN.assignments(), back.assignments());
        assertEquals(RUN.clusters().size(), back.clusters().size());
        for (int i = 0; i < RUN.clusters().size(); i++) {
            ClusterProfile a = RUN.clusters().get(i);
            ClusterProfile b = back.clusters().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.group(), b.group());
            assertEquals(a.centroid(), b.centroid());
            assertEquals(a.pairCount(), b.pairCount());
            assertEquals(a.fittedPairs(), b.fittedPairs());
            assertEquals(a.stack(), b.stack());
        }
        assertFalse(back.hasRows(), "a run read back has no feature rows");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedInOneSentence() throws Exception {
        assertRefused(write("empty.json", ""), "is not a clustering result");
        assertRefused(write("text.json", "not json at all"), "is not JSON");
        assertRefused(write("array.json", "[1, 2, 3]"), "is not a clustering result");
        assertRefused(edited("features.json", n -> ((ArrayNode) n.get("feature_names")).remove(0)), "other features");
        assertRefused(edited("k.json", n -> ((ObjectNode) n.get("parameters")).put("k", 99)), "k must be between 4 and 30");
        assertRefused(edited("centroid.json", n -> ((ArrayNode) n.get("clusters").get(0).get("centroid")).remove(0)),
                "a centroid is not 21 values");
        assertRefused(edited("assignment.json", n -> ((ObjectNode) n.get("assignments").get(0)).put("cluster_id", "elsewhere")),
                "an assignment names no cluster of the run");
        assertRefused(edited("group.json", n -> ((ObjectNode) n.get("clusters").get(0)).put("group", "FRIENDS")),
                "'group' is not one of BOTS, SUSPECTS, LEGITIMATE");
        assertRefused(dir.resolve("missing.json"), "not found");
        assertRefused(dir, "is a folder");
    }

    /**
     * A crafted file that parses as JSON but would make the comparison silently wrong (a text read as 0,
     * a size that disagrees with the members, a pair counted twice) is refused, not compared.
     */
    @Test
    void aCraftedRunThatWouldGiveAWrongComparisonIsRefused() throws Exception {
        assertRefused(edited("centroid-text.json", n -> ((ArrayNode) cluster(n, 0).get("centroid")).set(3, "a")),
                "'centroid' holds a value that is not a number");
        assertRefused(edited("centroid-range.json", n -> ((ArrayNode) cluster(n, 0).get("centroid")).set(3, 7.5)),
                "'centroid' holds 7.5, above 1");
        assertRefused(edited("risk-text.json", n -> cluster(n, 0).put("risk", "NaN")),
                "'risk' holds a value that is not a number");
        assertRefused(edited("risk-range.json", n -> cluster(n, 0).put("risk", 1e308)), "'risk' holds 1.0E308, above 1");
        assertRefused(edited("negative.json", n -> cluster(n, 0).put("ip_count", -5)), "'ip_count' is negative");
        assertRefused(edited("fitted.json", n -> cluster(n, 0).put("fitted_pairs", cluster(n, 0).get("pair_count").asInt() + 1)),
                "more fitted pairs than pairs");
        assertRefused(edited("size.json", n -> cluster(n, 0).put("pair_count", cluster(n, 0).get("pair_count").asInt() + 10)),
                "pairs but");
        assertRefused(edited("same-id.json", n -> cluster(n, 1).put("id", cluster(n, 0).get("id").asText())),
                "two clusters are called");
        assertRefused(edited("index.json", n -> cluster(n, 0).put("index", Integer.MAX_VALUE)), "is not below k = 6");
        assertRefused(edited("no-clusters.json", n -> {
            n.putArray("clusters");
            n.putArray("assignments");
        }), "it has 0 clusters for k = 6");
        assertRefused(edited("twice.json", n -> ((ArrayNode) n.get("assignments")).add(n.get("assignments").get(0).deepCopy())),
                "is assigned twice");
        assertRefused(edited("respelled.json", n -> {
            ObjectNode copy = n.get("assignments").get(0).deepCopy();
            copy.put("ip", "::ffff:" + copy.get("ip").asText());
            ((ArrayNode) n.get("assignments")).add(copy);
        }), "is assigned twice");
        assertRefused(edited("ip.json", n -> ((ObjectNode) n.get("assignments").get(0)).put("ip", "<script>")),
                "'<script>' is not an IPv4 or IPv6 address");
        assertRefused(edited("threat.json", n -> cluster(n, 0).put("dominant_threat", "SEVERE")), "not a threat level");
        assertRefused(edited("label.json", n -> cluster(n, 0).put("label", "x".repeat(5_000))), "longer than 4000");
        assertRefused(edited("edge.json", n -> ((ObjectNode) n.get("edges").get(0)).put("target", "elsewhere")),
                "an edge names no cluster");
        assertRefused(edited("clusters-object.json", n -> n.putObject("clusters")), "'clusters' is not a list");
    }

    @Test
    void anAddressIsReadInTheSpellingTheCurrentRunUses() throws Exception {
        ClusteringRun back = ClusteringRunFile.read(edited("mapped.json", n -> {
            ObjectNode a = (ObjectNode) n.get("assignments").get(0);
            a.put("ip", "::ffff:" + a.get("ip").asText());
        }));
        assertEquals(RUN.assignments().get(0).ip(), back.assignments().get(0).ip());
    }

    private static ObjectNode cluster(ObjectNode run, int i) {
        return (ObjectNode) run.get("clusters").get(i);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path edited(String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode tree = ClusteringRunJson.toTree(RUN);
        edit.accept(tree);
        Path f = dir.resolve(name);
        ClusteringRunJson.write(tree, f);
        return f;
    }

    private static void assertRefused(Path file, String reason) {
        IOException e = assertThrows(IOException.class, () -> ClusteringRunFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
