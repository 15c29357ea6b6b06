# METADATA
# title: Text helpers
# description: |
#   Numbers as people read them in reasons and messages: digits grouped by thousands
#   (10,000,000 and KRW 1,800,000,000,000), so an auditor can compare a metric with its floor
#   at a glance.
package resilcheck.lib.text

# group(n) renders an integer with thousands separators; any other number as %v.
group(n) := concat("", [sign, concat(",", chunks)]) if {
	is_number(n)
	n == floor(n)
	sign := {true: "-", false: ""}[n < 0]
	digits := format_int(abs(n), 10)
	len := count(digits)
	head := len % 3
	first := [substring(digits, 0, head) | head > 0]
	rest := [substring(digits, i, 3) | len > head; some i in numbers.range_step(head, len - 1, 3)]
	chunks := array.concat(first, rest)
} else := sprintf("%v", [n])
