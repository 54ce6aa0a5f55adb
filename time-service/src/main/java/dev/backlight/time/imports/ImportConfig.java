package dev.backlight.time.imports;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and housekeeping of streamed imports. */
@ConfigMapping(prefix = "backlight.imports")
public interface ImportConfig {

    /** The most rows one import takes; a longer file is refused (400) and should be split. */
    @WithDefault("2000000")
    long maxRows();

    /** How often, in rows read, the job's progress is saved while the file arrives. */
    @WithDefault("10000")
    int progressEvery();

    /** How long finished jobs and their reports are kept. */
    @WithDefault("P30D")
    Duration keepFor();

    /** A running job whose replica has not renewed it for this long is failed: that replica stopped. */
    @WithDefault("PT2M")
    Duration abandonedAfter();
}
