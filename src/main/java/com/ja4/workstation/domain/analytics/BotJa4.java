package com.ja4.workstation.domain.analytics;

public record BotJa4(String ja4, String botName, long sessions, long uniqueIps) {
}
