package com.ja4.workstation.service.analytics;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.demo.DemoModels;
import com.ja4.workstation.domain.analytics.ModelScoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model metadata files: good, partial and malformed ones are all listed; the demo files parse. */
class ModelCatalogTest {

    @Test
    void goodPartialAndMalformedFilesAreAllListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a_good.json"), """
                {"name": "iforest_v9", "algorithm": "IsolationForest", "trained_at": "2026-11-01T00:00:00Z",
                 "features": ["hit_velocity", "post_ratio"], "metrics": {"auc_roc": 0.91, "pr": {"at_100": 0.8}},
                 "owner": "soc-ml", "threshold": -0.05}
                """);
        Files.writeString(dir.resolve("b_partial.json"), """
                {"model_type": "xgboost", "extra": [1, 2, 3], "nested": {"x": [{"y": 1}]}}
                """);
        Files.writeString(dir.resolve("c_broken.json"), "{\"name\": \"broken\",\n  \"metrics\": {oops}\n");
        Files.writeString(dir.resolve("d_array.json"), "[1, 2]");
        Files.writeString(dir.resolve("notes.txt"), "not a model");

        List<ModelFile> files = ModelCatalog.read(dir);
        assertEquals(List.of("a_good.json", "b_partial.json", "c_broken.json", "d_array.json"), files.stream().map(ModelFile::fileName).toList());

        ModelFile good = files.get(0);
        assertTrue(good.ok());
        assertEquals("iforest_v9", good.name());
        assertEquals("IsolationForest", good.algorithm());
        assertEquals("2026-11-01T00:00:00Z", good.trainedAt());
        assertEquals(List.of("hit_velocity", "post_ratio"), good.features());
        assertEquals("0.91", good.metrics().get("auc_roc"));
        assertEquals("0.8", good.metrics().get("pr.at_100"));
        assertEquals("soc-ml", good.details().get("owner"), "unknown fields stay visible");
        assertEquals("-0.05", good.details().get("threshold"));

        ModelFile partial = files.get(1);
        assertTrue(partial.ok());
        assertEquals("b_partial", partial.name(), "no name: the file name stands in");
        assertEquals("xgboost", partial.algorithm());
        assertEquals("", partial.trainedAt());
        assertTrue(partial.features().isEmpty() && partial.metrics().isEmpty());
        assertEquals("1, 2, 3", partial.details().get("extra"));
        assertEquals("[{\"y\":1}]", partial.details().get("nested.x"));

        ModelFile broken = files.get(2);
        assertFalse(broken.ok());
        assertTrue(broken.error().orElseThrow().startsWith("Not valid JSON"), broken.error().orElseThrow());
        assertTrue(broken.error().orElseThrow().contains("line 2"), broken.error().orElseThrow());
        assertEquals("c_broken", broken.name());

        assertTrue(files.get(3).error().orElseThrow().contains("JSON object"), files.get(3).error().orElseThrow());
    }

    @Test
    void anAbsentFolderListsNothing(@TempDir Path dir) throws Exception {
        assertTrue(ModelCatalog.read(dir.resolve("missing")).isEmpty());
    }

    @Test
    void demoModelFilesMatchTheDemoModelsAndAreDeterministic(@TempDir Path dir) throws Exception {
        List<Path> written = DemoModels.writeTo(dir.resolve("one"));
        DemoModels.writeTo(dir.resolve("two"));
        assertEquals(3, written.size());
        for (Path p : written) assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(dir.resolve("two").resolve(p.getFileName())));
        List<ModelFile> files = ModelCatalog.read(dir.resolve("one"));
        assertEquals(List.of("autoencoder_v1", "iforest_v3", "xgb_hybrid_v2"), files.stream().map(ModelFile::name).toList());
        assertTrue(files.stream().allMatch(f -> f.ok() && !f.algorithm().isBlank() && !f.trainedAt().isBlank()
                && !f.features().isEmpty() && !f.metrics().isEmpty()));
        assertEquals(new java.util.HashSet<>(DemoModels.names()), files.stream().map(ModelFile::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theFolderComesFromTheSystemPropertyWhenSet() {
        String before = System.getProperty(ModelCatalog.FOLDER_PROPERTY);
        try {
            System.setProperty(ModelCatalog.FOLDER_PROPERTY, "/some/where/models");
            assertEquals(Path.of("/some/where/models"), ModelCatalog.folder());
        } finally {
            if (before == null) System.clearProperty(ModelCatalog.FOLDER_PROPERTY);
            else System.setProperty(ModelCatalog.FOLDER_PROPERTY, before);
        }
    }

    @Test
    void rowsJoinFilesWithTheirScoringAndKeepScoredModelsWithoutAFile(@TempDir Path dir) {
        ModelFile ok = new ModelFile(dir.resolve("a.json"), "a", "", "", List.of(), java.util.Map.of(), java.util.Map.of(), Optional.empty());
        ModelFile bad = new ModelFile(dir.resolve("b.json"), "b", "", "", List.of(), java.util.Map.of(), java.util.Map.of(), Optional.of("Not valid JSON"));
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        var rows = ModelsService.join(List.of(ok, bad), List.of(new ModelScoring("a", 5, t, t), new ModelScoring("b", 7, t, t),
                new ModelScoring("c", 9, t, t)));
        assertEquals(List.of("a", "b", "b", "c"), rows.stream().map(ModelsService.ModelRow::name).toList());
        assertEquals(List.of(5L, 0L, 7L, 9L), rows.stream().map(ModelsService.ModelRow::scored).toList());
        assertTrue(rows.get(3).file().isEmpty());
    }
}
