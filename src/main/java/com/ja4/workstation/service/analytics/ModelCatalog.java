package com.ja4.workstation.service.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.service.AppPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the model metadata files (*.json) of a folder. Tolerant: missing fields are blank, the
 * usual alternative spellings are accepted, unknown fields are kept in {@link ModelFile#details}.
 */
public final class ModelCatalog {

    /** System property overriding the models folder (set by connection profiles). */
    public static final String FOLDER_PROPERTY = "ja4.models";

    /** Made on first read: Jackson's start (hundreds of classes) stays out of the app's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ModelCatalog() {
    }

    /** The configured folder: {@code -Dja4.models}, else {@code models} in the data folder. */
    public static Path folder() {
        String override = System.getProperty(FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) return Path.of(override);
        return AppPaths.dataDir().resolve("models");
    }

    /** Every *.json file of the folder, sorted by file name; an absent folder lists nothing. */
    public static List<ModelFile> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        List<ModelFile> out = new ArrayList<>();
        for (Path p : files) out.add(readOne(p));
        return out;
    }

    static ModelFile readOne(Path p) {
        String stem = p.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(p.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return failed(p, stem, "Not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
        } catch (IOException e) {
            return failed(p, stem, "Cannot read: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) return failed(p, stem, "Empty file");
        if (!root.isObject()) return failed(p, stem, "Expected a JSON object, found " + root.getNodeType().name().toLowerCase(Locale.ROOT));
        Map<String, String> details = new LinkedHashMap<>();
        flatten("", root, details);
        String name = text(root, "name", "model_name", "model");
        String algorithm = text(root, "algorithm", "model_type", "type", "estimator");
        String trained = text(root, "trained_at", "training_date", "created_at", "timestamp");
        List<String> features = new ArrayList<>();
        JsonNode f = first(root, "features", "feature_names", "feature_list");
        if (f != null && f.isArray()) f.forEach(x -> features.add(x.isValueNode() ? x.asText() : x.toString()));
        else if (f != null && f.isObject()) f.fieldNames().forEachRemaining(features::add);
        Map<String, String> metrics = new LinkedHashMap<>();
        JsonNode m = first(root, "metrics", "evaluation", "scores");
        if (m != null && m.isObject()) flatten("", m, metrics);
        return new ModelFile(p, name.isBlank() ? stem : name, algorithm, trained, List.copyOf(features), metrics, details, Optional.empty());
    }

    private static ModelFile failed(Path p, String stem, String error) {
        return new ModelFile(p, stem, "", "", List.of(), Map.of(), Map.of(), Optional.of(error));
    }

    private static JsonNode first(JsonNode root, String... names) {
        for (String n : names) {
            JsonNode v = root.get(n);
            if (v != null && !v.isNull()) return v;
        }
        return null;
    }

    private static String text(JsonNode root, String... names) {
        JsonNode v = first(root, names);
        if (v == null) return "";
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Nested objects become "a.b"; arrays of values are joined; deeper arrays keep their JSON. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out);
            } else if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                boolean flat = true;
                for (JsonNode x : v) {
                    if (!x.isValueNode()) flat = false;
                    parts.add(x.asText());
                }
                out.put(key, flat ? String.join(", ", parts) : v.toString());
            } else {
                out.put(key, v.isNull() ? "null" : v.asText());
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
