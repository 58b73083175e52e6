#!/usr/bin/env bash
# Regenerates the golden protobuf vectors in this directory with protoc, an
# encoder independent of the Rust code. Run from the repository root:
#
#   bash testdata/convert/golden/make.sh
#
# Needs protoc plus the well-known-type .proto files under /usr/include
# (Debian/Ubuntu: apt-get install -y protobuf-compiler). The committed files
# were made with libprotoc 3.21.12 (Debian bookworm 3.21.12-3+deb12u1).
set -euo pipefail

GOLDEN=testdata/convert/golden
WKT_INCLUDE=${WKT_INCLUDE:-/usr/include}
EXPECTED_PROTOC="libprotoc 3.21.12"

if [ ! -d schemas/proto ] || [ ! -d "$GOLDEN" ]; then
  echo "make.sh: run from the repository root" >&2
  exit 1
fi

actual=$(protoc --version)
if [ "$actual" != "$EXPECTED_PROTOC" ]; then
  echo "make.sh: warning: using $actual, the committed vectors came from $EXPECTED_PROTOC" >&2
fi

PROTOS=(
  schemas/proto/opensergo/proto/common/v1/common.proto
  schemas/proto/opensergo/proto/fault_tolerance/v1/fault_tolerance.proto
  schemas/proto/opensergo/proto/transport/v1/transport.proto
  schemas/proto/opensergo/traffic/v1alpha1/traffic_router.proto
)

# vector name -> full message name
VECTORS=(
  "rate_limit_strategy        io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy"
  "throttling_strategy        io.opensergo.proto.fault_tolerance.v1.ThrottlingStrategy"
  "concurrency_limit_strategy io.opensergo.proto.fault_tolerance.v1.ConcurrencyLimitStrategy"
  "circuit_breaker_strategy   io.opensergo.proto.fault_tolerance.v1.CircuitBreakerStrategy"
  "fault_tolerance_rule       io.opensergo.proto.fault_tolerance.v1.FaultToleranceRule"
  "traffic_router             opensergo.traffic.v1alpha1.TrafficRouterSpec"
  "subscribe_response         io.opensergo.proto.transport.v1.SubscribeResponse"
)

for entry in "${VECTORS[@]}"; do
  read -r name msg <<<"$entry"
  protoc --encode="$msg" -I schemas/proto -I "$WKT_INCLUDE" "${PROTOS[@]}" \
    < "$GOLDEN/$name.txtpb" > "$GOLDEN/$name.binpb"
  protoc --decode="$msg" -I schemas/proto -I "$WKT_INCLUDE" "${PROTOS[@]}" \
    < "$GOLDEN/$name.binpb" > "$GOLDEN/$name.decoded.txt"
  echo "$name: $(wc -c < "$GOLDEN/$name.binpb") bytes ($msg)"
done

# Cross-check: the Any in subscribe_response must carry exactly the bytes of
# rate_limit_strategy.binpb. Re-encode the same response with the Any written
# unexpanded (type_url + value as octal escapes) and compare.
value=$(od -An -v -to1 "$GOLDEN/rate_limit_strategy.binpb" | tr -s ' \n' ' ' | sed -e 's/^ //' -e 's/ $//' -e 's/ /\\/g' -e 's/^/\\/')
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat > "$tmp" <<TXT
namespace: "default"
app: "foo-app"
kind: "fault-tolerance.opensergo.io/v1alpha1/RateLimitStrategy"
dataWithVersion {
  data {
    type_url: "type.googleapis.com/io.opensergo.proto.fault_tolerance.v1.RateLimitStrategy"
    value: "$value"
  }
  version: 1
}
TXT
protoc --encode=io.opensergo.proto.transport.v1.SubscribeResponse -I schemas/proto -I "$WKT_INCLUDE" "${PROTOS[@]}" \
  < "$tmp" | cmp -s - "$GOLDEN/subscribe_response.binpb" \
  || { echo "make.sh: subscribe_response Any value differs from rate_limit_strategy.binpb" >&2; exit 1; }
echo "subscribe_response: Any value == rate_limit_strategy.binpb (ok)"
