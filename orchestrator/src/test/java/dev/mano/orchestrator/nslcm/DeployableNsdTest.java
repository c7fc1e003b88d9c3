package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.nsd.Nsd;
import dev.mano.orchestrator.nsd.NsdCatalog;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An NS instantiation reuses the parsed NSD (NsdCatalog keeps the last parse per descriptor), but
 * only while the catalog would still give the same answers: a constituent VNF package disabled
 * since makes the descriptor undeployable exactly as a fresh parse says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeployableNsdTest {
    @LocalServerPort int port;
    @Autowired NsdCatalog nsds;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theParsedNsdIsReusedWhileItsVnfPackagesStayDeployable() {
        ApiHttp http = new ApiHttp(port);
        LifecycleApi api = new LifecycleApi(http);
        String fw = api.onboardVnfd(ChainTestVnfd.yaml("cache-net", 1, 1));
        String router = api.onboardVnfd(ChainTestVnfd.yaml("cache-net", 1, 1, "vhost-user", "virtio"));
        String nsdId = "cached-" + UUID.randomUUID();
        String info = LifecycleApi.JSON.readTree(api.post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> put = http.send("PUT", "/nsd/v1/ns_descriptors/" + info + "/nsd_content", LifecycleApi.ADMIN,
                "application/yaml", NsLifecycleTest.nsd(nsdId, fw, router));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);

        Nsd first = nsds.deployable(nsdId).orElseThrow().nsd();
        assertThat(first.chain()).extracting(Nsd.NsdVnf::vnfdId).containsExactly(fw, router);
        assertThat(nsds.deployable(nsdId).orElseThrow().nsd()).isSameAs(first);

        String routerPkg = jdbc.queryForObject("SELECT id::text FROM vnf_package WHERE vnfd_id = ?", String.class, router);
        setState(http, routerPkg, "DISABLED");
        assertThatThrownBy(() -> nsds.deployable(nsdId)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(p.getMessage()).contains(router);
        });

        setState(http, routerPkg, "ENABLED");
        Nsd again = nsds.deployable(nsdId).orElseThrow().nsd();
        assertThat(again).isEqualTo(first); // the same answers as when it was parsed: reusing that parse is right
    }

    private static void setState(ApiHttp http, String pkgId, String state) {
        HttpResponse<String> r = http.send("PATCH", "/vnfpkgm/v1/vnf_packages/" + pkgId, LifecycleApi.ADMIN, "application/json",
                "{\"operationalState\":\"" + state + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
