package com.ja4.workstation.data.demo;

import com.ja4.workstation.domain.ThreatLevel;
import java.util.List;

/**
 * How one client behaves. Traffic is simulated from the first group of fields and the features
 * that can be measured on that traffic (velocity, ratios, entropy, port density, ALPN mismatch,
 * multiplexing) are computed from it; the rest are what the sensors report about the client's
 * headers and IP stack, fixed per client.
 *
 * @param minHits          fewest requests in one (ja4, host, hour) window
 * @param maxHits          most requests in one window
 * @param minHours         fewest active hours in the 24 h
 * @param maxHours         most active hours in the 24 h
 * @param postShare        share of requests that are POSTs
 * @param loginPosts       true when the POSTs go to the login form (credential stuffing)
 * @param assetShare       share of requests for static assets following a page
 * @param probeShare       share of requests for paths that do not exist (fuzzing)
 * @param browse           which pages it asks for
 * @param thinkSeconds     mean gap before a page or form request
 * @param regular          true for machine pacing (gaps within 10 % of the mean) rather than human gaps
 * @param newConnection    chance that a request opens a new TCP connection (new source port)
 * @param directAccess     share of requests with no referrer
 * @param modernBrowser    modern browser score from headers (Sec-Fetch, client hints, ...)
 * @param headerCount      usual number of request headers
 * @param ipIdZero         share of packets with IP ID 0
 * @param headerOrder      confidence that the header order matches the claimed client
 * @param uaChMismatch     share of requests whose client hints contradict the UA
 * @param consistency      browser consistency score, 0 to 5
 * @param threats          threat levels the models assign, with their weights
 * @param threatWeights    weights of {@code threats}
 */
record Profile(int minHits, int maxHits, int minHours, int maxHours,
               double postShare, boolean loginPosts, double assetShare, double probeShare, Browse browse,
               double thinkSeconds, boolean regular, double newConnection,
               double directAccess, double modernBrowser, double headerCount, double ipIdZero,
               double headerOrder, double uaChMismatch, int consistency,
               List<ThreatLevel> threats, double[] threatWeights) {

    /** Fluent construction, because twenty positional numbers are unreadable. */
    static final class Builder {
        private int minHits = 1, maxHits = 1, minHours = 1, maxHours = 1;
        private double postShare, assetShare, probeShare;
        private boolean loginPosts;
        private Browse browse = Browse.VISIT;
        private double thinkSeconds = 10;
        private boolean regular;
        private double newConnection = 1, directAccess, modernBrowser, headerCount = 8, ipIdZero, headerOrder = 1, uaChMismatch;
        private int consistency;
        private List<ThreatLevel> threats = List.of(ThreatLevel.NORMAL);
        private double[] threatWeights = {1};

        Builder hits(int min, int max) { minHits = min; maxHits = max; return this; }
        Builder hours(int min, int max) { minHours = min; maxHours = max; return this; }
        Builder posts(double share, boolean toLogin) { postShare = share; loginPosts = toLogin; return this; }
        Builder assets(double share) { assetShare = share; return this; }
        Builder probes(double share) { probeShare = share; return this; }
        Builder browse(Browse b) { browse = b; return this; }
        Builder pacing(double seconds, boolean machine) { thinkSeconds = seconds; regular = machine; return this; }
        Builder newConnection(double share) { newConnection = share; return this; }
        Builder directAccess(double share) { directAccess = share; return this; }
        Builder modernBrowser(double score) { modernBrowser = score; return this; }
        Builder headerCount(double n) { headerCount = n; return this; }
        Builder ipIdZero(double share) { ipIdZero = share; return this; }
        Builder headerOrder(double confidence) { headerOrder = confidence; return this; }
        Builder uaChMismatch(double share) { uaChMismatch = share; return this; }
        Builder consistency(int score) { consistency = score; return this; }
        Builder threats(List<ThreatLevel> levels, double... weights) { threats = levels; threatWeights = weights; return this; }

        Profile build() {
            return new Profile(minHits, maxHits, minHours, maxHours, postShare, loginPosts, assetShare, probeShare,
                    browse, thinkSeconds, regular, newConnection, directAccess, modernBrowser, headerCount, ipIdZero,
                    headerOrder, uaChMismatch, consistency, threats, threatWeights);
        }
    }

    /** Which pages a client reads. */
    enum Browse {
        /** a person's visit: a few pages among the popular ones */
        VISIT,
        /** a crawl of the whole catalogue, one product after another */
        CATALOGUE,
        /** the site root only, as a port scanner's banner grab does */
        ROOT
    }
}
