package validate

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/xeipuuv/gojsonschema"

	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/suggest"
)

// timestampPattern is the schema's pattern for an explicit UTC offset. The walk checks it
// with the date and date-time formats (keywords.go), more strictly than gojsonschema's
// checker (that one accepts "15:04:05Z" as a date-time) and saying more.
const timestampPattern = "(Z|z|[+-][0-9]{2}:[0-9]{2})$"

// ctxSep cannot occur in a JSON object key written in YAML or JSON without escaping, so
// splitting a gojsonschema context on it recovers the path exactly, even for keys that
// contain dots (which its dotted Field() cannot represent).
const ctxSep = "\x00"

func (v *validator) schemaErrors() {
	// The loader decodes documents to exactly what gojsonschema's own JSON decoding makes
	// (map[string]any, []any, string, json.Number, bool, nil), so the raw loader takes the
	// value as it is; NewGoLoader would marshal it to JSON text and decode it back, which
	// was a fifth of validating a document.
	res, err := v.schema.schema.Validate(gojsonschema.NewRawLoader(v.doc.Value))
	if err != nil {
		v.add("", "cannot validate: "+err.Error())
		return
	}
	for _, e := range res.Errors() {
		v.schemaError(e)
	}
}

func contextPointer(e gojsonschema.ResultError) string {
	parts := strings.Split(e.Context().String(ctxSep), ctxSep)
	ptr := ""
	for _, p := range parts[1:] { // parts[0] is "(root)"
		ptr = manifest.Join(ptr, p)
	}
	return ptr
}

func (v *validator) schemaError(e gojsonschema.ResultError) {
	ptr := contextPointer(e)
	d := e.Details()
	switch e.Type() {
	case "required":
		v.add(ptr, fmt.Sprintf("missing required field %q", d["property"]))
	case "additional_property_not_allowed":
		prop := fmt.Sprint(d["property"])
		msg := fmt.Sprintf("unknown field %q (not allowed here", prop)
		if s := suggestField(prop, v.allowedFields(ptr)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		v.addAtKey(manifest.Join(ptr, prop), msg+")")
	case "invalid_type":
		v.add(ptr, fmt.Sprintf("expected %s, got %s", d["expected"], d["given"]))
	case "const":
		v.add(ptr, fmt.Sprintf("must be %s, not %s", d["allowed"], quote(e.Value())))
	case "pattern":
		v.add(ptr, fmt.Sprintf("%s does not match the pattern %s", quote(e.Value()), d["pattern"]))
	case "number_gte":
		v.add(ptr, fmt.Sprintf("must be at least %s, got %s", num(d["min"]), quote(e.Value())))
	case "number_gt":
		v.add(ptr, fmt.Sprintf("must be greater than %s, got %s", num(d["min"]), quote(e.Value())))
	case "number_lte":
		v.add(ptr, fmt.Sprintf("must be at most %s, got %s", num(d["max"]), quote(e.Value())))
	case "number_lt":
		v.add(ptr, fmt.Sprintf("must be less than %s, got %s", num(d["max"]), quote(e.Value())))
	case "string_gte":
		if fmt.Sprint(d["min"]) == "1" {
			v.add(ptr, "must not be empty")
		} else {
			v.add(ptr, fmt.Sprintf("must be at least %v characters long", d["min"]))
		}
	case "array_min_items":
		if fmt.Sprint(d["min"]) == "1" {
			v.add(ptr, "must list at least one item")
		} else {
			v.add(ptr, fmt.Sprintf("must list at least %v items", d["min"]))
		}
	default:
		v.add(ptr, e.Description())
	}
}

// quote shows a value as JSON, which is how a person would write it back in the manifest.
func quote(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

func num(x any) string {
	if f, ok := x.(*big.Float); ok {
		return f.Text('g', -1)
	}
	return fmt.Sprint(x)
}

// at returns the schema that governs the value at pointer, following $ref, properties,
// additionalProperties and items. nil when the pointer leaves the schema.
func (c *compiledSchema) at(pointer string) map[string]any {
	node := c.resolve(c.tree)
	if pointer == "" {
		return node
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		node = c.child(node, tok)
		if node == nil {
			return nil
		}
	}
	return node
}

// child steps from an object or array schema to the schema of one member. A numeric token
// on an array schema selects its items.
func (c *compiledSchema) child(node map[string]any, tok string) map[string]any {
	if props, ok := node["properties"].(map[string]any); ok {
		if s, ok := props[tok].(map[string]any); ok {
			return c.resolve(s)
		}
	}
	if s, ok := node["additionalProperties"].(map[string]any); ok {
		return c.resolve(s)
	}
	if s, ok := node["items"].(map[string]any); ok {
		return c.resolve(s)
	}
	return nil
}

// resolve follows local "$ref"s ("#/definitions/x"), the only kind the schemas use. The
// compiler, which shares the tree, rewrites each against the schema's $id
// ("https://.../manifest.v1.schema.json#/definitions/x"): still this document, so the
// fragment is what counts.
func (c *compiledSchema) resolve(node map[string]any) map[string]any {
	for i := 0; i < 16 && node != nil; i++ { // bounded: a $ref cycle must not hang
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		if _, frag, found := strings.Cut(ref, "#"); found {
			ref = frag
		}
		target := map[string]any(c.tree)
		for _, tok := range strings.Split(strings.TrimPrefix(ref, "/"), "/") {
			next, _ := target[tok].(map[string]any)
			target = next
		}
		node = target
	}
	return node
}

func (v *validator) allowedFields(ptr string) []string {
	s := v.schema.at(ptr)
	props, _ := s["properties"].(map[string]any)
	out := make([]string, 0, len(props))
	for k := range props {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (v *validator) enumValues(ptr string) string {
	s := v.schema.at(ptr)
	vals, _ := s["enum"].([]any)
	parts := make([]string, 0, len(vals))
	for _, x := range vals {
		parts = append(parts, quote(x))
	}
	return strings.Join(parts, ", ")
}

// suggestField names the allowed field a misspelt one most likely meant: at most two edits away.
func suggestField(name string, allowed []string) string {
	return suggest.Closest(name, allowed, 2)
}
