#!/usr/bin/env bash
# Coverage-guided fuzzing of the EM datagram decoder and the communicator's receive path
# (SharpFuzz + AFL++). Usage: fuzz/run-fuzz.sh [seconds]   (default 300)
# Environment: EMPROTO_VECTORS  folder of *.tsv vectors (default: tests/vectors of this
#                               repository, the copy the protocol tests read)
#              FUZZ_OUT         working folder (default fuzz/out; inputs, findings, instrumented build)
# Exit code: 0 when the campaign found no crash and no hang, 1 otherwise, 2 on a setup problem.
set -euo pipefail

seconds="${1:-300}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 10 ]; then
    echo "usage: $0 [seconds >= 10]" >&2; exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="${FUZZ_OUT:-$here/out}"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }
command -v xxd >/dev/null || { echo "xxd not found (package xxd or vim-common)" >&2; exit 2; }

# --- seed vectors: the repository's own copy (tests/vectors), nothing outside the repository
vectors="${EMPROTO_VECTORS:-$repo/tests/vectors}"
[ -d "$vectors" ] || { echo "vectors folder $vectors not found (set EMPROTO_VECTORS)" >&2; exit 2; }

rm -rf "$out/seeds" "$out/findings"
mkdir -p "$out/seeds"
n=0
prev=""
# Every hex column that starts with the 0601 header is a datagram; also seed pairs back to back.
while IFS= read -r hex; do
    n=$((n + 1))
    printf '%s' "$hex" | xxd -r -p > "$out/seeds/v$(printf '%03d' $n).bin"
    if [ -n "$prev" ]; then printf '%s%s' "$prev" "$hex" | xxd -r -p > "$out/seeds/p$(printf '%03d' $n).bin"; fi
    prev="$hex"
done < <(grep -hv '^#' "$vectors"/*.tsv | tr '\t' '\n' | grep -E '^0601([0-9a-fA-F]{2})+$')
[ "$n" -gt 0 ] || { echo "no datagrams found in $vectors/*.tsv" >&2; exit 2; }
echo "== $n seed datagrams from $vectors"

# --- build and instrument (only the code under test: EmProto.Protocol and EmProto.Engine)
echo "== build"
rm -rf "$out/bin"
dotnet publish "$here/EmProto.Fuzz/EmProto.Fuzz.csproj" -c Release -o "$out/bin" -nologo -v:quiet
# The seeds must pass the target before fuzzing (a crashing seed is a finding too). Replay needs the
# uninstrumented build: instrumented code only runs inside the fuzzer loop.
dotnet "$out/bin/EmProto.Fuzz.dll" --replay "$out/seeds"
(cd "$here" && dotnet tool restore >/dev/null)
for asm in EmProto.Protocol.dll EmProto.Engine.dll; do
    (cd "$here" && dotnet sharpfuzz "$out/bin/$asm")
done

echo "== afl-fuzz for $seconds s"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export DOTNET_TieredPGO=0 DOTNET_CLI_TELEMETRY_OPTOUT=1
afl-fuzz -V "$seconds" -t 10000 -m none -x "$here/emproto.dict" -i "$out/seeds" -o "$out/findings" \
    -- dotnet "$out/bin/EmProto.Fuzz.dll" > "$out/afl.log" 2>&1 || { tail -40 "$out/afl.log" >&2; exit 2; }

stats="$out/findings/default/fuzzer_stats"
[ -f "$stats" ] || { tail -40 "$out/afl.log" >&2; exit 2; }
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "== results ($stats)"
echo "run time        $(get run_time) s"
echo "executions      $(get execs_done)"
echo "exec/s          $(get execs_per_sec)"
echo "corpus          $(get corpus_count) inputs"
echo "edges found     $(get edges_found) of $(get total_edges) (bitmap $(get bitmap_cvg))"
echo "stability       $(get stability)"
echo "crashes         $(get saved_crashes)"
echo "hangs           $(get saved_hangs)"
if [ "$(get saved_crashes)" != "0" ] || [ "$(get saved_hangs)" != "0" ]; then
    echo "Findings in $out/findings/default/crashes and .../hangs; reproduce with:"
    echo "  dotnet publish $here/EmProto.Fuzz -c Release -o /tmp/emproto-fuzz && dotnet /tmp/emproto-fuzz/EmProto.Fuzz.dll --replay <file>"
    exit 1
fi
