package com.ja4.workstation.data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSideParamsTest {

    private final ClickHouseDialect ch = ClickHouseDialect.INSTANCE;

    @Test
    void eachPlaceholderBecomesATypedServerParameter() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        Sql sql = Sql.builder().sql("SELECT * FROM t WHERE ts >= ").time(ch, t).sql(" AND host IN (?, ?) AND n < ?", "a", "b", 5L).build();
        ServerSideParams p = ServerSideParams.of(sql, ch);
        assertEquals("SELECT * FROM t WHERE ts >= toDateTime({p1:Int64}, 'UTC') AND host IN ({p2:String}, {p3:String}) AND n < {p4:Int64}", p.text());
        assertEquals(Map.of("p1", Long.toString(t.getEpochSecond()), "p2", "a", "p3", "b", "p4", "5"), p.values());
    }

    @Test
    void aQuestionMarkInsideAStringLiteralIsText() {
        ServerSideParams p = ServerSideParams.of(new Sql("SELECT 'why?' , x = ?", List.of("v")), ch);
        assertEquals("SELECT 'why?' , x = {p1:String}", p.text());
    }

    /** ClickHouse reads param_ values as escaped text: a backslash or tab must arrive as itself. */
    @Test
    void hostileStringsAreEscapedForTheServer() {
        ServerSideParams p = ServerSideParams.of(Sql.of("SELECT ?", "x' OR 1=1 --\\\t\n"), ch);
        assertEquals("x' OR 1=1 --\\\\\\t\\n", p.values().get("p1"));
    }

    @Test
    void placeholderAndValueCountsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> ServerSideParams.of(new Sql("SELECT ?, ?", List.of("a")), ch));
    }
}
