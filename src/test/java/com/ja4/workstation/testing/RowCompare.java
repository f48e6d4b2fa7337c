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
