package dev.mano.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mano ns instantiate --params FILE}: what the file may hold, and what a person is told when it is wrong. */
class NsInstantiateParamsTest {
    @TempDir Path dir;

    @Test
    void theFilesMembersJoinTheRequest() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), """
                {"additionalParamsForVnf": [{"vnfProfileId": "firewall", "additionalParams": {"config": {"default": "deny"}}}]}""");
        Map<String, Object> request = NsCommands.instantiateParams(file.toString());
        assertThat(request).containsOnlyKeys("additionalParamsForVnf");
        assertThat((List<?>) request.get("additionalParamsForVnf")).hasSize(1);
        assertThat(NsCommands.instantiateParams(null)).isEmpty();
    }

    @Test
    void aBadFileIsNamedWithWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> NsCommands.instantiateParams(dir.resolve("missing.json").toString()))
                .isInstanceOf(CliError.class).hasMessageContaining("cannot read --params");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"additionalParamsForVnf\": [");
        assertThatThrownBy(() -> NsCommands.instantiateParams(broken.toString()))
                .isInstanceOf(CliError.class).hasMessageContaining("is not JSON");
        Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");
        assertThatThrownBy(() -> NsCommands.instantiateParams(list.toString()))
                .isInstanceOf(CliError.class).hasMessageContaining("must hold a JSON object");
    }
}
