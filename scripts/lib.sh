# Shared by the mano scripts: Java 25, Maven options, privilege and logging helpers.
# Sourced, never run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'mano: %s\n' "$*" >&2; exit 1; }

# Root runs commands directly; anyone else goes through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

require_java25() {
  [ -x "$JAVA_HOME/bin/java" ] || die "Java 25 is needed at $JAVA_HOME (Temurin 25). Install it there and run again."
}
