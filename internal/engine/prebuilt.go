package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"

	"github.com/resilcheck/resilcheck/internal/audit"
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
// PrebuiltMetaFile, the controls' metadata and parameter types as JSON; PrebuiltPlanFile,
// the main query planned for irvm (irvm.EncodePlan); and PrebuiltSiteLossPlanFile, the
// site-loss analysis alone planned the same way (Options.SiteLossOnly: simulate), which is
// a fraction of the main plan and would otherwise need the bundle compiled to plan. The
// metadata names the digest of the policies they were made from, of both plans, and the
// OPA version that planned them; an engine uses them only when all match, so a stale copy
// costs start-up time, never a verdict. TestPrebuiltIsCurrent fails when they are stale.
const (
	PrebuiltDir              = "prebuilt"
	PrebuiltMetaFile         = "bundle.json"
	PrebuiltPlanFile         = "main.irplan"
	PrebuiltSiteLossPlanFile = "siteloss.irplan"
)

var (
	//go:embed prebuilt/bundle.json
	prebuiltMeta []byte
	//go:embed prebuilt/main.irplan
	prebuiltPlan []byte
	//go:embed prebuilt/siteloss.irplan
	prebuiltSiteLossPlan []byte
)

// prebuilt is the decoded metadata file.
type prebuilt struct {
	// OPA is the OPA version that compiled and planned the bundle: another version's
	// planner, or another set of builtins, could plan it otherwise.
	OPA string `json:"opa_version"`
	// Policies is the digest of the bundle's evaluated files (test files left out), as
	// Digest computes it without data files.
	Policies string `json:"policies_digest"`
	// Plan is the digest of the plan file, so metadata and plan cannot be mixed.
	Plan string `json:"plan_digest"`
	// SiteLossPlan is the digest of the site-loss plan file.
	SiteLossPlan string              `json:"siteloss_plan_digest"`
	Controls     []prebuiltControl   `json:"controls"`
	ParamTypes   map[string][]string `json:"param_types"`
}

type prebuiltControl struct {
	audit.Control
	Files []string `json:"files"`
}

// loadPrebuilt returns the prebuilt bundle when it was made from exactly these files by
// this OPA version, else nil.
func loadPrebuilt(evalFiles []File) *prebuilt {
	var pb prebuilt
	if err := json.Unmarshal(prebuiltMeta, &pb); err != nil {
		return nil
	}
	if pb.OPA != version.Version || pb.Policies != digest(evalFiles, nil) || pb.Plan != hashBytes(prebuiltPlan) ||
		pb.SiteLossPlan != hashBytes(prebuiltSiteLossPlan) {
		return nil
	}
	return &pb
}

// controls rebuilds the control catalogue, in id order as collectControls leaves it.
func (pb *prebuilt) controls() ([]*controlInfo, error) {
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
// engine of it; a function's body is decoded when a document first calls the function.
var decodedPrebuiltPlan = sync.OnceValues(func() (*irvm.StoredPlan, error) { return irvm.ReadPlan(prebuiltPlan) })

// decodedSiteLossPlan is decodedPrebuiltPlan for the site-loss plan.
var decodedSiteLossPlan = sync.OnceValues(func() (*irvm.StoredPlan, error) { return irvm.ReadPlan(prebuiltSiteLossPlan) })

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
	plan, err := e.storedPlan(ctx, c, e.queryText)
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
	pb := prebuilt{OPA: version.Version, Policies: digest(evalFiles, nil), Plan: hashBytes(plan), SiteLossPlan: hashBytes(slPlan), ParamTypes: types}
	for _, ci := range e.controls {
		pb.Controls = append(pb.Controls, prebuiltControl{Control: ci.Control, Files: ci.files})
	}
	var meta bytes.Buffer
	enc := json.NewEncoder(&meta)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pb); err != nil {
		return nil, err
	}
	return map[string][]byte{PrebuiltMetaFile: meta.Bytes(), PrebuiltPlanFile: plan, PrebuiltSiteLossPlanFile: slPlan}, nil
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

func hashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
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
