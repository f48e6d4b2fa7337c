package com.ja4.workstation.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/** Row-by-row comparison of query results from two engines; floating values within a tolerance. */
public final class RowCompare {

    private RowCompare() {
    }

    public static void assertSameRows(String what, List<?> expected, List<?> actual) {
        assertSameRows(what, expected, actual, false);
    }

    /** Compares two single values (records, maps, numbers) the same way as rows. */
    public static void assertSame(String what, Object expected, Object actual) {
        String diff = diff(expected, actual);
        if (diff != null) fail(what + ": differs (" + diff + ")\n expected: " + expected + "\n actual:   " + actual);
    }

    private static void assertSameRows(String what, List<?> expected, List<?> actual, boolean unused) {
        if (expected.size() != actual.size()) {
            fail(what + ": " + actual.size() + " rows, expected " + expected.size()
                    + "\n first expected: " + head(expected) + "\n first actual:   " + head(actual));
        }
        for (int i = 0; i < expected.size(); i++) {
            String diff = diff(expected.get(i), actual.get(i));
            if (diff != null) {
                fail(what + ": row " + i + " differs (" + diff + ")\n expected: " + expected.get(i) + "\n actual:   " + actual.get(i));
            }
        }
    }

    private static String head(List<?> l) {
        return l.isEmpty() ? "-" : String.valueOf(l.get(0));
    }

    /** Null when equal, else the first differing component. */
    public static String diff(Object a, Object b) {
        if (a == null || b == null) return a == b ? null : "null vs " + (a == null ? b : a);
        if (a instanceof Double x && b instanceof Double y) return close(x, y) ? null : x + " vs " + y;
        if (a instanceof Float x && b instanceof Float y) return close(x, y) ? null : x + " vs " + y;
        if (a instanceof double[] x && b instanceof double[] y) {
            if (x.length != y.length) return "length " + x.length + " vs " + y.length;
            for (int i = 0; i < x.length; i++) if (!close(x[i], y[i])) return "[" + i + "] " + x[i] + " vs " + y[i];
            return null;
        }
        if (a instanceof java.util.Optional<?> x && b instanceof java.util.Optional<?> y) {
            return x.isPresent() && y.isPresent() ? diff(x.get(), y.get()) : x.isPresent() == y.isPresent() ? null : x + " vs " + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return "size " + x.size() + " vs " + y.size();
            for (int i = 0; i < x.size(); i++) {
                String d = diff(x.get(i), y.get(i));
                if (d != null) return "[" + i + "] " + d;
            }
            return null;
        }
        if (a instanceof java.util.Map<?, ?> x && b instanceof java.util.Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return "keys " + x.keySet() + " vs " + y.keySet();
            for (var e : x.entrySet()) {
                String d = diff(e.getValue(), y.get(e.getKey()));
                if (d != null) return e.getKey() + ": " + d;
            }
            return null;
        }
        if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    String d = diff(c.getAccessor().invoke(a), c.getAccessor().invoke(b));
                    if (d != null) return c.getName() + ": " + d;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        return Objects.equals(a, b) ? null : a + " vs " + b;
    }

    private static boolean close(double x, double y) {
        if (Double.compare(x, y) == 0) return true;
        return Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }
}
