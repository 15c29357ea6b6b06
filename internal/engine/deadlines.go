package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// kst is Korea's time zone (UTC+09:00, no daylight saving since 1988): the Korean date of the
// instant judged is the audit date the rules see.
var kst = time.FixedZone("KST", 9*60*60)

// Deadlines evaluates data.resilcheck.deadlines.report on one document at the instant now: the
// duties its incidents trigger, with the instants the controls judge them by, as JSON (the
// shape policies/lib/deadlines.rego gives it). The run context is now and its Korean date,
// whatever date the engine was built for, so the rules see the same as-of instant `check`
// would see at now.
//
// The entry point is not part of the prebuilt plan, which holds the controls' query only, so
// it runs on topdown over the compiled bundle: on the prebuilt path the first call compiles
// the bundle (an engine built with EvaluatorTopdown has compiled it already).
func (e *Engine) Deadlines(ctx context.Context, doc Document, now time.Time) (json.RawMessage, error) {
	input, err := ast.InterfaceToValue(doc.Value)
	if err != nil {
		return nil, fmt.Errorf("input cannot be converted for evaluation: %w", err)
	}
	now = now.In(kst)
	// The instant is quoted by strconv into the query text: a Rego string literal reads the
	// same escapes as a Go one, and the value is a formatted time anyway.
	body := fmt.Sprintf("report := data.resilcheck.deadlines.report with data.resilcheck.run.now as %s with data.resilcheck.run.as_of as %s",
		strconv.Quote(now.Format(time.RFC3339Nano)), strconv.Quote(now.Format("2006-01-02")))
	q, err := e.lazyQuery(ctx, body) // one --now per run: prepared once for all its manifests
	if err != nil {
		return nil, fmt.Errorf("prepare deadlines query: %w", err)
	}
	l := e.limitFor(&doc)
	evalCtx, cancel := context.WithTimeout(ctx, l.d)
	defer cancel()
	rs, err := bounded(evalCtx, func(ctx context.Context) (rego.ResultSet, error) {
		return q.Eval(ctx, rego.EvalParsedInput(input))
	})
	if err != nil {
		if evalCtx.Err() != nil {
			return nil, errors.New(l.reason(evalCtx.Err()))
		}
		return nil, errors.New(evalReason(err))
	}
	if len(rs) != 1 {
		return nil, errors.New("the deadlines entry point gave no report (is data.resilcheck.run.now readable?)")
	}
	b, err := json.Marshal(rs[0].Bindings["report"])
	if err != nil {
		return nil, fmt.Errorf("encode deadlines: %w", err)
	}
	return b, nil
}

// ControlOfPackage is the control whose Rego package is pkg (e.g. "un_notice" or
// "resilcheck.controls.un_notice").
func (e *Engine) ControlOfPackage(pkg string) (audit.Control, bool) {
	for _, c := range e.controls {
		if c.Package == pkg || c.Package == "resilcheck.controls."+pkg {
			return c.Control, true
		}
	}
	return audit.Control{}, false
}
