package com.ja4.workstation.data.warehouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement and its bound values. Text is assembled only from code constants, whitelisted
 * identifiers and dialect fragments; every user value goes to {@link #params()}.
 */
public record Sql(String text, List<Object> params) {

    public static Builder builder() {
        return new Builder();
    }

    public static Sql of(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    /** Mutable builder; values may be String, Number, Boolean or Instant (bound through the dialect). */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        public Builder sql(String fragment) {
            text.append(fragment);
            return this;
        }

        /** Appends a fragment whose '?' placeholders take the given values in order. */
        public Builder sql(String fragment, Object... values) {
            long marks = fragment.chars().filter(c -> c == '?').count();
            if (marks != values.length) {
                throw new IllegalArgumentException("fragment has " + marks + " placeholders but " + values.length + " values: " + fragment);
            }
            text.append(fragment);
            for (Object v : values) {
                if (v == null) throw new IllegalArgumentException("null parameter in: " + fragment);
                params.add(v);
            }
            return this;
        }

        public Builder time(Dialect dialect, Instant t) {
            return sql(dialect.timeParam(), t);
        }

        public int length() {
            return text.length();
        }

        public Sql build() {
            return new Sql(text.toString(), List.copyOf(params));
        }
    }

    /**
     * A SQL string literal, for the few statements that take no bound value (ATTACH, SET of a path):
     * only our own file paths, never analyst or file content.
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL in a SQL literal");
        return "'" + value.replace("'", "''") + "'";
    }

    /** Returns a copy with extra text and values appended (e.g. LIMIT/OFFSET). */
    public Sql append(String fragment, Object... values) {
        Builder b = new Builder();
        b.text.append(text);
        b.params.addAll(params);
        return b.sql(fragment, values).build();
    }
}
