# Turns `go test -bench` output into the table of docs/BENCHMARKS.md: each
# BenchmarkX/backtrack beside BenchmarkX/baseline (or BenchmarkX/case/…,
# figure "X/case"), the ratio and the goal.
# Usage: awk -f docs/benchtable.awk bench.txt

function goal(name) {
	if (name == "Startup/report") return 1.5
	if (name ~ /Report|^VerifyRecord$/) return 2.0
	if (name ~ /Startup/) return 1.3
	if (name ~ /^(SearchKeystroke|LongHistory|PainTrend|SaveSession|Open|DeskSearchKeystroke)$/) return 1.5
	return 0
}

function human(ns) {
	if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
	return sprintf("%d ns", ns)
}

/^Benchmark[^ ]+\/(backtrack|baseline)(-[0-9]+)?[ \t]/ {
	np = split($1, parts, "/")
	name = substr(parts[1], 10)
	for (i = 2; i < np; i++) name = name "/" parts[i]
	side = parts[np]
	sub(/-[0-9]+$/, "", side)
	if (!(name in seen)) { seen[name] = 1; order[++n] = name }
	for (i = 3; i < NF; i++) {
		if ($(i + 1) == "ns/op") add(name SUBSEP side SUBSEP "ns", $i)
		if ($(i + 1) == "rss-MB") add(name SUBSEP side SUBSEP "rss", $i)
	}
}

# With -count N each side of a figure is measured N times; the table keeps
# the median, which a busy moment on the machine moves least.
function add(key, v) { runs[key] = (key in runs) ? runs[key] " " v : v }

function median(key,    vals, n, i, j, t) {
	if (!(key in runs)) return 0
	n = split(runs[key], vals, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && vals[j - 1] + 0 > vals[j] + 0; j--) { t = vals[j]; vals[j] = vals[j - 1]; vals[j - 1] = t }
	return (n % 2) ? vals[(n + 1) / 2] : (vals[n / 2] + vals[n / 2 + 1]) / 2
}

END {
	printf "| %-28s | %12s | %12s | %6s | %5s | %s |\n", "figure", "Backtrack", "baseline", "ratio", "goal", "met"
	printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------", "--------------", "--------------", "--------", "-------", "-----"
	for (k = 1; k <= n; k++) {
		name = order[k]
		a = median(name SUBSEP "backtrack" SUBSEP "ns"); b = median(name SUBSEP "baseline" SUBSEP "ns")
		if (a > 0 || b > 0) # a memory-only figure reports no time
			row(name, human(a), human(b), a, b, goal(name))
		if ((name SUBSEP "backtrack" SUBSEP "rss") in runs) {
			a = median(name SUBSEP "backtrack" SUBSEP "rss"); b = median(name SUBSEP "baseline" SUBSEP "rss")
			row(name " memory", sprintf("%.0f MB", a), sprintf("%.0f MB", b), a, b, goal(name))
		}
	}
}

function row(label, ours, base, a, b, g,    ratio, met) {
	if (b == 0) { printf "| %-28s | %12s | %12s | %6s | %5s |     |\n", label, ours, "-", "-", "-"; return }
	ratio = a / b
	met = (g == 0) ? "" : (ratio <= g ? "yes" : "NO")
	printf "| %-28s | %12s | %12s | %5.2fx | %5s | %-3s |\n", label, ours, base, ratio, (g == 0 ? "-" : sprintf("%.1fx", g)), met
}
