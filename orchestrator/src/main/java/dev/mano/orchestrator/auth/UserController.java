package dev.mano.orchestrator.auth;

import dev.mano.orchestrator.api.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration (ADMIN only, see SecurityConfig). */
@RestController
class UserController {
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    UserController(UserAccountRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    record NewUser(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotNull Role role) {}

    /** What PATCH /users/{username} may change; an absent field stays as it is. */
    record UserChange(@Size(min = 8, max = 128) String password, Role role) {}

    record UserView(String username, Role role) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), a.role());
        }
    }

    @GetMapping("/users")
    List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    UserView create(@Valid @RequestBody NewUser user) {
        if (users.findByUsername(user.username()).isPresent()) {
            throw ApiProblem.conflict("user-exists", "user " + user.username() + " already exists");
        }
        return UserView.of(users.save(new UserAccount(user.username(), encoder.encode(user.password()), user.role())));
    }

    /**
     * A new password and/or role. Either one refuses the bearer tokens issued before it (their
     * credentials version is behind, see AccountBoundTokens); HTTP Basic sees the change on the
     * next request anyway.
     */
    @PatchMapping("/users/{username}")
    @Transactional
    UserView change(@PathVariable String username, @Valid @RequestBody UserChange change) {
        if (change.password() == null && change.role() == null) {
            throw ApiProblem.badRequest("nothing-to-change", "send a password, a role or both");
        }
        if (change.password() != null && change.password().isBlank()) {
            throw ApiProblem.badRequest("invalid-password", "password must not be blank");
        }
        if (username.equals("admin") && change.role() != null && change.role() != Role.ADMIN) {
            throw ApiProblem.conflict("last-admin", "the built-in admin keeps the ADMIN role");
        }
        // Hashed before the row is locked: BCrypt takes tens of milliseconds.
        String newHash = change.password() == null ? null : encoder.encode(change.password());
        UserAccount account = users.lockByUsername(username).orElseThrow(() -> ApiProblem.notFound("user", username));
        if (newHash != null) account.changePassword(newHash);
        if (change.role() != null) account.changeRole(change.role());
        return UserView.of(account);
    }

    @DeleteMapping("/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable String username) {
        if (username.equals("admin")) {
            throw ApiProblem.conflict("last-admin", "the built-in admin cannot be deleted");
        }
        UserAccount account = users.findByUsername(username).orElseThrow(() -> ApiProblem.notFound("user", username));
        users.delete(account);
    }
}
