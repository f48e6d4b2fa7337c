package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.io.InputFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.domain.ThreatLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads back a run written by {@link ClusteringRunJson} (clusters, assignments, parameters; not the
 * feature rows), to compare a later run with it. The file is untrusted: anything missing or
 * malformed is refused with one sentence naming the file.
 */
public final class ClusteringRunFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClusteringRunFile() {
    }

    /** @throws IOException unreadable, not JSON, or not a clustering result of these features */
    public static ClusteringRun read(Path file) throws IOException {
        JsonNode root;
        try {
            InputFiles.requireReadableFile(file);
            try (java.io.InputStream in = Files.newInputStream(file)) {
                root = MAPPER.readTree(in);
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(file + " is not a clustering result of this workstation: " + e.getMessage());
        }
    }

    private static ClusteringRun parse(JsonNode root) {
        if (root == null || !root.isObject()) throw new IllegalArgumentException("no JSON object");
        List<String> names = new ArrayList<>();
        required(root, "feature_names").forEach(n -> names.add(n.asText()));
        if (!names.equals(Feature.all().stream().map(Feature::label).toList())) {
            throw new IllegalArgumentException("it was clustered on other features");
        }
        JsonNode params = required(root, "parameters");
        ClusteringParameters p = new ClusteringParameters(integer(params, "k"), integer(params, "samples"),
                required(params, "seed").asLong(), integer(params, "max_iterations"));
        List<ClusterProfile> clusters = new ArrayList<>();
        for (JsonNode c : required(root, "clusters")) clusters.add(cluster(c));
        List<MemberAssignment> assignments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        clusters.forEach(c -> ids.add(c.id()));
        for (JsonNode a : required(root, "assignments")) {
            String clusterId = text(a, "cluster_id");
            if (!ids.contains(clusterId)) throw new IllegalArgumentException("an assignment names no cluster of the run");
            assignments.add(new MemberAssignment(text(a, "ip"), text(a, "ja4"), clusterId,
                    a.path("distance").asDouble(Double.NaN), a.path("fitted").asBoolean(false)));
        }
        List<ClusterEdge> edges = new ArrayList<>();
        for (JsonNode e : root.path("edges")) {
            edges.add(new ClusterEdge(text(e, "source"), text(e, "target"), e.path("distance").asDouble(),
                    e.path("similarity").asDouble()));
        }
        JsonNode s = required(root, "stats");
        Map<ClusteringStage, Double> stages = new EnumMap<>(ClusteringStage.class);
        for (ClusteringStage stage : ClusteringStage.values()) {
            JsonNode ms = s.path("stage_ms").path(ClusteringRunJson.key(stage));
            if (ms.isNumber()) stages.put(stage, ms.asDouble());
        }
        RunStatistics stats = new RunStatistics(s.path("input_rows").asInt(assignments.size()),
                s.path("sampled_rows").asInt(), s.path("assigned_rows").asInt(assignments.size()), clusters.size(),
                s.path("iterations").asInt(), s.path("restarts").asInt(1), s.path("distortion").asDouble(),
                s.path("ip_count").asInt(), s.path("hit_count").asLong(), s.path("bot_ips").asInt(),
                s.path("suspect_ips").asInt(), stages, s.path("total_ms").asLong());
        return new ClusteringRun(text(root, "run_id"), p, Instant.parse(text(root, "started_at")), clusters, edges,
                assignments, List.of(), stats);
    }

    private static ClusterProfile cluster(JsonNode c) {
        List<Double> centroid = new ArrayList<>();
        required(c, "centroid").forEach(v -> centroid.add(v.asDouble()));
        if (centroid.size() != Feature.COUNT) throw new IllegalArgumentException("a centroid is not " + Feature.COUNT + " values");
        Map<String, Double> means = new LinkedHashMap<>();
        c.path("raw_means").fields().forEachRemaining(e -> means.put(e.getKey(), e.getValue().asDouble()));
        String threat = c.path("dominant_threat").isTextual() ? c.get("dominant_threat").asText() : null;
        StackVerdict stack = new StackVerdict(c.path("stack_family").asText("Unknown"), c.path("stack").asText(""),
                c.path("stack_scanner").asBoolean(false));
        return new ClusterProfile(text(c, "id"), integer(c, "index"), text(c, "label"), stack,
                required(c, "risk").asDouble(), group(text(c, "group")), c.path("colour").asText(""),
                integer(c, "ip_count"), integer(c, "pair_count"), c.path("fitted_pairs").asInt(),
                c.path("hit_count").asLong(), List.copyOf(centroid), means,
                threat == null ? null : ThreatLevel.parse(threat).orElse(null), strings(c, "top_countries"),
                strings(c, "top_asn_orgs"), strings(c, "sample_ips"), c.path("sample_ua").asText(""),
                c.path("x").asDouble(), c.path("y").asDouble());
    }

    private static RiskGroup group(String name) {
        for (RiskGroup g : RiskGroup.values()) if (g.name().equals(name)) return g;
        throw new IllegalArgumentException("'group' is not one of BOTS, SUSPECTS, LEGITIMATE");
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("'" + field + "' is missing");
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) throw new IllegalArgumentException("'" + field + "' is not text");
        return v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.canConvertToInt()) throw new IllegalArgumentException("'" + field + "' is not a whole number");
        return v.asInt();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
