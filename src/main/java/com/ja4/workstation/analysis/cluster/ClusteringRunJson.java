package com.ja4.workstation.analysis.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run as JSON for the headless command: clusters, edges, every pair's cluster and the run's
 * statistics, with snake_case names like the predecessor's API.
 */
public final class ClusteringRunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusteringRunJson() {
    }

    public static void write(ClusteringRun run, Path out) throws IOException {
        MAPPER.writeValue(out.toFile(), toTree(run));
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
            n.put("risk", c.risk());
            n.put("group", c.group().name());
            n.put("colour", c.colour());
            n.put("ip_count", c.ipCount());
            n.put("pair_count", c.pairCount());
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
        }
        RunStatistics s = run.statistics();
        ObjectNode stats = root.putObject("stats");
        stats.put("input_rows", s.inputRows());
        stats.put("sampled_rows", s.sampledRows());
        stats.put("clusters", s.clusters());
        stats.put("iterations", s.iterations());
        stats.put("distortion", s.distortion());
        stats.put("ip_count", s.ipCount());
        stats.put("hit_count", s.hitCount());
        stats.put("bot_ips", s.botIps());
        stats.put("suspect_ips", s.suspectIps());
        ObjectNode stages = stats.putObject("stage_ms");
        s.stageMillis().forEach((stage, ms) -> stages.put(stage.name().toLowerCase(java.util.Locale.ROOT), ms));
        stats.put("total_ms", s.totalMillis());
        return root;
    }
}
