#!/usr/bin/env bash
# Installs the third-party tools the integration tests use, from Debian's packages, when they are missing:
#   python3-rdflib  — an RDF client nobody here wrote, dereferencing our URIs and parsing every format;
#   chromium        — a real browser, for the screenshot test of the HTML pages.
# Run by Maven before the integration tests (pre-integration-test); safe to run by hand.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1 || need+=(python3-rdflib)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "install-test-tools: installing ${need[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: ${need[*]} missing and cannot be installed here (needs root and apt-get);" \
       "install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q "${need[@]}" >/dev/null
/usr/bin/python3 -c 'import rdflib'
command -v chromium >/dev/null
