package reports

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// This file words what the model holds as data: site-loss phrases, evidence values, Korean
// particles. The words themselves are in i18n.go.

// finalSound tells whether word, read aloud in Korean, ends in a consonant (a 받침) and
// whether that consonant is ㄹ, which takes 로 rather than 으로, as policies/lib/text.rego's
// final does for the controls' messages. It reads the last Hangul
// syllable, digit or Latin letter; ids and datacenter names are mostly Latin, read as a
// Korean reader would say them (…ng, …m, …n, …l, …k, …p, …t end in a consonant; a lone
// letter is its name: "엘", "엠", "엔", "알" end in one, "티" does not).
func finalSound(word string) (consonant, rieul bool) {
	// A parenthetical aside at the end is not read before the particle: "연락처(20:55)가".
	if t := strings.TrimRight(word, " .,;:"); strings.HasSuffix(t, ")") {
		if i := strings.LastIndex(t, "("); i > 0 && !strings.Contains(t[i+1:len(t)-1], "(") {
			word = strings.TrimRight(t[:i], " ")
		}
	}
	rs := []rune(strings.TrimRightFunc(word, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	}))
	if len(rs) == 0 {
		return false, false
	}
	last := rs[len(rs)-1]
	switch {
	case last >= 0xAC00 && last <= 0xD7A3:
		jong := (last - 0xAC00) % 28
		return jong != 0, jong == 8
	case last >= '0' && last <= '9':
		// 영 일 이 삼 사 오 육 칠 팔 구
		return strings.ContainsRune("013678", last), strings.ContainsRune("178", last)
	case last < unicode.MaxASCII && unicode.IsLetter(last):
		l := unicode.ToLower(last)
		lone := len(rs) == 1 || !unicode.IsLetter(rs[len(rs)-2])
		if lone {
			return strings.ContainsRune("lmnr", l), l == 'l' || l == 'r'
		}
		if l == 'e' && unicode.ToLower(rs[len(rs)-2]) == 'l' { // "google", "table"
			return true, true
		}
		return strings.ContainsRune("lmnkptc", l) || (l == 'g' && unicode.ToLower(rs[len(rs)-2]) == 'n'), l == 'l'
	}
	return false, false
}

// particles pairs each Korean particle's form after a consonant with its form after a vowel.
var particles = map[string][2]string{
	"이": {"이", "가"}, "가": {"이", "가"},
	"은": {"은", "는"}, "는": {"은", "는"},
	"을": {"을", "를"}, "를": {"을", "를"},
	"과": {"과", "와"}, "와": {"과", "와"},
	"으로": {"으로", "로"}, "로": {"으로", "로"},
	"이다": {"이다", "다"},
}

// withParticle is word followed by the form of particle p (either form names it) that fits
// word's last sound: "서비스가", "계정이", "anyang으로", "서울로".
func withParticle(word, p string) string {
	forms, ok := particles[p]
	if !ok {
		return word + p
	}
	consonant, rieul := finalSound(word)
	if forms[0] == "으로" && rieul {
		return word + "로"
	}
	if consonant {
		return word + forms[0]
	}
	return word + forms[1]
}

// placeholder is "{name}" or "{name/particle}" in a catalogue template.
var placeholder = regexp.MustCompile(`\{([a-z_]+)(?:/([가-힣]+))?\}`)

// fill replaces the placeholders of a catalogue template with args, each through value
// (for words that are themselves translated, such as a standby's mode), adding the particle
// a placeholder asks for.
func fill(tmpl string, args map[string]string, value func(name, v string) string) string {
	return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		sub := placeholder.FindStringSubmatch(m)
		v, ok := args[sub[1]]
		if !ok {
			return m
		}
		v = value(sub[1], v)
		if sub[2] != "" {
			return withParticle(v, sub[2])
		}
		return v
	})
}

// phrase words a site-loss phrase in lang; fallback (the English words the model carries
// beside it) serves a phrase the catalogue does not know, or none.
func phrase(lang string, p *audit.Phrase, fallback string) string {
	if p == nil {
		return fallback
	}
	if _, ok := catalogue["phrase."+p.Code]; !ok {
		return fallback
	}
	return fill(tr(lang, "phrase."+p.Code), p.Args, func(name, v string) string {
		if name == "mode" {
			return tr(lang, "mode."+v)
		}
		return v
	})
}

// chainText is a chain of lost services joined by arrows, its last link (the cause) worded
// in lang when the chain carries it as a phrase.
func chainText(lang string, chain []string, cause *audit.Phrase) string {
	if cause != nil && len(chain) > 0 {
		c := slices.Clone(chain)
		c[len(c)-1] = phrase(lang, cause, c[len(c)-1])
		chain = c
	}
	return strings.Join(chain, " → ")
}

// --- evidence as an auditor reads it ---

// evidence lists an evidence object as labelled, worded entries in key order. Raw
// companions that another entry words (a phrase beside its English text, the Korean twin
// of a note) are folded into it; the JSON report keeps every raw value.
func evidence(m map[string]any, lang string) []kv {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]kv, 0, len(keys))
	for _, k := range keys {
		if strings.HasSuffix(k, "_phrase") || strings.HasSuffix(k, "_ko") {
			continue
		}
		out = append(out, kv{evidenceLabel(lang, k), evidenceValue(lang, k, m)})
	}
	return out
}

// evidenceLabel is the label of an evidence key; a key the catalogue does not know (a
// custom policy's) shows as it is.
func evidenceLabel(lang, key string) string {
	if _, ok := catalogue["ev."+key]; ok {
		return tr(lang, "ev."+key)
	}
	return key
}

// evidenceValue words the value of key in m.
func evidenceValue(lang, key string, m map[string]any) string {
	v := m[key]
	if s, ok := m[key+"_ko"].(string); ok && lang == "ko" && s != "" {
		return s
	}
	switch key {
	case "detail":
		if p := phraseOf(m["detail_phrase"]); p != nil {
			return phrase(lang, p, fmt.Sprint(v))
		}
	case "chain", "tool_chain":
		if list, ok := strings_(v); ok {
			return chainText(lang, list, phraseOf(m["cause_phrase"]))
		}
	}
	return formatValue(lang, key, v)
}

// phraseOf reads a phrase from raw evidence ({code, args}).
func phraseOf(v any) *audit.Phrase {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	code, _ := m["code"].(string)
	if code == "" {
		return nil
	}
	p := &audit.Phrase{Code: code, Args: map[string]string{}}
	if args, ok := m["args"].(map[string]any); ok {
		for k, a := range args {
			p.Args[k] = fmt.Sprint(a)
		}
	}
	return p
}

func strings_(v any) ([]string, bool) {
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// namesSomething are the evidence keys whose values are ids from the manifest.
var namesSomething = map[string]bool{
	"service": true, "services": true, "tool": true, "datacenter": true, "datacenters": true,
	"incident": true, "relied_on_by": true, "room": true, "tenant": true, "lessor": true,
}

var (
	kst = time.FixedZone("KST", 9*3600)
	// deployment is "datacenter (mode)", as the core-function controls list deployments.
	deployment = regexp.MustCompile(`^(\S+) \((active|standby|cold)\)$`)
	isInstant  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$`)
)

// formatValue words one evidence value by what its key says it holds: instants in Korean
// time with the offset shown, minutes as hours and minutes, won with separators (조 and 억
// in Korean), counts with separators, lists as lists, failure domains by kind and id.
func formatValue(lang, key string, v any) string {
	switch x := v.(type) {
	case nil:
		return tr(lang, "label.none")
	case bool:
		if x {
			return tr(lang, "value.yes")
		}
		return tr(lang, "value.no")
	case string:
		if isInstant.MatchString(x) {
			return instant(x)
		}
		if m := deployment.FindStringSubmatch(x); m != nil {
			return m[1] + " (" + tr(lang, "mode."+m[2]) + ")"
		}
		if key == "core_function" {
			if _, ok := catalogue["fn."+x]; ok {
				return tr(lang, "fn."+x)
			}
		}
		if strings.HasSuffix(key, "basis") || key == "citation" {
			// The same citations and notes as the parameter table's bases.
			return ParamBasisIn(x, lang)
		}
		// Coded values (labels, reasons, modes) are worded; names never are, whatever
		// they happen to spell.
		if _, ok := catalogue["value."+x]; ok && !namesSomething[key] {
			return tr(lang, "value."+x)
		}
		return x
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return x.String()
		}
		return number(lang, key, f)
	case float64:
		return number(lang, key, x)
	case int:
		return number(lang, key, float64(x))
	case int64:
		return number(lang, key, float64(x))
	case []any:
		if len(x) == 0 {
			return tr(lang, "label.none")
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = formatValue(lang, key, e)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		if kind, ok := x["kind"].(string); ok {
			if id, ok := x["id"].(string); ok {
				d := audit.FailureDomain{Kind: kind, ID: id}
				if dcs, ok := strings_(x["datacenters"]); ok {
					d.Datacenters = dcs
				}
				return domainLabel(lang, d, func(s string) string { return s }, func(s string) string { return s })
			}
		}
		if en, ok := x["en"].(string); ok {
			return audit.Text{En: en, Ko: fmt.Sprint(x["ko"])}.In(lang)
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + formatValue(lang, key, x[k])
		}
		return strings.Join(parts, "; ")
	}
	return valueString(v)
}

// instant is an RFC 3339 time in Korean time with the offset shown.
func instant(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		if t, err = time.Parse("2006-01-02T15:04Z07:00", s); err != nil {
			return s
		}
	}
	t = t.In(kst)
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05 KST (UTC+09:00)")
	}
	return t.Format("2006-01-02 15:04 KST (UTC+09:00)")
}

// number words a number by the unit its key names.
func number(lang, key string, f float64) string {
	switch {
	case strings.HasSuffix(key, "year") && f == math.Trunc(f):
		return strconv.FormatFloat(f, 'f', 0, 64) // 2026, not 2,026
	case strings.HasSuffix(key, "_minutes"):
		return duration(lang, f)
	case strings.HasSuffix(key, "_krw"):
		return won(lang, f)
	case strings.HasSuffix(key, "_days"):
		return unitNumber(lang, f, "unit.days")
	case strings.HasSuffix(key, "_seconds"):
		return unitNumber(lang, f, "unit.seconds")
	case strings.HasSuffix(key, "_pct"):
		return grouped(f) + "%"
	case strings.HasSuffix(key, "_mwh"):
		return grouped(f) + " MWh"
	case strings.HasSuffix(key, "_kwh"):
		return grouped(f) + " kWh"
	case strings.HasSuffix(key, "_mw"):
		return grouped(f) + " MW"
	case strings.HasSuffix(key, "_m2"):
		return grouped(f) + " m²"
	}
	return grouped(f)
}

func unitNumber(lang string, f float64, unit string) string {
	if lang == "ko" {
		return grouped(f) + tr(lang, unit)
	}
	return grouped(f) + " " + tr(lang, unit)
}

// grouped is a number with thousands separators; a fraction keeps at most two decimals.
func grouped(f float64) string {
	if f < 0 {
		// The sign is taken once: the whole part of -0.5 is -0, which has none.
		if s := grouped(-f); s != "0" {
			return "-" + s
		}
		return "0"
	}
	if f != math.Trunc(f) {
		s := strconv.FormatFloat(f, 'f', 2, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		whole, frac, _ := strings.Cut(s, ".")
		w, _ := strconv.ParseFloat(whole, 64)
		if frac == "" {
			return grouped(w)
		}
		return grouped(w) + "." + frac
	}
	return audit.GroupDigits(strconv.FormatFloat(f, 'f', 0, 64))
}

// duration is minutes as "2 h 30 min" or "2시간 30분", rounded to the minute; a day or more
// counts days too.
func duration(lang string, minutes float64) string {
	m := int64(math.Round(minutes))
	if m == 0 {
		return unitNumber(lang, 0, "unit.min")
	}
	neg := m < 0
	if neg {
		m = -m
	}
	d, h, mm := m/1440, m/60%24, m%60
	var parts []string
	for _, p := range []struct {
		n    int64
		unit string
	}{{d, "unit.d"}, {h, "unit.h"}, {mm, "unit.min"}} {
		if p.n == 0 {
			continue
		}
		if lang == "ko" {
			parts = append(parts, grouped(float64(p.n))+tr(lang, p.unit))
		} else {
			parts = append(parts, grouped(float64(p.n))+" "+tr(lang, p.unit))
		}
	}
	s := strings.Join(parts, " ")
	if neg {
		s = "-" + s
	}
	return s
}

// won is an amount in Korean won: "KRW 1,800,000,000,000" in English, "1조 8,000억 원" in
// Korean (조 = 10¹², 억 = 10⁸, 만 = 10⁴, each group with separators).
func won(lang string, f float64) string {
	if lang != "ko" {
		return "KRW " + grouped(f)
	}
	n := int64(math.Round(f))
	if n == 0 {
		return "0원"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var parts []string
	for _, u := range []struct {
		size int64
		name string
	}{{1_000_000_000_000, "조"}, {100_000_000, "억"}, {10_000, "만"}, {1, ""}} {
		if q := n / u.size; q > 0 {
			parts = append(parts, grouped(float64(q))+u.name)
			n %= u.size
		}
	}
	s := strings.Join(parts, " ") + " 원"
	if neg {
		s = "-" + s
	}
	return s
}
