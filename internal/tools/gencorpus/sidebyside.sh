#!/usr/bin/env bash
# sidebyside.sh: time resilcheck, conftest and `opa eval` on the same generated manifests with
# the same Rego bundle (policies/), so anyone can reproduce the README's Performance figures.
#
# For each population size it generates the population once (gencorpus, seed 1), then times
#   resilcheck-json   resilcheck check --as-of DATE -f json  --fail-on none DIR
#   resilcheck-sarif  resilcheck check --as-of DATE -f sarif --fail-on none DIR
#   conftest          conftest test --policy policies --namespace resilcheck.main
#                       --data run.json --no-fail -o json DIR        (as README's
#                       "Using the policies with OPA and conftest" runs it, on a directory)
#   opa-eval          opa eval -d policies -d run.json -d CORPUS
#                       '{file: count(deny) | ... with input as manifest}'
# with hyperfine when it is installed (mean of --runs, plus one /usr/bin/time -v run for the
# peak RSS) and otherwise with /usr/bin/time -v (median wall time and largest peak RSS of
# --runs runs, the tools interleaved run by run so a change of machine load hits them alike).
# It prints wall time, CPU time (user + system), peak RSS, each tool's ratios to
# resilcheck-json, the growth from one size to the next, `uptime` before and after each size,
# and whether the three tools find the same number of violations in every file. On a shared
# machine CPU time moves less with the load than wall time does; the ratios that matter for
# the targets are the wall-time ones, measured when the load is low.
#
# `opa eval` has no batch mode over many inputs: the script mounts every manifest as data
# (CORPUS/corpus/<file>/data.yaml, a symbolic link to the generated file) and evaluates
# resilcheck.main.deny once per manifest with `with input as` in one process. That is the
# cheapest way to run opa on a population; one process per file (README's `-i manifest.json`)
# costs the bundle's parse and compile once per file on top.
#
# Usage (from anywhere in the repository):
#   internal/tools/gencorpus/sidebyside.sh                     # 100 and 1,000 files
#   internal/tools/gencorpus/sidebyside.sh --with-10000        # and 10,000 (conftest: ~30 min)
#   internal/tools/gencorpus/sidebyside.sh --sizes "100" --runs 5 --skip conftest
# Options:
#   --sizes "N ..."   population sizes (default "100 1000")
#   --with-10000      add 10,000 to the sizes
#   --runs N          runs per tool and size (default 3 up to 100 files, 1 above)
#   --skip LIST       comma-separated tools to leave out: resilcheck-sarif, conftest, opa-eval
#   --as-of DATE      audit date (default 2026-11-22)
#   --seed S          population seed (default 1)
#   --rev REV         build resilcheck and take policies/ from commit REV (git archive into
#                     the work directory) instead of the working tree, which others may be
#                     editing; gencorpus always comes from the working tree
#   --work DIR        where populations, binaries and outputs go
#                     (default ${TMPDIR:-/tmp}/resilcheck-sidebyside; populations are reused)
# Needs: go; conftest and opa on PATH (else those tools are skipped, with a note); jq for the
# agreement check and for hyperfine's figures.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
sizes="100 1000"
runs=""
skip=""
as_of="2026-11-22"
seed=1
work="${TMPDIR:-/tmp}/resilcheck-sidebyside"
rev=""

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --with-10000) sizes="$sizes 10000"; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --skip) skip="$2"; shift 2 ;;
    --as-of) as_of="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --rev) rev="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "sidebyside.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

export PATH="$(go env GOPATH)/bin:$PATH"
mkdir -p "$work"
log() { printf '%s\n' "$*" >&2; }

skipped() { case ",$skip," in *",$1,"*) return 0 ;; esac; return 1; }
tools="resilcheck-json"
skipped resilcheck-sarif || tools="$tools resilcheck-sarif"
if ! skipped conftest; then
  if command -v conftest >/dev/null; then tools="$tools conftest"; else log "note: conftest not on PATH: skipped"; fi
fi
if ! skipped opa-eval; then
  if command -v opa >/dev/null; then tools="$tools opa-eval"; else log "note: opa not on PATH: skipped"; fi
fi
have_jq=false; command -v jq >/dev/null && have_jq=true
use_hyperfine=false; command -v hyperfine >/dev/null && $have_jq && use_hyperfine=true

log "building resilcheck and gencorpus"
(cd "$repo" && go build -o "$work/gencorpus" ./internal/tools/gencorpus)
src="$repo"
if [ -n "$rev" ]; then
  src="$work/src-$(git -C "$repo" rev-parse --short "$rev")"
  rm -rf "$src" && mkdir -p "$src"
  git -C "$repo" archive "$rev" | tar -x -C "$src"
fi
(cd "$src" && go build -o "$work/resilcheck" ./cmd/resilcheck)
rc="$work/resilcheck"
policies="$src/policies"
echo "{\"resilcheck\": {\"run\": {\"as_of\": \"$as_of\"}}}" > "$work/run.json"

if [ -n "$rev" ]; then built="commit $(git -C "$repo" rev-parse --short "$rev")"
else built="working tree at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD -- 2>/dev/null || echo ' with uncommitted changes')"; fi
echo "# resilcheck side by side: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $built"
echo "# $("$rc" version 2>/dev/null | head -1)"
# `go install` builds report version "dev": the module version is in the binary's build info.
command -v conftest >/dev/null && echo "# conftest $(go version -m "$(command -v conftest)" 2>/dev/null | awk '$1 == "mod" { print $3 }') ($(conftest --version 2>/dev/null | tr '\n' ' '))"
command -v opa >/dev/null && echo "# opa $(opa version 2>/dev/null | sed -n 's/^Version: //p')"
if $use_hyperfine; then echo "# timer: hyperfine (mean), peak RSS from one /usr/bin/time -v run"; else echo "# timer: /usr/bin/time -v (median wall, largest peak RSS)"; fi

# command_for TOOL N prints the shell command that runs TOOL on the population of N files.
command_for() {
  local dir="$work/pop-$2" out="$work/out-$2"
  case "$1" in
    resilcheck-json) echo "'$rc' check --as-of $as_of -f json --fail-on none '$dir' > '$out.resilcheck.json'" ;;
    resilcheck-sarif) echo "'$rc' check --as-of $as_of -f sarif --fail-on none '$dir' > '$out.resilcheck.sarif'" ;;
    conftest) echo "conftest test --policy '$policies' --namespace resilcheck.main --data '$work/run.json' --no-fail --no-color -o json '$dir' > '$out.conftest.json'" ;;
    opa-eval) echo "opa eval -f json -d '$policies' -d '$work/run.json' -d '$work/opa-$2' '{k: count(d) | some k, m in data.corpus; d := data.resilcheck.main.deny with input as m}' > '$out.opa.json'" ;;
  esac
}

# time_v CMD prints "WALL_SECONDS PEAK_KB CPU_SECONDS" for one run of CMD under
# /usr/bin/time -v (CPU: user plus system time of the command and its children).
time_v() {
  local tlog
  tlog=$(mktemp)
  /usr/bin/time -v -o "$tlog" bash -c "$1" || true
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /Maximum resident set size/ { rss = $2 }
    /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
    END { printf "%.2f %d %.2f\n", wall, rss, cpu }' "$tlog"
  rm -f "$tlog"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A wall rss
prev_size=""
for n in $sizes; do
  dir="$work/pop-$n"
  if [ ! -f "$dir/.complete-seed-$seed" ]; then
    log "generating $n files into $dir"
    rm -rf "$dir"
    "$work/gencorpus" --files "$n" --out "$dir" --seed "$seed" --stats
    touch "$dir/.complete-seed-$seed"
  fi
  if [[ " $tools " == *" opa-eval "* && ! -f "$work/opa-$n/.complete" ]]; then
    log "linking $n files into $work/opa-$n/corpus for opa eval"
    rm -rf "$work/opa-$n" && mkdir -p "$work/opa-$n/corpus"
    (cd "$work/opa-$n/corpus" && for f in "$dir"/*.yaml; do b=${f##*/}; echo "${b%.yaml}"; done | xargs mkdir)
    for f in "$dir"/*.yaml; do b=${f##*/}; ln -s "$f" "$work/opa-$n/corpus/${b%.yaml}/data.yaml"; done
    touch "$work/opa-$n/.complete"
  fi
  r=$runs
  [ -n "$r" ] || { [ "$n" -le 100 ] && r=3 || r=1; }

  echo
  echo "## $n files ($(du -sh "$dir" | cut -f1)), $r run(s) each, audit date $as_of"
  echo "load before: $(uptime)"
  declare -A walls=() peaks=() cpus=()
  if $use_hyperfine; then
    for t in $tools; do
      cmd=$(command_for "$t" "$n")
      log "hyperfine $t ($n files)"
      hyperfine --runs "$r" --ignore-failure --export-json "$work/hf-$t-$n.json" --command-name "$t" "$cmd" >&2
      walls[$t]=$(jq -r '.results[0].mean | . * 100 | round / 100' "$work/hf-$t-$n.json")
      cpus[$t]=$(jq -r '.results[0] | .user + .system | . * 100 | round / 100' "$work/hf-$t-$n.json")
      peaks[$t]=$(time_v "$cmd" | cut -d' ' -f2)
    done
  else
    for i in $(seq "$r"); do
      for t in $tools; do
        log "run $i/$r: $t ($n files)"
        read -r w k c < <(time_v "$(command_for "$t" "$n")")
        walls[$t]="${walls[$t]:-} $w"
        cpus[$t]="${cpus[$t]:-} $c"
        [ "$k" -gt "${peaks[$t]:-0}" ] && peaks[$t]=$k
      done
    done
    for t in $tools; do
      walls[$t]=$(echo "${walls[$t]}" | tr ' ' '\n' | sed '/^$/d' | median)
      cpus[$t]=$(echo "${cpus[$t]}" | tr ' ' '\n' | sed '/^$/d' | median)
    done
  fi
  echo "load after:  $(uptime)"
  base=${walls[resilcheck-json]}; cbase=${cpus[resilcheck-json]}
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
  printf '%-18s %9s %9s %12s %13s %12s\n' tool "wall (s)" "cpu (s)" "peak RSS" "wall vs json" "cpu vs json"
  for t in $tools; do
    w=${walls[$t]}; k=${peaks[$t]}; c=${cpus[$t]}
    printf '%-18s %9s %9s %8s MiB %13s %12s\n' "$t" "$w" "$c" "$((k / 1024))" "$(ratio "$w" "$base")" "$(ratio "$c" "$cbase")"
    wall[$t,$n]=$w; rss[$t,$n]=$k
  done
  if [ -n "$prev_size" ]; then
    for t in $tools; do
      awk -v t="$t" -v a="${wall[$t,$prev_size]}" -v b="${wall[$t,$n]}" -v p="$prev_size" -v n="$n" \
        'BEGIN { printf "growth %-18s %s -> %s files: %.1fx the time for %.0fx the files\n", t, p, n, b / a, n / p }'
    done
  fi
  prev_size=$n

  # Agreement: violations per file as each tool counts them (files with none left out).
  if $have_jq; then
    out="$work/out-$n"
    jq -r '(.manifests | map({(.name): (.file | split("/") | last | sub("\\.(yaml|json)$"; ""))}) | add) as $f
      | [.results[] | select(.status == "fail") | {k: $f[.manifest], n: (.violations | length)}]
      | group_by(.k)[] | "\(.[0].k)\t\(map(.n) | add)"' "$out.resilcheck.json" | sort > "$out.rc.tsv"
    agree="agreement: resilcheck finds $(wc -l < "$out.rc.tsv") of $n files failing, $(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$out.rc.tsv") violations"
    if [[ " $tools " == *" conftest "* ]]; then
      jq -r '.[] | "\(.filename | split("/") | last | sub("\\.(yaml|json)$"; ""))\t\(.failures // [] | length)"' "$out.conftest.json" |
        awk -F'\t' '$2 > 0' | sort > "$out.conftest.tsv"
      if cmp -s "$out.rc.tsv" "$out.conftest.tsv"; then agree="$agree; conftest agrees on every file"
      else agree="$agree; conftest DIFFERS on $(comm -3 "$out.rc.tsv" "$out.conftest.tsv" | cut -f1,2 | sort -u -k1,1 | wc -l) lines (see $out.*.tsv)"; fi
    fi
    if [[ " $tools " == *" opa-eval "* ]]; then
      jq -r '.result[0].expressions[0].value | to_entries[] | select(.value > 0) | "\(.key)\t\(.value)"' "$out.opa.json" | sort > "$out.opa.tsv"
      if cmp -s "$out.rc.tsv" "$out.opa.tsv"; then agree="$agree; opa eval agrees on every file"
      else agree="$agree; opa eval DIFFERS (see $out.*.tsv)"; fi
    fi
    echo "$agree"
  fi
done
