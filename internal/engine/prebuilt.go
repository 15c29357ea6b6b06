package engine

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"go/format"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"

	prebuiltmeta "github.com/resilcheck/resilcheck/internal/engine/prebuilt"
	"github.com/resilcheck/resilcheck/internal/irvm"
)

//go:generate go run ../tools/genplan

// The built-in bundle, prebuilt: what a run of the unchanged embedded bundle needs from
// it, extracted when the bundle changes rather than on every start. Parsing and compiling
// the bundle took most of a one-manifest run; with these a run judges on irvm from the
// stored plan and parses nothing, and the compiled bundle is built only if something
// asks for it (topdown, explain, a document irvm hands back).
//
// PrebuiltDir holds three generated files (`go generate ./internal/engine`):
// PrebuiltMetaFile, the controls' metadata and parameter types as the Go source of package
// prebuilt (a value the compiler lays out, so a run decodes none of it); PrebuiltPlanFile,
// the main query planned for irvm (irvm.EncodePlan after planHeader); and
// PrebuiltSiteLossPlanFile, the site-loss analysis alone planned the same way
// (Options.SiteLossOnly: simulate), which is a fraction of the main plan and would
// otherwise need the bundle compiled to plan. The metadata names the digest of the
// policies they were made from and the OPA version that planned them, and so does each
// plan's header; an engine uses them only when all match, so a stale copy costs start-up
// time, never a verdict. TestPrebuiltIsCurrent fails when they are stale.
const (
	PrebuiltDir              = "prebuilt"
	PrebuiltMetaFile         = "meta.go"
	PrebuiltPlanFile         = "main.irplan"
	PrebuiltSiteLossPlanFile = "siteloss.irplan"
)

var (
	//go:embed prebuilt/main.irplan
	prebuiltPlan []byte
	//go:embed prebuilt/siteloss.irplan
	prebuiltSiteLossPlan []byte
)

// prebuilt is the metadata, checked against the files it was made from.
type prebuilt = prebuiltmeta.Meta

// loadPrebuilt returns the prebuilt bundle when it was made from exactly these files by
// this OPA version, else nil. A plan is checked against it as it is decoded
// (readStoredPlan), beside the rest of the build.
func loadPrebuilt(evalFiles []sourceFile) *prebuilt {
	pb := &prebuiltmeta.Bundle
	if pb.OPA != version.Version {
		return nil
	}
	if d, err := sourceDigest(evalFiles, nil); err != nil || d != pb.Policies {
		return nil
	}
	return pb
}

// controls rebuilds the control catalogue, in id order as collectControls leaves it.
func prebuiltControls(pb *prebuilt) ([]*controlInfo, error) {
	out := make([]*controlInfo, len(pb.Controls))
	for i, c := range pb.Controls {
		ref, err := packageRef(c.Package)
		if err != nil {
			return nil, err
		}
		out[i] = &controlInfo{Control: c.Control, ref: ref, files: c.Files}
	}
	return out, nil
}

// packageRef is the ref of a control package such as resilcheck.controls.x, built rather
// than parsed: the same terms the parser makes for its package path.
func packageRef(pkg string) (ast.Ref, error) {
	parts := strings.Split(pkg, ".")
	ref := ast.Ref{ast.DefaultRootDocument}
	for _, p := range parts {
		if !ast.IsVarCompatibleString(p) {
			return nil, fmt.Errorf("prebuilt bundle: package %q", pkg)
		}
		ref = append(ref, ast.StringTerm(p))
	}
	return ref, nil
}

// mayUsePrebuilt reports whether New may judge with the prebuilt files: on irvm, when
// nothing asks for the bundle compiled. New also wants no custom policy file, and
// loadPrebuilt files that are current.
func mayUsePrebuilt(opts Options) bool {
	return !opts.verifyAll && !opts.compileBuiltin && opts.Evaluator != EvaluatorTopdown
}

// onlyBuiltin reports whether no policy source is custom.
func onlyBuiltin(opts Options) bool {
	for _, p := range opts.Policies {
		if p.Custom {
			return false
		}
	}
	return true
}

// decodedPrebuiltPlan is the stored plan, read once per process and shared by every
// engine of it; a function's body is decoded when a document first calls the function. A
// plan that is not the one the metadata names is refused: topdown then judges, on the
// bundle compiled.
var decodedPrebuiltPlan = sync.OnceValues(func() (*irvm.StoredPlan, error) {
	return readStoredPlan(prebuiltPlan, &prebuiltmeta.Bundle)
})

// decodedSiteLossPlan is decodedPrebuiltPlan for the site-loss plan.
var decodedSiteLossPlan = sync.OnceValues(func() (*irvm.StoredPlan, error) {
	return readStoredPlan(prebuiltSiteLossPlan, &prebuiltmeta.Bundle)
})

// errStalePlan: the embedded plan was not made with the metadata.
var errStalePlan = errors.New("the prebuilt plan was not made from the bundle its metadata describes: run go generate ./internal/engine")

// planHeader starts a stored plan file, before the plan irvm encodes: the OPA version and
// the policies it was planned from. The plan is a function of these (and of this code), as
// the metadata is, so a plan whose header names the metadata's was made with it. Checking
// the header rather than a digest of the whole file leaves unread the parts of the plan a
// run never calls, which is most of it.
func planHeader(pb *prebuilt) string {
	return "resilcheck stored plan\x00" + pb.OPA + "\x00" + pb.Policies + "\n"
}

// readStoredPlan reads a stored plan file made with pb.
func readStoredPlan(file []byte, pb *prebuilt) (*irvm.StoredPlan, error) {
	h := planHeader(pb)
	if len(file) < len(h) || string(file[:len(h)]) != h {
		return nil, errStalePlan
	}
	return irvm.ReadPlan(file[len(h):])
}

// storedPlanFor is the decoder of the stored plan an engine of these options evaluates.
func storedPlanFor(siteLossOnly bool) func() (*irvm.StoredPlan, error) {
	if siteLossOnly {
		return decodedSiteLossPlan
	}
	return decodedPrebuiltPlan
}

// prebuiltQuery prepares the stored plan on the engine's base data.
func (e *Engine) prebuiltQuery(ctx context.Context) (evalFunc, error) {
	pol, err := storedPlanFor(e.siteLossOnly)()
	if err != nil {
		return nil, err
	}
	data, err := irvm.ReadStore(ctx, e.store)
	if err != nil {
		return nil, err
	}
	q, err := irvm.NewStoredQuery(pol, data, irvm.QueryOptions{StrictBuiltinErrors: true, Capabilities: sandboxCapabilities()})
	if err != nil {
		return nil, err
	}
	return q.Eval, nil
}

// GeneratePrebuilt builds the prebuilt files of the embedded bundle, by name within
// PrebuiltDir: the metadata and parameter types read from a compiled engine, and the main
// query planned as the engine plans it for irvm. The output depends only on the bundle and
// the OPA version.
func GeneratePrebuilt(ctx context.Context) (map[string][]byte, error) {
	e, err := New(ctx, Options{Policies: []PolicySource{Builtin()}, AsOf: "2000-01-01", Evaluator: EvaluatorTopdown})
	if err != nil {
		return nil, err
	}
	c, err := e.bundle()
	if err != nil {
		return nil, err
	}
	plan, err := e.storedPlan(ctx, c, e.queryText())
	if err != nil {
		return nil, fmt.Errorf("the main query: %w", err)
	}
	slPlan, err := e.storedPlan(ctx, c, sitelossQuery)
	if err != nil {
		return nil, fmt.Errorf("the site-loss query: %w", err)
	}
	types, err := e.paramTypes(ctx)
	if err != nil {
		return nil, err
	}
	files, err := readSources([]PolicySource{Builtin()}, false)
	if err != nil {
		return nil, err
	}
	var evalFiles []File
	for _, f := range files {
		if !f.Test {
			evalFiles = append(evalFiles, f)
		}
	}
	pb := prebuilt{OPA: version.Version, Policies: digest(evalFiles, nil), ParamTypes: types}
	for _, ci := range e.controls {
		pb.Controls = append(pb.Controls, prebuiltmeta.Control{Control: ci.Control, Files: ci.files})
	}
	meta, err := metaSource(&pb)
	if err != nil {
		return nil, err
	}
	h := planHeader(&pb)
	return map[string][]byte{
		PrebuiltMetaFile:         meta,
		PrebuiltPlanFile:         append([]byte(h), plan...),
		PrebuiltSiteLossPlanFile: append([]byte(h), slPlan...),
	}, nil
}

// metaSource is the Go source of package prebuilt that declares Bundle as pb.
func metaSource(pb *prebuilt) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by go generate ./internal/engine (internal/tools/genplan); DO NOT EDIT.\n\n")
	b.WriteString("package prebuilt\n\nimport \"github.com/resilcheck/resilcheck/internal/audit\"\n\n")
	b.WriteString("// Bool values a field of type *bool points to.\nvar yes, no = true, false\n\n")
	b.WriteString("// Bundle is the built-in bundle's metadata.\nvar Bundle = ")
	if err := goLiteral(&b, reflect.ValueOf(*pb), true); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return format.Source(b.Bytes())
}

// goLiteral writes v as a Go expression of package prebuilt: structs with their zero
// fields left out, maps in key order. typed is false where a composite literal's type may
// be elided (an element of a slice or map).
func goLiteral(b *bytes.Buffer, v reflect.Value, typed bool) error {
	typeName := func(t reflect.Type) string {
		return strings.ReplaceAll(t.String(), "prebuilt.", "")
	}
	switch v.Kind() {
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Pointer:
		switch {
		case v.IsNil():
			b.WriteString("nil")
		case v.Elem().Kind() == reflect.Bool && v.Elem().Bool():
			b.WriteString("&yes")
		case v.Elem().Kind() == reflect.Bool:
			b.WriteString("&no")
		default:
			return fmt.Errorf("prebuilt metadata: cannot write a %s", v.Type())
		}
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		b.WriteString(typeName(v.Type()) + "{\n")
		for i := range v.Len() {
			if err := goLiteral(b, v.Index(i), false); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return nil
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteString(typeName(v.Type()) + "{\n")
		for _, k := range keys {
			if err := goLiteral(b, k, false); err != nil {
				return err
			}
			b.WriteString(": ")
			if err := goLiteral(b, v.MapIndex(k), false); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		b.WriteString("}")
	case reflect.Struct:
		if typed {
			b.WriteString(typeName(v.Type()))
		}
		b.WriteString("{\n")
		for i := range v.NumField() {
			if v.Field(i).IsZero() {
				continue
			}
			b.WriteString(v.Type().Field(i).Name + ": ")
			if err := goLiteral(b, v.Field(i), true); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		b.WriteString("}")
	default:
		return fmt.Errorf("prebuilt metadata: cannot write a %s", v.Type())
	}
	return nil
}

// storedPlan plans query for irvm on the compiled bundle c and encodes it.
func (e *Engine) storedPlan(ctx context.Context, c *ast.Compiler, query string) ([]byte, error) {
	body, err := parseQuery(query)
	if err != nil {
		return nil, err
	}
	e.lazyMu.Lock()
	pol, err := irvm.Plan(ctx, c, e.store, body, irvmOptions(c)...)
	e.lazyMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	plan, err := irvm.EncodePlan(pol)
	if err != nil {
		return nil, err
	}
	if _, err := irvm.DecodePlan(plan); err != nil {
		return nil, fmt.Errorf("the plan does not decode: %w", err)
	}
	return plan, nil
}

// sortedParamTypes copies a parameter-type map with every list sorted.
func sortedParamTypes(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		v = append([]string(nil), v...)
		sort.Strings(v)
		out[k] = v
	}
	return out
}
