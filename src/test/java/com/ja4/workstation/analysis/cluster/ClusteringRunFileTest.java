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
