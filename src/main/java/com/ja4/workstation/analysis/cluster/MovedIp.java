package com.ja4.workstation.analysis.cluster;

/**
 * An IP that sat in a legitimate or suspect cluster in the earlier run and in a bot cluster now.
 * An IP with several JA4s is placed by its riskiest pair on each side.
 */
public record MovedIp(String ip, String fromClusterId, String fromLabel, RiskGroup fromGroup,
                      String toClusterId, String toLabel) {
}
