package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.vnfd.VnfIdentity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A VNF package (SOL005 VnfPkgInfo) and its state machine: CREATED -> UPLOADING -> PROCESSING ->
 * ONBOARDED | ERROR, UPLOADING -> CREATED when the transfer itself fails. Every transition
 * checks the current state; {@code @Version} makes concurrent transitions of one package fail
 * instead of overwriting each other.
 */
@Entity
@Table(name = "vnf_package")
public class VnfPackage {
    @Id
    private UUID id;
    @Version
    @Column(name = "row_version")
    private long rowVersion;
    @Enumerated(EnumType.STRING)
    @Column(name = "onboarding_state")
    private OnboardingState onboardingState;
    @Enumerated(EnumType.STRING)
    @Column(name = "operational_state")
    private OperationalState operationalState;
    @Enumerated(EnumType.STRING)
    @Column(name = "usage_state")
    private UsageState usageState;
    @Column(name = "user_defined_data")
    private String userDefinedData;
    @Column(name = "vnfd_id")
    private String vnfdId;
    @Column(name = "vnf_provider")
    private String vnfProvider;
    @Column(name = "vnf_product_name")
    private String vnfProductName;
    @Column(name = "vnf_software_version")
    private String vnfSoftwareVersion;
    @Column(name = "vnfd_version")
    private String vnfdVersion;
    @Column(name = "content_sha256")
    private String contentSha256;
    @Enumerated(EnumType.STRING)
    @Column(name = "content_kind")
    private ContentKind contentKind;
    @Column(name = "content_size")
    private Long contentSize;
    @Column(name = "vnfd_path")
    private String vnfdPath;
    @Column(name = "onboarding_failure")
    private String onboardingFailure;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vnf_package_artifact", joinColumns = @JoinColumn(name = "package_id"))
    private List<PackageArtifact> artifacts = new ArrayList<>();

    protected VnfPackage() {}

    public VnfPackage(String userDefinedDataJson) {
        this.id = UUID.randomUUID();
        this.onboardingState = OnboardingState.CREATED;
        this.operationalState = OperationalState.DISABLED;
        this.usageState = UsageState.NOT_IN_USE;
        this.userDefinedData = userDefinedDataJson;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    void startUpload() {
        require(OnboardingState.CREATED, "upload content");
        onboardingState = OnboardingState.UPLOADING;
        touch();
    }

    void uploadAborted() {
        require(OnboardingState.UPLOADING, "abort the upload");
        onboardingState = OnboardingState.CREATED;
        touch();
    }

    void startProcessing() {
        require(OnboardingState.UPLOADING, "process content");
        onboardingState = OnboardingState.PROCESSING;
        touch();
    }

    void onboarded(VnfIdentity vnf, String sha256, ContentKind kind, long size, String vnfdPath,
                   List<PackageArtifact> files) {
        require(OnboardingState.PROCESSING, "finish onboarding");
        this.vnfdId = vnf.descriptorId();
        this.vnfProvider = vnf.provider();
        this.vnfProductName = vnf.productName();
        this.vnfSoftwareVersion = vnf.softwareVersion();
        this.vnfdVersion = vnf.descriptorVersion();
        this.contentSha256 = sha256;
        this.contentKind = kind;
        this.contentSize = size;
        this.vnfdPath = vnfdPath;
        this.artifacts.clear();
        this.artifacts.addAll(files);
        this.onboardingState = OnboardingState.ONBOARDED;
        this.operationalState = OperationalState.ENABLED;
        touch();
    }

    void failed(String problemJson) {
        require(OnboardingState.PROCESSING, "record a failure");
        onboardingState = OnboardingState.ERROR;
        onboardingFailure = problemJson;
        touch();
    }

    void changeOperationalState(OperationalState target) {
        require(OnboardingState.ONBOARDED, "change the operational state");
        if (operationalState == target) {
            throw ApiProblem.conflict("package-state-conflict", "package " + id + " is already " + target);
        }
        operationalState = target;
        touch();
    }

    /** Why {@code target} cannot be set (the update itself is one SQL statement: see VnfPackageService.changeUsage). */
    void checkUsage(UsageState target) {
        if (target == UsageState.IN_USE && usageState != UsageState.IN_USE && (onboardingState != OnboardingState.ONBOARDED
                || operationalState != OperationalState.ENABLED)) {
            throw ApiProblem.conflict("package-state-conflict", "package " + id + " is not ONBOARDED and ENABLED");
        }
    }

    void changeUserDefinedData(String json) {
        userDefinedData = json;
        touch();
    }

    /** SOL005: only a DISABLED, NOT_IN_USE package may be deleted; never one being uploaded. */
    void checkDeletable() {
        if (onboardingState == OnboardingState.UPLOADING || onboardingState == OnboardingState.PROCESSING) {
            throw ApiProblem.conflict("package-state-conflict", "package " + id + " is " + onboardingState);
        }
        if (operationalState != OperationalState.DISABLED || usageState != UsageState.NOT_IN_USE) {
            throw ApiProblem.conflict("package-state-conflict", "package " + id + " is " + operationalState
                    + " and " + usageState + "; only a DISABLED, NOT_IN_USE package can be deleted");
        }
    }

    private void require(OnboardingState expected, String action) {
        if (onboardingState != expected) {
            throw ApiProblem.conflict("package-state-conflict", "cannot " + action + " of package " + id
                    + ": onboardingState is " + onboardingState + ", expected " + expected)
                    .with("onboardingState", onboardingState.name());
        }
    }

    private void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public UUID id() { return id; }
    public OnboardingState onboardingState() { return onboardingState; }
    public OperationalState operationalState() { return operationalState; }
    public UsageState usageState() { return usageState; }
    public String userDefinedData() { return userDefinedData; }
    public Optional<String> vnfdId() { return Optional.ofNullable(vnfdId); }
    public String vnfProvider() { return vnfProvider; }
    public String vnfProductName() { return vnfProductName; }
    public String vnfSoftwareVersion() { return vnfSoftwareVersion; }
    public String vnfdVersion() { return vnfdVersion; }
    public Optional<String> contentSha256() { return Optional.ofNullable(contentSha256); }
    public ContentKind contentKind() { return contentKind; }
    public Long contentSize() { return contentSize; }
    public String vnfdPath() { return vnfdPath; }
    public Optional<String> onboardingFailure() { return Optional.ofNullable(onboardingFailure); }
    public List<PackageArtifact> artifacts() { return List.copyOf(artifacts); }
}
