package com.ja4.workstation.domain.table;

import java.time.Instant;

/** One row of http_logs. */
public record HttpLog(Instant time, String ip, int srcPort, String method, String host, String path, String httpVersion,
                      String userAgent, String ja4, String countryCode) {
}
