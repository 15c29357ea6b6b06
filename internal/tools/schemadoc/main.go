// Command schemadoc writes the manifest reference in README.md from the embedded manifest
// schema, so the documentation cannot drift from the contract:
//
//	go run ./internal/tools/schemadoc            # rewrite the README section
//	go run ./internal/tools/schemadoc -check     # exit 1 if the section is stale
//
// Only the text between <!-- section:manifest-reference --> and its closing marker changes.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/resilcheck/resilcheck/schemas"
)

const (
	section     = "manifest-reference"
	openMarker  = "<!-- section:" + section + " -->"
	closeMarker = "<!-- /section:" + section + " -->"
)

func main() {
	readme := flag.String("readme", "README.md", "the README to update")
	check := flag.Bool("check", false, "report whether the section is current instead of writing it")
	flag.Parse()
	if err := run(*readme, *check); err != nil {
		fmt.Fprintln(os.Stderr, "schemadoc:", err)
		os.Exit(1)
	}
}

func run(readme string, check bool) error {
	raw, err := schemas.Read("manifest")
	if err != nil {
		return err
	}
	doc, err := Generate(raw)
	if err != nil {
		return err
	}
	old, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	updated, err := Splice(old, doc)
	if err != nil {
		return err
	}
	if check {
		if !bytes.Equal(old, updated) {
			return errors.New(readme + ": the manifest-reference section is stale; run go run ./internal/tools/schemadoc")
		}
		return nil
	}
	if bytes.Equal(old, updated) {
		return nil
	}
	return os.WriteFile(readme, updated, 0o644)
}

// Splice replaces the body of the manifest-reference section of readme with body.
func Splice(readme, body []byte) ([]byte, error) {
	start := bytes.Index(readme, []byte(openMarker))
	end := bytes.Index(readme, []byte(closeMarker))
	if start < 0 || end < start {
		return nil, fmt.Errorf("README has no %s ... %s section", openMarker, closeMarker)
	}
	start += len(openMarker)
	var out bytes.Buffer
	out.Write(readme[:start])
	out.WriteString("\n")
	out.Write(body)
	out.Write(readme[end:])
	return out.Bytes(), nil
}

// Section returns the current body of the manifest-reference section.
func Section(readme []byte) ([]byte, error) {
	start := bytes.Index(readme, []byte(openMarker))
	end := bytes.Index(readme, []byte(closeMarker))
	if start < 0 || end < start {
		return nil, fmt.Errorf("README has no %s ... %s section", openMarker, closeMarker)
	}
	return bytes.TrimPrefix(readme[start+len(openMarker):end], []byte("\n")), nil
}

// rulesText documents what `resilcheck validate` checks beyond the schema (internal/validate
// and internal/manifest); keep it in step with them.
const rulesText = `
Beyond the schema, ` + "`resilcheck validate`" + ` (and every command that reads manifests) rejects:

- YAML or JSON that does not parse, duplicate keys, non-string keys, files that are empty or
  not UTF-8, files over ` + "`--max-file-size`" + ` (16 MiB), nesting deeper than 64 levels, and
  YAML aliases and merge keys that copy more than 250,000 values into a document (values written
  out are bounded by the file size only), and an alias to an anchor of another
  document (anchors belong to their document); after a YAML syntax error the rest of the file
  cannot be read, and the error says how many documents that skipped;
- numbers that would change value or lose digits: a leading zero (` + "`0777`" + `, which YAML 1.1
  reads as octal), integers beyond 64 bits, floats beyond float64 (` + "`1e400`" + `), and numbers
  written with more than 100 characters;
- a document whose top level is not a mapping, and a ` + "`metadata.name`" + ` already used by
  another document of the same run;
- dates that do not exist (` + "`2023-02-30`" + `), dates and timestamps outside the years 1900-2199,
  and timestamps that are not RFC 3339 with a UTC offset (offsets past 23:59, second 60 where no
  leap second was inserted). Lower-case ` + "`t`" + `/` + "`z`" + ` are accepted; a real leap second is judged as
  ` + "`23:59:59.999999999`" + `, because resilcheck, like OPA, counts time without leap seconds;
- duplicate ids among datacenters, services, incidents, domestic affiliates, data requests,
  cloud contract terminations, or the facilities of one grading submission; references to
  undeclared datacenters (deployments, replicas, backups, incidents), services
  (` + "`dependsOn`" + `, ` + "`recovery.performedBy`" + `, incidents) or domestic affiliates
  (` + "`domesticAgent.affiliateId`" + `); a service that depends on itself;
- ` + "`operatedFor`" + ` on a site the provider does not operate (` + "`ownership`" + ` other than ` + "`own`" + `);
- a submission whose ` + "`submittedAt`" + ` falls on another Korean (KST) date than its ` + "`submittedOn`" + `;
- what cannot have happened: ` + "`restoredAt`" + ` before ` + "`startedAt`" + `; a ministry report, ministry
  notice or lessor notice dated before the incident started; a tenant suspension that ended
  or resumed before it began; a supplement order due or completed before it was issued; a
  data request due or answered before it was received; and a metrics window, a service's
  ` + "`dailyUsersWindow`" + ` or an incident's ` + "`announcedWindow`" + ` that ends before it starts. What is only late
  or early (a notice after its deadline, an inspection after first use) is for the policies
  to judge, not rejected.

Dependency cycles are not rejected: ` + "`simulate`" + ` and the site-loss analysis report them.
Each problem is printed as ` + "`path:line:column: JSON-pointer: message`" + `.
`

type node = map[string]any

type generator struct {
	root  node
	order map[string][]string // schema location of a "properties" object -> keys as written
	out   strings.Builder
}

// Generate renders the reference: an introduction, then one table per object in the
// order a manifest is written, each row a field with its type, whether it is required,
// and its description.
func Generate(raw []byte) ([]byte, error) {
	var root node
	if err := json.Unmarshal(raw, &root); err != nil {
		return nil, fmt.Errorf("parse schema: %w", err)
	}
	order, err := propertyOrder(raw)
	if err != nil {
		return nil, err
	}
	g := &generator{root: root, order: order}
	g.out.WriteString("## Manifest reference\n\n")
	g.out.WriteString("Generated from `schemas/manifest.v1.schema.json` by `go run ./internal/tools/schemadoc`; do not edit by hand.\n")
	g.out.WriteString("`resilcheck schema` prints the schema itself, for editors. Paths use `[]` for list items.\n")
	g.out.WriteString(rulesText)
	root["x-loc"] = ""
	g.object("(top level)", "", root)
	return []byte(g.out.String()), nil
}

func (g *generator) resolve(n node) node {
	for i := 0; i < 16; i++ {
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		var target any = g.root
		for _, tok := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			m, _ := target.(node)
			target = m[tok]
		}
		t, _ := target.(node)
		// A property's own description wins over the definition's generic one.
		merged := node{}
		for k, v := range t {
			merged[k] = v
		}
		if d, ok := n["description"]; ok {
			merged["description"] = d
		}
		merged["x-loc"] = strings.TrimPrefix(ref, "#")
		if name := strings.TrimPrefix(ref, "#/definitions/"); name != ref {
			if _, seen := merged["x-def"]; !seen {
				merged["x-def"] = name
			}
		}
		n = merged
	}
	return n
}

type child struct {
	path string
	n    node
}

// object writes one table, then the tables of the objects nested in it.
func (g *generator) object(title, path string, n node) {
	n = g.resolve(n)
	props, _ := n["properties"].(node)
	required := map[string]bool{}
	for _, r := range asList(n["required"]) {
		required[fmt.Sprint(r)] = true
	}
	fmt.Fprintf(&g.out, "\n### `%s`\n\n", title)
	if d, ok := n["description"].(string); ok && path != "" {
		g.out.WriteString(escape(d) + "\n\n")
	}
	g.out.WriteString("| Field | Type | Required | Description |\n|---|---|---|---|\n")
	var nested []child
	loc := str(n["x-loc"])
	for _, name := range g.order[loc+"/properties"] {
		p := asNode(props[name])
		if _, ok := p["$ref"]; !ok {
			p["x-loc"] = loc + "/properties/" + name
		}
		p = g.resolve(p)
		childPath := strings.TrimPrefix(path+"."+name, ".")
		typ := g.typeOf(p)
		req := ""
		if required[name] {
			req = "yes"
		}
		fmt.Fprintf(&g.out, "| `%s` | %s | %s | %s |\n", name, typ, req, escape(str(p["description"])))
		switch {
		case isObject(p):
			nested = append(nested, child{childPath, p})
		case p["type"] == "array":
			items := asNode(p["items"])
			if _, ok := items["$ref"]; !ok {
				items["x-loc"] = str(p["x-loc"]) + "/items"
			}
			if items = g.resolve(items); isObject(items) {
				nested = append(nested, child{childPath + "[]", items})
			}
		}
	}
	for _, c := range nested {
		g.object(c.path, c.path, c.n)
	}
}

// propertyOrder records, for every "properties" object in the schema, its keys in the
// order the file writes them: the order its authors chose to explain them, which
// encoding/json's maps lose. Keys are JSON pointers into the schema.
func propertyOrder(raw []byte) (map[string][]string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	order := map[string][]string{}
	var walk func(loc string) error
	walk = func(loc string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		d, ok := tok.(json.Delim)
		if !ok {
			return nil
		}
		switch d {
		case '{':
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key := kt.(string)
				if strings.HasSuffix(loc, "/properties") {
					order[loc] = append(order[loc], key)
				}
				if err := walk(loc + "/" + key); err != nil {
					return err
				}
			}
		case '[':
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s/%d", loc, i)); err != nil {
					return err
				}
			}
		}
		_, err = dec.Token() // the closing delimiter
		return err
	}
	if err := walk(""); err != nil {
		return nil, fmt.Errorf("read schema property order: %w", err)
	}
	return order, nil
}

func isObject(n node) bool {
	_, hasProps := n["properties"].(node)
	return n["type"] == "object" && hasProps
}

func (g *generator) typeOf(n node) string {
	if c, ok := n["const"]; ok {
		return fmt.Sprintf("`%v`", c)
	}
	if e := asList(n["enum"]); len(e) > 0 {
		return "one of " + codeList(e)
	}
	switch def := str(n["x-def"]); def {
	case "id":
		return "id"
	case "date":
		return "date (YYYY-MM-DD)"
	case "timestamp":
		return "timestamp (RFC 3339 with offset)"
	}
	t := str(n["type"])
	switch t {
	case "array":
		items := g.resolve(asNode(n["items"]))
		s := "list of " + g.typeOf(items)
		if isObject(items) {
			s = "list of objects"
		}
		if n["uniqueItems"] == true {
			s += ", unique"
		}
		if min, ok := n["minItems"].(float64); ok && min > 0 {
			s += fmt.Sprintf(", at least %v", min)
		}
		return s
	case "object":
		if ap, ok := n["additionalProperties"].(node); ok && n["properties"] == nil {
			return "map of " + g.typeOf(g.resolve(ap))
		}
		return "object"
	case "integer", "number":
		return t + bounds(n)
	case "string":
		if min, ok := n["minLength"].(float64); ok && min > 0 {
			return "string, not empty"
		}
	}
	return t
}

func bounds(n node) string {
	var parts []string
	if v, ok := n["minimum"].(float64); ok {
		parts = append(parts, fmt.Sprintf("≥ %v", v))
	}
	if v, ok := n["exclusiveMinimum"].(float64); ok {
		parts = append(parts, fmt.Sprintf("> %v", v))
	}
	if v, ok := n["maximum"].(float64); ok {
		parts = append(parts, fmt.Sprintf("≤ %v", v))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, ", ")
}

func codeList(vals []any) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = fmt.Sprintf("`%v`", v)
	}
	return strings.Join(parts, ", ")
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

func str(x any) string {
	s, _ := x.(string)
	return s
}

func asList(x any) []any {
	l, _ := x.([]any)
	return l
}

func asNode(x any) node {
	n, _ := x.(node)
	return n
}
