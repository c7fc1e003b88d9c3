package dev.mano.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code mano vnfpkg ...}: SOL005 VNF package management. */
final class VnfPackageCommands {
    private static final String BASE = "/vnfpkgm/v1/vnf_packages";
    private final ApiClient api;

    VnfPackageCommands(ApiClient api) {
        this.api = api;
    }

    static final String HELP = """
            mano vnfpkg list                     VNF packages in the catalog
            mano vnfpkg show ID                  one package (JSON)
            mano vnfpkg onboard FILE [--no-wait] create a package and upload a CSAR (.zip/.csar) or a VNFD (.yaml)
            mano vnfpkg vnfd ID                  print the package's VNFD
            mano vnfpkg enable|disable ID        set the operational state
            mano vnfpkg delete ID                delete a disabled, unused package""";

    int run(Args args) {
        String verb = args.word(1, "a vnfpkg command (list, show, onboard, vnfd, enable, disable, delete)");
        switch (verb) {
            case "list" -> list(args.flag("json"));
            case "show" -> Output.json(api.get(BASE + "/" + args.word(2, "package id")));
            case "vnfd" -> System.out.print(api.get(BASE + "/" + args.word(2, "package id") + "/vnfd").asString());
            case "onboard" -> {
                return onboard(Path.of(args.word(2, "package file")), !args.flag("no-wait"));
            }
            case "enable", "disable" -> Output.json(api.patchJson(BASE + "/" + args.word(2, "package id"),
                    Map.of("operationalState", verb.equals("enable") ? "ENABLED" : "DISABLED")));
            case "delete" -> {
                api.delete(BASE + "/" + args.word(2, "package id"));
                System.out.println("deleted");
            }
            default -> throw new CliError("unknown vnfpkg command '" + verb + "'\n" + HELP);
        }
        return 0;
    }

    private void list(boolean json) {
        JsonNode packages = api.get(BASE);
        if (json) {
            Output.json(packages);
            return;
        }
        Table table = new Table("ID", "VNFD", "PRODUCT", "VERSION", "ONBOARDING", "OPERATIONAL", "USAGE");
        for (JsonNode p : packages) {
            table.row(text(p, "id"), text(p, "vnfdId"), text(p, "vnfProductName"), text(p, "vnfSoftwareVersion"),
                    text(p, "onboardingState"), text(p, "operationalState"), text(p, "usageState"));
        }
        table.print();
    }

    private int onboard(Path file, boolean wait) {
        if (!Files.isRegularFile(file)) throw new CliError("no such file: " + file);
        String name = file.getFileName().toString().toLowerCase();
        String contentType;
        if (name.endsWith(".zip") || name.endsWith(".csar")) contentType = "application/zip";
        else if (name.endsWith(".yaml") || name.endsWith(".yml")) contentType = "application/yaml";
        else throw new CliError(file + ": expected a CSAR (.zip, .csar) or a VNFD (.yaml, .yml)");

        long size = size(file);
        String id = text(api.postJson(BASE, Map.of()), "id");
        ProgressBar bar = new ProgressBar();
        api.put(BASE + "/" + id + "/package_content", contentType, () -> counting(file, size, bar), size);
        JsonNode pkg = wait ? waitForOnboarding(id, bar) : api.get(BASE + "/" + id);
        bar.done();
        String state = text(pkg, "onboardingState");
        System.out.println(id + "  " + state + "  " + text(pkg, "vnfdId") + "  " + text(pkg, "vnfProductName")
                + " " + text(pkg, "vnfSoftwareVersion"));
        if (state.equals("ERROR")) {
            JsonNode failure = pkg.get("onboardingFailureDetails");
            throw new CliError("onboarding failed: " + (failure == null ? "no details" : failure.toPrettyString()));
        }
        return 0;
    }

    private JsonNode waitForOnboarding(String id, ProgressBar bar) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            JsonNode pkg = api.get(BASE + "/" + id);
            String state = text(pkg, "onboardingState");
            double fraction = switch (state) {
                case "CREATED" -> 0.5;
                case "UPLOADING" -> 0.6;
                case "PROCESSING" -> 0.8;
                default -> 1.0;
            };
            bar.show(fraction, state);
            if (state.equals("ONBOARDED") || state.equals("ERROR")) return pkg;
            if (Instant.now().isAfter(deadline)) throw new CliError("package " + id + " still " + state + " after 2 minutes");
            sleep(200);
        }
    }

    /** The upload stream, drawing the first half of the bar as bytes leave. */
    private static InputStream counting(Path file, long size, ProgressBar bar) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                long sent;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        sent += n;
                        bar.show(0.5 * sent / Math.max(1, size), "uploading " + sent / 1024 + " KiB");
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CliError("cannot read " + file + ": " + e.getMessage());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "-" : value.asString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliError("interrupted");
        }
    }
}
