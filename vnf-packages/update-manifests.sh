#!/bin/sh
# Rewrites each bundled package's manifest (<name>/<name>.mf, SOL004) with the SHA-256 of every
# file in the package. Run it after editing a package: onboarding refuses a hash mismatch.
set -eu
cd "$(dirname "$0")"
for dir in */; do
    name=${dir%/}
    [ -f "$name/TOSCA-Metadata/TOSCA.meta" ] || continue
    mf="$name/$name.mf"
    {
        printf 'metadata:\n'
        printf 'vnf_provider_id: mano.dev\n'
        printf 'vnf_product_name: %s\n' "$name"
        printf 'vnf_release_date_time: 2026-11-26T00:00:00+00:00\n'
        printf 'vnf_package_version: 0.1.0\n'
        printf 'compatible_specification_versions: 4.3.1\n'
        (cd "$name" && find . -type f ! -name "$name.mf" | sed 's|^\./||' | LC_ALL=C sort) | while read -r f; do
            printf '\nSource: %s\nAlgorithm: SHA-256\nHash: %s\n' "$f" "$(sha256sum "$name/$f" | cut -d' ' -f1)"
        done
    } > "$mf"
done
