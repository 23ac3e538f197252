package com.pilimarket.shared.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DotEnvFileTests {

    @TempDir
    Path dir;

    @Test
    void a_dot_env_file_sets_what_the_environment_variables_of_the_same_names_would() throws Exception {
        Path file = Files.writeString(dir.resolve(".env"), """
                # a comment, then a blank line

                SERVER_PORT=18999
                export PILIMARKET_EMBEDDED_DB_PORT=15433
                PILIMARKET_DATA_DIR="/tmp/pm data"
                SPRING_DATA_REDIS_URL='redis://127.0.0.1:6390'
                not a setting
                """);
        StandardEnvironment environment = environment(file, Map.of());

        new DotEnvFile().postProcessEnvironment(environment, null);

        Binder binder = Binder.get(environment);
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(18999);
        assertThat(binder.bind("pilimarket.embedded-db.port", Integer.class).get())
                .isEqualTo(15433);
        assertThat(binder.bind("spring.data.redis.url", String.class).get()).isEqualTo("redis://127.0.0.1:6390");
        assertThat(environment.resolvePlaceholders("${PILIMARKET_DATA_DIR:./data}"))
                .isEqualTo("/tmp/pm data");
    }

    @Test
    void real_environment_variables_win_over_the_file() throws Exception {
        Path file = Files.writeString(dir.resolve(".env"), "SERVER_PORT=18999\n");
        StandardEnvironment environment = environment(file, Map.of("SERVER_PORT", "8123"));

        new DotEnvFile().postProcessEnvironment(environment, null);

        assertThat(Binder.get(environment).bind("server.port", Integer.class).get())
                .isEqualTo(8123);
    }

    @Test
    void no_file_or_none_reads_nothing() {
        StandardEnvironment missing = environment(dir.resolve("absent.env"), Map.of());
        new DotEnvFile().postProcessEnvironment(missing, null);
        assertThat(missing.getPropertySources().contains(DotEnvFile.SOURCE_NAME))
                .isFalse();

        StandardEnvironment off = new StandardEnvironment();
        off.getPropertySources().addFirst(new MapPropertySource("test", Map.of(DotEnvFile.VARIABLE, "none")));
        new DotEnvFile().postProcessEnvironment(off, null);
        assertThat(off.getPropertySources().contains(DotEnvFile.SOURCE_NAME)).isFalse();
    }

    private static StandardEnvironment environment(Path file, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.replace(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(
                        StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                        Map.of(DotEnvFile.VARIABLE, file.toString())));
        return environment;
    }
}
