package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.ModelQueries;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.ModelScoring;
import com.ja4.workstation.service.query.QueryScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Models view: metadata files of the models folder and each model's scoring over the 7 days
 * before the as-of time. The folder read and the query run in parallel.
 */
public final class ModelsService {

    public static final int DAYS = 7;

    private final ModelQueries queries;
    private final Supplier<Path> folder;

    public ModelsService(Warehouse warehouse) {
        this(warehouse, ModelCatalog::folder);
    }

    public ModelsService(Warehouse warehouse, Supplier<Path> folder) {
        this.queries = new ModelQueries(warehouse);
        this.folder = folder;
    }

    public Path folder() {
        return folder.get();
    }

    public CompletableFuture<List<ModelFile>> files(QueryScope scope) {
        Path dir = folder.get();
        return scope.submit(ctx -> {
            try {
                return ModelCatalog.read(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the models folder " + dir + ": " + e.getMessage(), e);
            }
        });
    }

    /** Scoring over {@code window.lastDays(7)}. */
    public CompletableFuture<List<ModelScoring>> scoring(TimeWindow window, QueryScope scope) {
        TimeWindow w = window.lastDays(DAYS);
        return scope.submit(ctx -> queries.scoringByModel(w, ctx));
    }

    /** One row per model file and per scored model without a file, files first (by file name). */
    public static List<ModelRow> join(List<ModelFile> files, List<ModelScoring> scoring) {
        Map<String, ModelScoring> byName = new LinkedHashMap<>();
        scoring.forEach(s -> byName.put(s.modelName(), s));
        List<ModelRow> rows = new ArrayList<>();
        for (ModelFile f : files) {
            // a malformed file has no trustworthy name: its model's scoring gets a row of its own
            rows.add(new ModelRow(Optional.of(f), f.name(), f.ok() ? Optional.ofNullable(byName.remove(f.name())) : Optional.empty()));
        }
        byName.values().forEach(s -> rows.add(new ModelRow(Optional.empty(), s.modelName(), Optional.of(s))));
        return rows;
    }

    /** A model as the table shows it: its file (if any) and its scoring (if any in the window). */
    public record ModelRow(Optional<ModelFile> file, String name, Optional<ModelScoring> scoring) {
        public long scored() {
            return scoring.map(ModelScoring::scored).orElse(0L);
        }
    }
}
