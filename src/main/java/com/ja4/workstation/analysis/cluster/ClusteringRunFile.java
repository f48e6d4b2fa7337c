package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.io.InputFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.ThreatLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
    /** A mean of values in [0, 1] may round a hair past either end. */
    private static final double ROUNDING = 1e-9;
    /** Longest text a field may hold (labels, User-Agents, names): a run of ours never comes near it. */
    private static final int MAX_TEXT = 4_000;
    /** Longest list of countries, organisations or IPs a cluster may carry (a run writes at most 8). */
    private static final int MAX_LIST = 100;

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
        array(root, "feature_names").forEach(n -> names.add(n.asText()));
        if (!names.equals(Feature.all().stream().map(Feature::label).toList())) {
            throw new IllegalArgumentException("it was clustered on other features");
        }
        JsonNode params = required(root, "parameters");
        ClusteringParameters p = new ClusteringParameters(integer(params, "k"), integer(params, "samples"),
                required(params, "seed").asLong(), integer(params, "max_iterations"));
        List<ClusterProfile> clusters = new ArrayList<>();
        for (JsonNode c : array(root, "clusters")) clusters.add(cluster(c, p.k()));
        if (clusters.isEmpty() || clusters.size() > p.k()) {
            throw new IllegalArgumentException("it has " + clusters.size() + " clusters for k = " + p.k());
        }
        Map<String, Integer> pairsOf = new HashMap<>();
        Set<Integer> indices = new HashSet<>();
        for (ClusterProfile c : clusters) {
            if (pairsOf.put(c.id(), 0) != null) throw new IllegalArgumentException("two clusters are called " + c.id());
            if (!indices.add(c.index())) throw new IllegalArgumentException("two clusters have index " + c.index());
        }
        List<MemberAssignment> assignments = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (JsonNode a : array(root, "assignments")) {
            String clusterId = text(a, "cluster_id");
            if (!pairsOf.containsKey(clusterId)) throw new IllegalArgumentException("an assignment names no cluster of the run");
            String ip = text(a, "ip");
            // Moved IPs are matched on the display form the current run uses.
            String display = ClientIp.parse(ip).map(ClientIp::display).orElseThrow(() ->
                    new IllegalArgumentException("'" + CsvFeatureSource.shorten(ip) + "' is not an IPv4 or IPv6 address"));
            String ja4 = text(a, "ja4");
            if (!pairs.add(display + ' ' + ja4)) {
                throw new IllegalArgumentException(display + " " + CsvFeatureSource.shorten(ja4) + " is assigned twice");
            }
            pairsOf.merge(clusterId, 1, Integer::sum);
            assignments.add(new MemberAssignment(display, ja4, clusterId,
                    a.path("distance").isMissingNode() ? Double.NaN : number(a, "distance", 0, Double.MAX_VALUE),
                    a.path("fitted").asBoolean(false)));
        }
        for (ClusterProfile c : clusters) {
            // The comparison reads sizes from the clusters and membership from the assignments: they must agree.
            if (c.pairCount() != pairsOf.get(c.id())) {
                throw new IllegalArgumentException(c.id() + " says " + c.pairCount() + " pairs but "
                        + pairsOf.get(c.id()) + " are assigned to it");
            }
        }
        List<ClusterEdge> edges = new ArrayList<>();
        for (JsonNode e : root.path("edges")) {
            String source = text(e, "source");
            String target = text(e, "target");
            if (!pairsOf.containsKey(source) || !pairsOf.containsKey(target)) {
                throw new IllegalArgumentException("an edge names no cluster of the run");
            }
            edges.add(new ClusterEdge(source, target, number(e, "distance", 0, Double.MAX_VALUE),
                    number(e, "similarity", 0, 1)));
        }
        JsonNode s = required(root, "stats");
        Map<ClusteringStage, Double> stages = new EnumMap<>(ClusteringStage.class);
        for (ClusteringStage stage : ClusteringStage.values()) {
            JsonNode ms = s.path("stage_ms").path(ClusteringRunJson.key(stage));
            if (!ms.isMissingNode()) stages.put(stage, number(s.path("stage_ms"), ClusteringRunJson.key(stage), 0, Double.MAX_VALUE));
        }
        RunStatistics stats = new RunStatistics(count(s, "input_rows", assignments.size()), count(s, "sampled_rows", 0),
                count(s, "assigned_rows", assignments.size()), clusters.size(), count(s, "iterations", 0),
                count(s, "restarts", 1), optionalNumber(s, "distortion", 0, Double.MAX_VALUE),
                count(s, "ip_count", 0), wholeNumber(s, "hit_count", 0), count(s, "bot_ips", 0),
                count(s, "suspect_ips", 0), stages, wholeNumber(s, "total_ms", 0));
        return new ClusteringRun(text(root, "run_id"), p, Instant.parse(text(root, "started_at")), clusters, edges,
                assignments, List.of(), stats);
    }

    private static ClusterProfile cluster(JsonNode c, int k) {
        List<Double> centroid = new ArrayList<>();
        for (JsonNode v : array(c, "centroid")) centroid.add(value(v, "centroid", 0, 1));
        if (centroid.size() != Feature.COUNT) throw new IllegalArgumentException("a centroid is not " + Feature.COUNT + " values");
        Map<String, Double> means = new LinkedHashMap<>();
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) () -> c.path("raw_means").fields()) {
            means.put(e.getKey(), value(e.getValue(), "raw_means", -Double.MAX_VALUE, Double.MAX_VALUE));
        }
        ThreatLevel threat = null;
        if (!c.path("dominant_threat").isMissingNode() && !c.path("dominant_threat").isNull()) {
            String t = text(c, "dominant_threat");
            threat = ThreatLevel.parse(t).orElseThrow(() ->
                    new IllegalArgumentException("'" + CsvFeatureSource.shorten(t) + "' is not a threat level"));
        }
        StackVerdict stack = new StackVerdict(optionalText(c, "stack_family", "Unknown"), optionalText(c, "stack", ""),
                c.path("stack_scanner").asBoolean(false));
        int index = integer(c, "index");
        if (index < 0 || index >= k) throw new IllegalArgumentException("a cluster's index " + index + " is not below k = " + k);
        int pairCount = count(c, "pair_count", -1);
        int fitted = count(c, "fitted_pairs", 0);
        if (pairCount < 0) throw new IllegalArgumentException("'pair_count' is missing");
        if (fitted > pairCount) throw new IllegalArgumentException("a cluster has more fitted pairs than pairs");
        return new ClusterProfile(text(c, "id"), index, text(c, "label"), stack,
                number(c, "risk", 0, 1), group(text(c, "group")), optionalText(c, "colour", ""),
                count(c, "ip_count", 0), pairCount, fitted, wholeNumber(c, "hit_count", 0), List.copyOf(centroid), means,
                threat, strings(c, "top_countries"), strings(c, "top_asn_orgs"), strings(c, "sample_ips"),
                optionalText(c, "sample_ua", ""), optionalNumber(c, "x", 0, 1), optionalNumber(c, "y", 0, 1));
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

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isArray()) throw new IllegalArgumentException("'" + field + "' is not a list");
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) throw new IllegalArgumentException("'" + field + "' is not text");
        if (v.asText().length() > MAX_TEXT) {
            throw new IllegalArgumentException("'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String field, String absent) {
        return n.path(field).isMissingNode() || n.path(field).isNull() ? absent : text(n, field);
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw new IllegalArgumentException("'" + field + "' is not a whole number");
        return v.asInt();
    }

    /** A count: absent reads as {@code absent}, present must be a whole number from 0. */
    private static int count(JsonNode n, String field, int absent) {
        if (n.path(field).isMissingNode()) return absent;
        int v = integer(n, field);
        if (v < 0) throw new IllegalArgumentException("'" + field + "' is negative");
        return v;
    }

    private static long wholeNumber(JsonNode n, String field, long absent) {
        JsonNode v = n.path(field);
        if (v.isMissingNode()) return absent;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("'" + field + "' is not a whole number from 0");
        }
        return v.asLong();
    }

    private static double number(JsonNode n, String field, double min, double max) {
        return value(required(n, field), field, min, max);
    }

    private static double optionalNumber(JsonNode n, String field, double min, double max) {
        return n.path(field).isMissingNode() ? 0 : number(n, field, min, max);
    }

    /**
     * A finite number in [min, max] (give or take a rounding hair): text, NaN or an overflow would
     * otherwise turn into a silent 0 or a wrong match.
     */
    private static double value(JsonNode v, String field, double min, double max) {
        if (!v.isNumber()) throw new IllegalArgumentException("'" + field + "' holds a value that is not a number");
        double d = v.asDouble();
        if (!Double.isFinite(d)) throw new IllegalArgumentException("'" + field + "' holds a number out of range");
        if (d < min - ROUNDING) {
            throw new IllegalArgumentException("'" + field + "' " + (min == 0 ? "is negative" : "holds " + plain(d) + ", below " + plain(min)));
        }
        if (d > max + ROUNDING) throw new IllegalArgumentException("'" + field + "' holds " + plain(d) + ", above " + plain(max));
        return d;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode()) return List.of();
        if (!v.isArray() || v.size() > MAX_LIST) {
            throw new IllegalArgumentException("'" + field + "' is not a list of at most " + MAX_LIST + " texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) {
            if (!s.isTextual() || s.asText().length() > MAX_TEXT) {
                throw new IllegalArgumentException("'" + field + "' holds a value that is not a short text");
            }
            out.add(s.asText());
        }
        return List.copyOf(out);
    }
}
