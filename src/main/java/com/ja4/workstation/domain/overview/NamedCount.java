package com.ja4.workstation.domain.overview;

public record NamedCount(String name, long count) {
}
