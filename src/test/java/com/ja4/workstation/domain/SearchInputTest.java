package com.ja4.workstation.domain;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.domain.SearchInput.Kind;
import org.junit.jupiter.api.Test;

class SearchInputTest {

    @Test
    void classifiesWhatTheAnalystTyped() {
        assertEquals(Kind.IP, SearchInput.parse(" 1.2.3.4 ").kind());
        assertEquals("1.2.3.4", SearchInput.parse("::ffff:1.2.3.4").ip().orElseThrow().display());
        assertEquals("2001:db8::1", SearchInput.parse("2001:DB8:0::1").ip().orElseThrow().display());
        assertEquals(Kind.JA4, SearchInput.parse("t13d1516h2_8daaf6152771_02713d6af862").kind());
        assertEquals(Kind.TEXT, SearchInput.parse("Hetzner Online GmbH").kind());
        assertEquals(Kind.TEXT, SearchInput.parse("www.maison-lumiere.fr").kind());
        assertEquals(Kind.TEXT, SearchInput.parse("t13d1516h2_8daaf6152771").kind());
        assertEquals(Kind.EMPTY, SearchInput.parse("  ").kind());
        for (String bad : new String[] {"1.2.3.999", "1.2.3", "256.1.1.1", "1.2.3.4.5", "2001:db8:::1", "::ffff:1.2.3.999", "1..2.3"}) {
            SearchInput in = SearchInput.parse(bad);
            assertEquals(Kind.INVALID_IP, in.kind(), bad);
            assertTrue(in.problem().contains(bad), in.problem());
        }
    }
}
