package com.ja4.workstation.service.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered settings file is untrusted: whatever is in it, the window opens with the defaults, and a write never loses the other settings. */
class UserPreferencesTest {

    @TempDir
    Path tmp;

    @Test
    void aSettingIsRememberedBesideTheOthersAndSurvivesANewReader() {
        Path file = tmp.resolve("sub/preferences.properties");
        UserPreferences p = new UserPreferences(file);
        assertEquals(Optional.empty(), p.get("theme"), "no file yet: the default");
        assertTrue(p.put("other", "kept"));
        assertTrue(p.put("theme", "dark"));
        UserPreferences again = new UserPreferences(file);
        assertEquals(Optional.of("dark"), again.get("theme"));
        assertEquals(Optional.of("kept"), again.get("other"));
    }

    @Test
    void aDamagedOversizedOrBinaryFileGivesTheDefaultsAndIsNotOverwrittenByReading() throws Exception {
        Path file = tmp.resolve("preferences.properties");
        byte[][] bad = {"theme=\\uZZZZ\n".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2},
            ("theme=dark\n" + "#".repeat((int) UserPreferences.MAX_BYTES)).getBytes(StandardCharsets.UTF_8)};
        for (byte[] content : bad) {
            Files.write(file, content);
            assertEquals(Optional.empty(), new UserPreferences(file).get("theme"));
            assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(file)), "reading leaves the file as it was");
        }
        Files.writeString(file, "theme=   \n");
        assertEquals(Optional.empty(), new UserPreferences(file).get("theme"), "a blank value is no value");
    }

    @Test
    void aFolderWhereTheFileShouldBeIsReportedAsNotRemembered() throws Exception {
        Path file = tmp.resolve("preferences.properties");
        Files.createDirectories(file);
        Files.writeString(file.resolve("someone's.txt"), "not ours");
        UserPreferences p = new UserPreferences(file);
        assertEquals(Optional.empty(), p.get("theme"));
        assertFalse(p.put("theme", "dark"), "not written: it lasts for the session");
        assertTrue(Files.isRegularFile(file.resolve("someone's.txt")), "the folder is left alone");
    }
}
