package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.app.RootCommand;
import com.ja4.workstation.domain.cluster.FeatureRow;
import com.ja4.workstation.domain.ThreatLevel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClusterCommandTest {

    @TempDir
    Path dir;

    @Test
    void csvInputProducesJsonWithEveryRowAssigned() throws Exception {
        List<FeatureRow> rows = SyntheticRows.generate(1_200, 21);
        Path csv = dir.resolve("features.csv");
        SyntheticRows.writeCsv(rows, csv);
        Path out = dir.resolve("result.json");

        int code = command().execute("cluster", "--input", csv.toString(), "--k", "8", "--samples", "2000",
                "--seed", "5", "--out", out.toString());

        assertEquals(0, code);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals(rows.size(), json.get("assignments").size());
        int fitted = 0;
        for (JsonNode a : json.get("assignments")) {
            if (a.get("fitted").asBoolean()) fitted++;
            assertTrue(a.get("distance").asDouble() >= 0);
        }
        assertEquals(rows.size(), fitted, "1,200 rows with --samples 2000: every pair is in the fit");
        assertEquals(rows.size(), json.get("stats").get("assigned_rows").asInt());
        Set<String> ids = new HashSet<>();
        json.get("clusters").forEach(c -> ids.add(c.get("id").asText()));
        Set<String> pairs = new HashSet<>();
        json.get("assignments").forEach(a -> {
            assertTrue(ids.contains(a.get("cluster_id").asText()));
            pairs.add(a.get("ip").asText() + "|" + a.get("ja4").asText());
        });
        assertEquals(rows.size(), pairs.size());
        JsonNode first = json.get("clusters").get(0);
        for (String field : List.of("label", "risk", "group", "colour", "ip_count", "hit_count", "centroid",
                "raw_means", "x", "y")) {
            assertTrue(first.has(field), field);
        }
        assertEquals(21, first.get("centroid").size());
        assertTrue(first.get("raw_means").has("ttl") && first.get("raw_means").has("win"));
        assertTrue(json.get("edges").size() > 0);
        assertTrue(json.get("stats").get("stage_ms").has("kmeans"));
    }

    @Test
    void csvWithExtraAndAbsentColumnsReadsAbsentColumnsAsZero() throws Exception {
        StringBuilder csv = new StringBuilder("ip,ja4,hits,avg_score,threat,extra\n");
        for (int i = 0; i < 600; i++) csv.append("10.9.").append(i / 200).append('.').append(i % 200)
                .append(",j").append(i % 3).append(',').append(i % 50).append(',').append(i % 2 == 0 ? "0" : "0.8")
                .append(',').append(i % 2 == 0 ? "" : "HIGH").append(",x\n");
        Path file = dir.resolve("sparse.csv");
        Files.writeString(file, csv);
        List<FeatureRow> rows = new CsvFeatureSource(file).load(500, CancellationCheck.NEVER);
        assertEquals(600, rows.size());
        assertEquals(0.0, rows.get(0).anomalyScore());
        assertEquals(0.0, rows.get(0).ttl(), "ttl is not in the header");
        assertNull(rows.get(0).threat(), "an empty threat is a pair without detection");
        assertEquals(ThreatLevel.HIGH, rows.get(1).threat());
    }

    @Test
    void repeatWritesTimingsAndCompareWritesTheChanges() throws Exception {
        Path csv = dir.resolve("features.csv");
        SyntheticRows.writeCsv(SyntheticRows.generate(1_500, 4), csv);
        Path earlier = dir.resolve("earlier.json");
        assertEquals(0, command().execute("cluster", "--input", csv.toString(), "--k", "6", "--samples", "800",
                "--seed", "1", "--out", earlier.toString()));
        Path later = dir.resolve("later.json");
        StringWriter out = new StringWriter();
        CommandLine cli = command();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("cluster", "--input", csv.toString(), "--k", "7", "--samples", "800",
                "--seed", "2", "--repeat", "3", "--compare", earlier.toString(), "--out", later.toString()));
        assertTrue(out.toString().contains("fitted on 800 pairs, assigned 1500 pairs"), out.toString());
        JsonNode json = new ObjectMapper().readTree(later.toFile());
        JsonNode timing = json.get("timing_ms");
        assertEquals(3, timing.get("runs").asInt());
        assertTrue(timing.get("best").asDouble() > 0 && timing.get("best").asDouble() <= timing.get("median").asDouble());
        for (String stage : List.of("sample", "vectors", "kmeans", "assign", "pca", "profiles", "edges")) {
            assertTrue(timing.get("stages").has(stage), stage);
        }
        JsonNode changes = json.get("changes");
        assertEquals(new ObjectMapper().readTree(earlier.toFile()).get("run_id").asText(),
                changes.get("earlier_run_id").asText());
        // the same pairs re-clustered with one more cluster: every current cluster is matched or new,
        // and the summary counts what the list holds
        int listed = changes.get("clusters").size();
        long summed = 0;
        for (String kind : List.of("new", "vanished", "grown", "shrunk", "stable")) summed += changes.get("summary").get(kind).asLong();
        assertEquals(listed, summed);
        assertTrue(changes.get("summary").get("new").asInt() >= 1, "7 clusters after 6: at least one is new");
    }

    @Test
    void twoWindowsOfTheDemoAreComparedFromTheCommandLine() throws Exception {
        String demo = com.ja4.workstation.testing.DemoSnapshots.defaultDemo().toString();
        Path before = dir.resolve("before.json");
        assertEquals(0, command().execute("cluster", "--source", demo, "--window", "12h", "--offset", "12h",
                "--k", "10", "--samples", "1500", "--out", before.toString()));
        Path now = dir.resolve("now.json");
        assertEquals(0, command().execute("cluster", "--source", demo, "--window", "12h", "--k", "10",
                "--samples", "1500", "--compare", before.toString(), "--out", now.toString()));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode earlier = mapper.readTree(before.toFile());
        JsonNode json = mapper.readTree(now.toFile());
        assertNotEquals(earlier.get("stats").get("assigned_rows").asInt(), 0);
        JsonNode changes = json.get("changes");
        assertEquals(earlier.get("run_id").asText(), changes.get("earlier_run_id").asText());
        Set<String> current = new HashSet<>();
        json.get("clusters").forEach(c -> current.add(c.get("id").asText()));
        Set<String> described = new HashSet<>();
        for (JsonNode c : changes.get("clusters")) {
            if (!c.get("kind").asText().equals("VANISHED")) described.add(c.get("cluster_id").asText());
        }
        assertEquals(current, described, "every current cluster has its change");
        for (JsonNode m : changes.get("moved_to_bots")) assertNotEquals("BOTS", m.get("from_group").asText());
    }

    @Test
    void aBadEarlierRunIsRefusedInOneLine() throws Exception {
        Path csv = dir.resolve("features.csv");
        SyntheticRows.writeCsv(SyntheticRows.generate(600, 4), csv);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"run_id\": \"x\"}");
        for (Path earlier : List.of(bad, dir.resolve("missing.json"), dir)) {
            StringWriter err = new StringWriter();
            CommandLine cli = command();
            cli.setErr(new PrintWriter(err));
            Path out = dir.resolve("o.json");
            int code = cli.execute("cluster", "--input", csv.toString(), "--k", "4", "--samples", "500",
                    "--compare", earlier.toString(), "--out", out.toString());
            assertEquals(1, code);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().contains(earlier.toString()), err.toString());
            assertFalse(Files.exists(out), "nothing written for a refused comparison");
        }
    }

    @Test
    void invalidKIsRejectedWithAClearMessage() {
        StringWriter err = new StringWriter();
        CommandLine cli = command();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("cluster", "--input", "x.csv", "--k", "40", "--out", dir.resolve("o.json").toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("k must be between 4 and 30"), err.toString());

        err.getBuffer().setLength(0);
        code = cli.execute("cluster", "--input", "x.csv", "--samples", "100", "--out", dir.resolve("o.json").toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("between 500 and 8000"), err.toString());
    }

    private static CommandLine command() {
        return new CommandLine(new RootCommand());
    }
}
