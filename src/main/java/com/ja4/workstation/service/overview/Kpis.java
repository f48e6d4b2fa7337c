package com.ja4.workstation.service.overview;

/** The Overview's key figures for one time window. */
public record Kpis(long detections, long scoredWindows, long traffic, long uniqueIps,
                   long critical, long high, long legitimateBrowsers) {
}
