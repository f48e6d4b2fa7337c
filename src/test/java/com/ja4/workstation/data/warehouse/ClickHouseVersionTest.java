package com.ja4.workstation.data.warehouse;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ClickHouseVersionTest {

    private static ClickHouseVersion v(String s) {
        return ClickHouseVersion.parse(s).orElseThrow();
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(v("18.16.1").isOlderThan(ClickHouseVersion.MINIMUM));
        assertTrue(v("23.3.22.3").isOlderThan(v("23.8")));
        assertFalse(v("23.8").isOlderThan(ClickHouseVersion.MINIMUM));
        assertFalse(v("23.8.16.16").isOlderThan(ClickHouseVersion.MINIMUM));
        assertFalse(v("24.10.1").isOlderThan(v("24.9.3")));
        assertFalse(v("26.9.2.1").isOlderThan(ClickHouseVersion.MINIMUM), "the engine the tests run (chDB)");
        assertEquals("24.8.4.13", v("24.8.4.13-lts\n").text());
        assertTrue(ClickHouseVersion.parse("<html>404</html>").isEmpty());
        assertTrue(ClickHouseVersion.parse("").isEmpty());
    }
}
