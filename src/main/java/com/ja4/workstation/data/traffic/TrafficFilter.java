package com.ja4.workstation.data.traffic;

/**
 * The Traffic filters; blank means "any". Method, host and HTTP version match exactly; search
 * matches IP, path or user agent as a literal substring.
 */
public record TrafficFilter(String method, String host, String httpVersion, String search) {

    public static final TrafficFilter NONE = new TrafficFilter("", "", "", "");

    public TrafficFilter {
        method = clean(method);
        host = clean(host);
        httpVersion = clean(httpVersion);
        search = clean(search);
    }

    public TrafficFilter withMethod(String v) {
        return new TrafficFilter(v, host, httpVersion, search);
    }

    public TrafficFilter withHost(String v) {
        return new TrafficFilter(method, v, httpVersion, search);
    }

    public TrafficFilter withHttpVersion(String v) {
        return new TrafficFilter(method, host, v, search);
    }

    public TrafficFilter withSearch(String v) {
        return new TrafficFilter(method, host, httpVersion, v);
    }

    private static String clean(String v) {
        return v == null ? "" : v.strip();
    }
}
