package dev.mano.orchestrator.hosts;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hosts of the VIM: register (idempotent by name), show, refresh, delete. Changes need ADMIN. */
@RestController
@RequestMapping("/vim/v1/hosts")
class HostController {
    private final HostService hosts;

    HostController(HostService hosts) {
        this.hosts = hosts;
    }

    @PostMapping
    ResponseEntity<HostView> register(@RequestBody HostRegistration registration) {
        HostService.Registered r = hosts.register(registration);
        return r.created()
                ? ResponseEntity.created(URI.create("/vim/v1/hosts/" + r.host().id())).body(r.host())
                : ResponseEntity.ok(r.host());
    }

    @GetMapping
    List<HostView> list() {
        return hosts.list();
    }

    @GetMapping("/{id}")
    HostView get(@PathVariable UUID id) {
        return hosts.get(id);
    }

    @PostMapping("/{id}/refresh")
    HostView refresh(@PathVariable UUID id) {
        return hosts.refresh(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        hosts.delete(id);
        return ResponseEntity.noContent().build();
    }
}
