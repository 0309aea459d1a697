#!/usr/bin/env bash
# The study's numbers as Markdown tables, from the files run.sh leaves in the current directory.
set -euo pipefail
table() { # TSV with a header line on stdin -> Markdown table
  awk -F'\t' 'NR == 1 { h = "|"; s = "|"; for (i = 1; i <= NF; i++) { h = h " " $i " |"; s = s " --- |" }; print h; print s; next }
              { r = "|"; for (i = 1; i <= NF; i++) r = r " " $i " |"; print r }'
}
echo "# CNN topology study: numbers"
echo
echo "## Accuracy of the networks"
echo
{ printf 'model\ttrain_acc\ttest_acc\n'; cat accuracy.tsv; } | table
awk -F'\t' '{ tr += $2; te += $3; n++ } END { printf "\nMean train accuracy %.4f, mean test accuracy %.4f over %d networks.\n", tr/n, te/n, n }' accuracy.tsv
echo
echo "## Mean Euclidean norm of the points per layer (the scale removed for the unit-scale analysis)"
echo
{ printf 'layer\tmean norm\n'
  jq -r '[.meta.layer, .meta.scale] | @tsv' diagrams-unit.jsonl |
    awk -F'\t' '{ if (!($1 in n)) order[++k] = $1; s[$1] += $2; n[$1]++ } END { for (j = 1; j <= k; j++) printf "%s\t%.3f\n", order[j], s[order[j]] / n[order[j]] }'; } | table
for scale in "" -unit; do
  echo
  echo "## Persistence per layer${scale:+ (clouds scaled to unit mean norm)}, mean over the networks"
  echo
  { printf 'layer\tH0 mean death\tH1 bars\tH1 mean lifetime\tH1 max lifetime (top-1)\tH1 entropy\n'
    jq -r '([.names, .values] | transpose | map({(.[0]): .[1]}) | add) as $v
             | [.id, ($v["stats.H0.mean_death"]), $v["stats.H1.count"], $v["stats.H1.mean_lifetime"], $v["stats.H1.top1_lifetime"], $v["stats.H1.entropy"]]
             | map(if type == "number" then (. * 1000 | round / 1000) else . end) | @tsv' "stats-by-layer$scale.jsonl"; } | table
done
echo
echo "## Depth against seed in the diagram distances"
echo
table < depth-vs-seed.tsv
for f in blocks-*.tsv; do
  echo
  name=${f#blocks-}
  echo "### Mean distance between depths: ${name%.tsv}"
  echo
  table < "$f"
done
echo
echo "### Diagrams whose nearest other diagram has another depth"
echo
{ printf 'distance\tlayer -> nearest layer\tcount\n'
  for f in sliced-H*-*.jsonl bottleneck-H1-unit.jsonl; do
    jq -r '.names as $n | .matrix | to_entries[] | .key as $i | .value | to_entries | map(select(.key != $i))
           | min_by(.value) | [$n[$i], $n[.key]] | map(split("/")[1]) | select(.[0] != .[1]) | join(" -> ")' "$f" |
      sort | uniq -c | awk -v f="${f%.jsonl}" '{ printf "%s\t%s %s %s\t%s\n", f, $2, $3, $4, $1 }'
  done; } | table
# purity-table FILE: mean and standard deviation over the networks of each column, per layer.
purity_table() {
  { printf 'layer\tnodes\tweighted purity\tpure share (>= 0.9)\tclasses separated\tcomponents\tchance purity\n'
    awk -F'\t' 'NR > 1 { if (!($2 in n)) order[++k] = $2; n[$2]++; for (i = 3; i <= 8; i++) { s[$2, i] += $i; q[$2, i] += $i * $i } }
      END { for (j = 1; j <= k; j++) { l = order[j]; printf "%s", l
              for (i = 3; i <= 8; i++) { m = s[l, i] / n[l]; v = q[l, i] / n[l] - m * m; printf "\t%.3f ± %.3f", m, sqrt(v > 0 ? v : 0) }
              printf "\n" } }' "$1"; } | table
}
echo
echo "## Class organisation of the Mapper graphs (L2-norm lens), mean ± sd over the networks"
echo
purity_table purity.tsv
echo
echo "## The same with a PCA (2 components) lens"
echo
purity_table purity-pca.tsv
if [ -s purity-full.tsv ]; then
  echo
  echo "## The same on the full flattened activations (L2-norm lens)"
  echo
  purity_table purity-full.tsv
fi
echo
echo "## Timings (seconds, wall clock)"
echo
{ printf 'step\tseconds\n'; cat timings.tsv; } | table
