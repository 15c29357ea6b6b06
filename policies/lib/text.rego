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

# josa(word, p) is word followed by the Korean particle p (either form: "이" or "가", "은" or
# "는", "을" or "를", "과" or "와", "으로" or "로") in the form its last sound takes, so a
# message never falls back to "이(가)". The renderers choose particles the same way
# (reports/words.go finalSound); a test in each holds them to the same cases.
josa(word, p) := concat("", [word, "로"]) if {
	p in {"으로", "로"}
	final(word) == "rieul"
} else := concat("", [word, forms[p][0]]) if {
	final(word) != "vowel"
} else := concat("", [word, forms[p][1]])

forms := {
	"이": ["이", "가"], "가": ["이", "가"],
	"은": ["은", "는"], "는": ["은", "는"],
	"을": ["을", "를"], "를": ["을", "를"],
	"과": ["과", "와"], "와": ["과", "와"],
	"으로": ["으로", "로"], "로": ["으로", "로"],
}

# final(word) is how word, read aloud in Korean, ends: "vowel", "consonant" or "rieul" (ㄹ,
# which takes 로 where other consonants take 으로). It reads the last Hangul syllable, digit
# or Latin letter: Latin ids end in a consonant after …l, …m, …n, …ng, …k, …p, …t, …c; a lone
# letter is read by its name (엘, 엠, 엔, 알 end in one).
final(word) := ends(last, prev) if {
	w := trim_right(spoken(word), ")]}>'\".,;: ")
	n := count(w)
	n > 0
	last := substring(w, n - 1, 1)
	prev := substring(w, max([n - 2, 0]), min([n - 1, 1]))
} else := "vowel"

ends(last, _) := hangul_final(last) if {
	last >= "가"
	last <= "힣"
}

ends(last, _) := {"0": "consonant", "1": "rieul", "2": "vowel", "3": "consonant", "4": "vowel", "5": "vowel", "6": "consonant", "7": "rieul", "8": "rieul", "9": "vowel"}[last]

ends(last, prev) := latin(lower(last), lower(prev), lower(prev) == upper(prev)) if lower(last) != upper(last)

latin(l, _, true) := "rieul" if l in {"l", "r"}

latin(l, _, true) := "consonant" if l in {"m", "n"}

latin(l, _, true) := "vowel" if not l in {"l", "r", "m", "n"}

latin(l, p, false) := "rieul" if {
	l == "l"
} else := "rieul" if {
	l == "e"
	p == "l"
} else := "consonant" if {
	l in {"m", "n", "k", "p", "t", "c"}
} else := "consonant" if {
	l == "g"
	p == "n"
} else := "vowel"

# spoken(word) is word without a parenthetical aside at its end, which is not read before
# the particle: "연락처(20:55)가".
spoken(word) := regex.replace(word, `\s*\([^()]*\)[\s.,;:]*$`, "") if {
	endswith(trim_right(word, " .,;:"), ")")
	not startswith(trim_space(word), "(")
} else := word

# hangul_final(c) reads the final consonant of one Hangul syllable from its UTF-8 bytes:
# syllables run from U+AC00 in blocks of 28, the first of each without a final consonant,
# the ninth with ㄹ.
hangul_final(c) := {true: "vowel", false: {true: "rieul", false: "consonant"}[jong == 8]}[jong == 0] if {
	h := hex.encode(c)
	b := [(hexval[substring(h, 0, 1)] * 16) + hexval[substring(h, 1, 1)], (hexval[substring(h, 2, 1)] * 16) + hexval[substring(h, 3, 1)], (hexval[substring(h, 4, 1)] * 16) + hexval[substring(h, 5, 1)]]
	cp := (((b[0] - 224) * 4096) + ((b[1] - 128) * 64)) + (b[2] - 128)
	jong := (cp - 44032) % 28
}

hexval := {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "a": 10, "b": 11, "c": 12, "d": 13, "e": 14, "f": 15}
