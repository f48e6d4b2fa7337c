package com.ja4.workstation.domain.analytics;

public record HostRow(String host, long sessions, long requests, long detections, long ips) {
}
