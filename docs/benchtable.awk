# Turns `go test -bench` output into the table of docs/BENCHMARKS.md: each
# BenchmarkX/backtrack beside BenchmarkX/baseline, the ratio and the goal.
# Usage: awk -f docs/benchtable.awk bench.txt

function goal(name) {
	if (name ~ /Report/) return 2.0
	if (name ~ /Startup/) return 1.3
	if (name ~ /^(SearchKeystroke|LongHistory|PainTrend|SaveSession|Open)$/) return 1.5
	return 0
}

function human(ns) {
	if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
	return sprintf("%d ns", ns)
}

/^Benchmark[^ ]+\/(backtrack|baseline)(-[0-9]+)?[ \t]/ {
	split($1, parts, "/")
	name = substr(parts[1], 10)
	side = parts[2]
	sub(/-[0-9]+$/, "", side)
	if (!(name in seen)) { seen[name] = 1; order[++n] = name }
	for (i = 3; i < NF; i++) {
		if ($(i + 1) == "ns/op") ns[name, side] = $i
		if ($(i + 1) == "rss-MB") rss[name, side] = $i
	}
}

END {
	printf "| %-28s | %12s | %12s | %6s | %5s | %s |\n", "figure", "Backtrack", "baseline", "ratio", "goal", "met"
	printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------", "--------------", "--------------", "--------", "-------", "-----"
	for (k = 1; k <= n; k++) {
		name = order[k]
		row(name, human(ns[name, "backtrack"]), human(ns[name, "baseline"]), ns[name, "backtrack"], ns[name, "baseline"], goal(name))
		if ((name, "backtrack") in rss)
			row(name " memory", sprintf("%.0f MB", rss[name, "backtrack"]), sprintf("%.0f MB", rss[name, "baseline"]),
				rss[name, "backtrack"], rss[name, "baseline"], goal(name))
	}
}

function row(label, ours, base, a, b, g,    ratio, met) {
	if (b == 0) { printf "| %-28s | %12s | %12s | %6s | %5s |     |\n", label, ours, "-", "-", "-"; return }
	ratio = a / b
	met = (g == 0) ? "" : (ratio <= g ? "yes" : "NO")
	printf "| %-28s | %12s | %12s | %5.2fx | %5s | %-3s |\n", label, ours, base, ratio, (g == 0 ? "-" : sprintf("%.1fx", g)), met
}
