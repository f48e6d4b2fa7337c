package com.ja4.workstation.analysis.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A run as JSON for the headless command: clusters, edges, every pair's cluster and the run's
 * statistics, with snake_case names like the predecessor's API; optionally the timings of repeated
 * runs ({@code timing_ms}) and the changes since an earlier run ({@code changes}). A written run is
 * read back by {@link ClusteringRunFile} to compare a later run with it.
 */
public final class ClusteringRunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusteringRunJson() {
    }

    public static void write(ClusteringRun run, Path out) throws IOException {
        write(toTree(run), out);
    }

    public static void write(ObjectNode tree, Path out) throws IOException {
        MAPPER.writeValue(out.toFile(), tree);
    }

    public static ObjectNode toTree(ClusteringRun run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("run_id", run.id());
        root.put("started_at", run.startedAt().toString());
        ObjectNode params = root.putObject("parameters");
        params.put("k", run.parameters().k());
        params.put("samples", run.parameters().sampleSize());
        params.put("seed", run.parameters().seed());
        params.put("max_iterations", run.parameters().maxIterations());
        ArrayNode names = root.putArray("feature_names");
        Feature.all().forEach(f -> names.add(f.label()));

        ArrayNode clusters = root.putArray("clusters");
        for (ClusterProfile c : run.clusters()) {
            ObjectNode n = clusters.addObject();
            n.put("id", c.id());
            n.put("index", c.index());
            n.put("label", c.label());
            n.put("stack", c.stack().label());
            n.put("stack_family", c.stack().family());
            n.put("stack_scanner", c.stack().scanner());
            n.put("risk", c.risk());
            n.put("group", c.group().name());
            n.put("colour", c.colour());
            n.put("ip_count", c.ipCount());
            n.put("pair_count", c.pairCount());
            n.put("fitted_pairs", c.fittedPairs());
            n.put("hit_count", c.hitCount());
            ArrayNode centroid = n.putArray("centroid");
            c.centroid().forEach(centroid::add);
            ObjectNode means = n.putObject("raw_means");
            c.rawMeans().forEach(means::put);
            n.put("dominant_threat", c.dominantThreat() == null ? null : c.dominantThreat().name());
            c.topCountries().forEach(n.withArray("top_countries")::add);
            c.topAsnOrgs().forEach(n.withArray("top_asn_orgs")::add);
            c.sampleIps().forEach(n.withArray("sample_ips")::add);
            n.put("sample_ua", c.sampleUserAgent());
            n.put("x", c.x());
            n.put("y", c.y());
        }
        ArrayNode edges = root.putArray("edges");
        for (ClusterEdge e : run.edges()) {
            ObjectNode n = edges.addObject();
            n.put("source", e.source());
            n.put("target", e.target());
            n.put("distance", e.distance());
            n.put("similarity", e.similarity());
        }
        ArrayNode assignments = root.putArray("assignments");
        for (MemberAssignment a : run.assignments()) {
            ObjectNode n = assignments.addObject();
            n.put("ip", a.ip());
            n.put("ja4", a.ja4());
            n.put("cluster_id", a.clusterId());
            n.put("distance", a.distance());
            n.put("fitted", a.fitted());
        }
        RunStatistics s = run.statistics();
        ObjectNode stats = root.putObject("stats");
        stats.put("input_rows", s.inputRows());
        stats.put("sampled_rows", s.sampledRows());
        stats.put("assigned_rows", s.assignedRows());
        stats.put("clusters", s.clusters());
        stats.put("iterations", s.iterations());
        stats.put("restarts", s.restarts());
        stats.put("distortion", s.distortion());
        stats.put("ip_count", s.ipCount());
        stats.put("hit_count", s.hitCount());
        stats.put("bot_ips", s.botIps());
        stats.put("suspect_ips", s.suspectIps());
        ObjectNode stages = stats.putObject("stage_ms");
        s.stageMillis().forEach((stage, ms) -> stages.put(key(stage), round2(ms)));
        stats.put("total_ms", s.totalMillis());
        return root;
    }

    /** The changes since an earlier run, as {@code changes} in the run's JSON. */
    public static ObjectNode changesTree(RunChanges changes, ClusteringRun earlier) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("earlier_run_id", changes.earlierRunId());
        root.put("earlier_started_at", earlier.startedAt().toString());
        ObjectNode summary = root.putObject("summary");
        for (ClusterChange.Kind kind : ClusterChange.Kind.values()) {
            summary.put(kind.name().toLowerCase(Locale.ROOT), changes.count(kind));
        }
        summary.put("moved_to_bots", changes.movedToBots().size());
        ArrayNode clusters = root.putArray("clusters");
        for (ClusterChange c : changes.clusters()) {
            ObjectNode n = clusters.addObject();
            n.put("kind", c.kind().name());
            n.put("cluster_id", c.clusterId());
            n.put("label", c.label());
            n.put("group", c.group() == null ? null : c.group().name());
            n.put("pairs", c.pairs());
            n.put("earlier_cluster_id", c.earlierClusterId());
            n.put("earlier_label", c.earlierLabel());
            n.put("earlier_group", c.earlierGroup() == null ? null : c.earlierGroup().name());
            n.put("earlier_pairs", c.earlierPairs());
            n.put("overlap", c.overlap());
            if (Double.isNaN(c.centroidDistance())) n.putNull("centroid_distance");
            else n.put("centroid_distance", c.centroidDistance());
            n.put("similarity", c.similarity());
        }
        ArrayNode moved = root.putArray("moved_to_bots");
        for (MovedIp m : changes.movedToBots()) {
            ObjectNode n = moved.addObject();
            n.put("ip", m.ip());
            n.put("from_cluster_id", m.fromClusterId());
            n.put("from_label", m.fromLabel());
            n.put("from_group", m.fromGroup().name());
            n.put("to_cluster_id", m.toClusterId());
            n.put("to_label", m.toLabel());
        }
        return root;
    }

    /** {@code timing_ms} of a repeated run: best, median, load, and best/median per stage. */
    public static ObjectNode timingTree(RepeatTimings t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("runs", t.runs());
        root.put("best", round2(t.best()));
        root.put("median", round2(t.median()));
        root.put("load", round2(t.loadMillis()));
        ObjectNode stages = root.putObject("stages");
        t.stages().forEach((stage, spread) -> {
            ObjectNode n = stages.putObject(key(stage));
            n.put("best", round2(spread.best()));
            n.put("median", round2(spread.median()));
        });
        return root;
    }

    /** Milliseconds to two decimals: what a timing is worth on a shared machine. */
    static double round2(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    static String key(ClusteringStage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
