package com.ja4.workstation.service.analytics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model metadata file as found in the models folder. A file that cannot be read is kept
 * with its {@code error} so the analyst sees it, never skipped silently.
 *
 * @param name      model name ("name" or "model_name"; the file name without .json otherwise)
 * @param metrics   metrics as given, flattened to "key" / "key.sub" = text
 * @param details   every field of the file, flattened, including the ones not shown in columns
 */
public record ModelFile(Path file, String name, String algorithm, String trainedAt, List<String> features,
                        Map<String, String> metrics, Map<String, String> details, Optional<String> error) {

    public boolean ok() {
        return error.isEmpty();
    }

    public String fileName() {
        return file.getFileName().toString();
    }
}
