package com.ja4.workstation.domain.analytics;

import java.util.Map;

public record ViewTotals(String view, long windows, Map<String, Double> averages) {
}
