package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.ThreatLevel;
import java.util.List;
import java.util.Map;

/**
 * One cluster of a run, as the card, the graph node and the sidebar show it.
 *
 * @param id             {@code runId/c{n}}: keeps its meaning as long as the run is shown
 * @param index          n, the k-means label
 * @param label          name in the analyst's words ("Masscan scanner")
 * @param stack          TCP stack verdict of the mean SYN values
 * @param risk           risk score in [0, 1] (see {@link RiskScore})
 * @param group          dashboard column, from the risk alone
 * @param colour         hex colour of the risk
 * @param ipCount        distinct IPs among its assigned pairs
 * @param pairCount      (IP, JA4) pairs assigned to it ("assigned M"): every pair of the window whose
 *                       nearest centroid is this one
 * @param fittedPairs    of those, the pairs of the sample the centroids were fitted on ("fitted on N")
 * @param hitCount       requests of its assigned pairs
 * @param centroid       normalised centroid, in {@link Feature} order (radar values)
 * @param rawMeans       raw mean of each feature by its source column (ttl, mss, scale, win included)
 * @param dominantThreat the most severe level reached by at least a quarter of its detected pairs,
 *                       null when none of its pairs was detected (see {@link ClusterProfiler})
 * @param topCountries   up to 5 most frequent countries
 * @param topAsnOrgs     up to 5 most frequent ASN organisations
 * @param sampleIps      up to 8 IPs with the most hits (among all assigned pairs)
 * @param sampleUserAgent User-Agent of its busiest pair
 * @param x              PCA position in [0, 1]
 * @param y              PCA position in [0, 1]
 */
public record ClusterProfile(String id, int index, String label, StackVerdict stack, double risk, RiskGroup group,
                             String colour, int ipCount, int pairCount, int fittedPairs, long hitCount,
                             List<Double> centroid,
                             Map<String, Double> rawMeans, ThreatLevel dominantThreat, List<String> topCountries,
                             List<String> topAsnOrgs, List<String> sampleIps, String sampleUserAgent,
                             double x, double y) {

    /** The same cluster under another name (two clusters may earn the same one; see the pipeline). */
    ClusterProfile withLabel(String newLabel) {
        return new ClusterProfile(id, index, newLabel, stack, risk, group, colour, ipCount, pairCount, fittedPairs,
                hitCount, centroid, rawMeans, dominantThreat, topCountries, topAsnOrgs, sampleIps, sampleUserAgent, x, y);
    }

    public double rawMean(Feature feature) {
        return rawMeans.getOrDefault(feature.sourceColumn(), 0.0);
    }
}
