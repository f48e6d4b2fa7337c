package com.ja4.workstation.analysis.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.app.RootCommand;
import com.ja4.workstation.domain.cluster.FeatureRow;
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
    void csvWithExtraAndMissingColumnsReadsBlanksAsZero() throws Exception {
        StringBuilder csv = new StringBuilder("ip,ja4,hits,avg_score,threat,extra\n");
        for (int i = 0; i < 600; i++) csv.append("10.9.").append(i / 200).append('.').append(i % 200)
                .append(",j").append(i % 3).append(',').append(i % 50).append(',').append(i % 2 == 0 ? "" : "0.8")
                .append(',').append(i % 2 == 0 ? "" : "HIGH").append(",x\n");
        Path file = dir.resolve("sparse.csv");
        Files.writeString(file, csv);
        List<FeatureRow> rows = new CsvFeatureSource(file).load(500, CancellationCheck.NEVER);
        assertEquals(600, rows.size());
        assertEquals(0.0, rows.get(0).anomalyScore());
        assertEquals(0.0, rows.get(0).ttl());
        assertNull(rows.get(0).threat());
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
