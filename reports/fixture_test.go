package reports

import "github.com/resilcheck/resilcheck/internal/audit"

// lawBCDA and the other citations are shared by several fixture controls, as they are in the
// real bundle.
var (
	lawBCDA = audit.Citation{Law: "Framework Act on Broadcasting and Communications Development", LawKo: "방송통신발전 기본법", URL: "https://www.law.go.kr/법령/방송통신발전기본법"}
	lawTBA  = audit.Citation{Law: "Telecommunications Business Act", LawKo: "전기통신사업법", URL: "https://www.law.go.kr/법령/전기통신사업법"}
	lawNet  = audit.Citation{Law: "Act on Promotion of Information and Communications Network Utilization and Information Protection", LawKo: "정보통신망 이용촉진 및 정보보호 등에 관한 법률", URL: "https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률"}
)

func cite(base audit.Citation, article, decree, inForce, text string) audit.Citation {
	base.Article, base.Decree, base.InForce, base.Text = article, decree, inForce, text
	return base
}

// withKo adds the Korean citation line. Some fixture controls keep none, so Korean reports
// also show the fallback to the English line.
func withKo(c audit.Citation, textKo string) audit.Citation {
	c.TextKo = textKo
	return c
}

// fixtureReport is a realistic run over three manifests: a major value-added provider with
// a Pangyo-style single point of failure, a datacenter operator, and a file that does not
// load. It exercises every status, severity, waivers, control errors, input problems,
// positions, evidence of several types, scopes, site loss and Korean texts.
func fixtureReport() *audit.Report {
	controls := []audit.Control{
		{
			ID: "KR-BCDA-35-REDUNDANCY", Package: "resilcheck.controls.dm_redundancy", Regulation: "BCDA",
			Title:       audit.Text{En: "Every service survives the loss of any one datacenter", Ko: "모든 서비스가 데이터센터 1곳 손실 시에도 유지됨"},
			Description: audit.Text{En: "The disaster-management plan must distribute and multiplex servers, storage, network and power.", Ko: "재난관리계획은 서버·저장장치·네트워크·전력공급장치의 분산 및 다중화를 포함하여야 한다."},
			Severity:    audit.SeverityCritical, Kind: audit.KindLaw,
			Citation:         withKo(cite(lawBCDA, "Art. 35(2)3", "", "2023-07-04", "BCDA Art. 35(2)3 (a)-(d)"), "방송통신발전 기본법 제35조제2항제3호 가목부터 라목까지"),
			Remediation:      audit.Text{En: "Run every service and its dependencies active in at least two datacenters, or keep a warm standby whose failover does not depend on the lost site.", Ko: "모든 서비스와 그 의존 서비스를 2곳 이상의 데이터센터에서 운영하거나, 손실된 사이트에 의존하지 않는 웜 스탠바이를 두십시오."},
			RelatedResources: []string{"https://www.law.go.kr/법령/방송통신발전기본법"}, Frameworks: []string{"KR-BCDA"},
		},
		{
			ID: "KR-BCDA-36-PLAN", Package: "resilcheck.controls.dm_plan", Regulation: "BCDA",
			Title:       audit.Text{En: "Disaster-management plan submitted by 30 September", Ko: "방송통신재난관리계획 9월 30일까지 제출"},
			Description: audit.Text{En: "Next year's plan reaches the Minister by 30 September.", Ko: "다음 연도 계획을 9월 30일까지 장관에게 제출한다."},
			Severity:    audit.SeverityMedium, Kind: audit.KindLaw,
			Citation:         withKo(cite(lawBCDA, "Art. 36(2)", "Enforcement Decree Art. 24", "2023-07-04", "BCDA Art. 36(2); Decree Art. 24"), "방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조"),
			Remediation:      audit.Text{En: "Submit the plan and record the date under governance.plan.submitted.", Ko: "계획을 제출하고 governance.plan.submitted에 제출일을 기록하십시오."},
			RelatedResources: []string{"https://www.law.go.kr/법령/방송통신발전기본법"},
		},
		{
			ID: "KR-BCDA-38-REPORT", Package: "resilcheck.controls.dm_report", Regulation: "BCDA",
			Title:       audit.Text{En: "Disasters reported to the ministry without delay", Ko: "재난 발생 시 지체 없이 보고"},
			Description: audit.Text{En: "Status, cause, emergency actions and recovery plan are reported without delay.", Ko: "재난 현황, 원인, 응급조치 및 복구계획을 지체 없이 보고한다."},
			Severity:    audit.SeverityHigh, Kind: audit.KindLaw,
			Citation:    withKo(cite(lawBCDA, "Art. 38(1)", "Enforcement Decree Art. 27", "2023-07-04", "BCDA Art. 38(1); Decree Art. 27"), "방송통신발전 기본법 제38조제1항; 같은 법 시행령 제27조"),
			Remediation: audit.Text{En: "Report each disaster within the configured bound and log the report time.", Ko: "재난마다 설정된 기한 내에 보고하고 보고 시각을 기록하십시오."},
		},
		{
			ID: "KR-BCDA-39-2-OFFICER", Package: "resilcheck.controls.dm_officer", Regulation: "BCDA",
			Title:       audit.Text{En: "Disaster-management officer appointed and notified", Ko: "재난관리책임자 지정 및 통보"},
			Description: audit.Text{En: "An officer is appointed and the ministry notified in writing within 30 days.", Ko: "재난관리책임자를 지정하고 30일 이내에 서면으로 통보한다."},
			Severity:    audit.SeverityMedium, Kind: audit.KindLaw,
			Citation:    cite(lawBCDA, "Art. 39-2(1)", "Enforcement Decree Art. 27-2(1)-(2)", "2023-07-04", "BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)"),
			Remediation: audit.Text{En: "Appoint an officer and notify the ministry within 30 days.", Ko: "재난관리책임자를 지정하고 30일 이내에 통보하십시오."},
		},
		{
			ID: "KR-MSIT-OPS-TOOLING", Package: "resilcheck.controls.ops_tooling", Regulation: "MSIT order",
			Title:       audit.Text{En: "Failover tooling is multiplexed across datacenters", Ko: "장애 전환 운영도구의 데이터센터 간 다중화"},
			Description: audit.Text{En: "The tools that perform failover must not live only in the site they fail over from.", Ko: "장애 전환을 수행하는 도구가 전환 대상 사이트에만 있어서는 안 된다."},
			Severity:    audit.SeverityCritical, Kind: audit.KindGuidance,
			Citation:    audit.Citation{Law: "MSIT corrective order", LawKo: "과학기술정보통신부 시정 요구", Article: "2022-12-06 order", Source: "MSIT joint investigation, 2022-12-06", Text: "MSIT order 2022-12-06 (ops tooling)", Guidance: true},
			Remediation: audit.Text{En: "Deploy the operations and failover tooling in at least two datacenters & rehearse failover <without> the primary site.", Ko: "운영·전환 도구를 2곳 이상의 데이터센터에 배치하고 주 사이트 없이 전환을 훈련하십시오."},
		},
		{
			ID: "KR-NET-46-PROTECT", Package: "resilcheck.controls.dc_protect", Regulation: "Network Act",
			Title:       audit.Text{En: "Datacenter protective measures", Ko: "집적정보통신시설 보호조치"},
			Description: audit.Text{En: "Battery rooms separated from UPS, zone power cut-off, redundant feeds.", Ko: "배터리실 분리, 구역별 전원 차단, 이중 전원 인입."},
			Severity:    audit.SeverityHigh, Kind: audit.KindLaw,
			Citation:    withKo(cite(lawNet, "Art. 46(1)", "Enforcement Decree Art. 37(1)", "2023-07-04", "Network Act Art. 46(1); Decree Art. 37(1)"), "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제1항"),
			Remediation: audit.Text{En: "Separate lithium-ion batteries from UPS rooms and enable zone-by-zone power cut-off.", Ko: "리튬이온 배터리를 UPS실과 분리하고 구역별 전원 차단을 가능하게 하십시오."},
		},
		{
			ID: "KR-NET-46-REPORT", Package: "resilcheck.controls.dc_report", Regulation: "Network Act",
			Title:       audit.Text{En: "Datacenter outages of 30 minutes or more reported", Ko: "30분 이상 장애 보고"},
			Description: audit.Text{En: "Interruptions of 30 minutes or more are reported in writing without delay.", Ko: "30분 이상 중단 시 지체 없이 서면 보고한다."},
			Severity:    audit.SeverityHigh, Kind: audit.KindLaw,
			Citation:    cite(lawNet, "Art. 46(6)-(7)", "Enforcement Decree Art. 40-41", "2023-07-04", "Network Act Art. 46(6)-(7); Decree Art. 40-41"),
			Remediation: audit.Text{En: "File the written report and record it under incidents[].reports.", Ko: "서면 보고 후 incidents[].reports에 기록하십시오."},
		},
		{
			ID: "KR-TBA-22-7-REPORT", Package: "resilcheck.controls.ss_report", Regulation: "TBA",
			Title:       audit.Text{En: "Service-stability report filed by end of January", Ko: "서비스 안정성 이행현황 1월 말까지 제출"},
			Description: audit.Text{En: "Implementation status and plan reach the ministry by 31 January.", Ko: "이행현황과 계획을 1월 31일까지 제출한다."},
			Severity:    audit.SeverityMedium, Kind: audit.KindLaw,
			Citation:    cite(lawTBA, "Art. 22-7(3)", "Enforcement Decree Art. 30-8", "2023-07-04", "TBA Art. 22-7(3); Decree Art. 30-8"),
			Remediation: audit.Text{En: "File the yearly report and record the date.", Ko: "연간 보고서를 제출하고 제출일을 기록하십시오."},
		},
		{
			ID: "KR-TBA-33-NOTICE", Package: "resilcheck.controls.un_notice", Regulation: "TBA",
			Title:       audit.Text{En: "Users told of outages longer than 2 hours", Ko: "2시간 초과 장애 이용자 고지"},
			Description: audit.Text{En: "Users are told the fact, cause, response and a contact point without delay.", Ko: "이용자에게 장애 사실, 원인, 대응 현황, 연락처를 지체 없이 알린다."},
			Severity:    audit.SeverityHigh, Kind: audit.KindLaw,
			Citation:    withKo(cite(lawTBA, "Art. 33(2)", "Enforcement Decree Art. 37-21(1)", "2026-04-28", "TBA Art. 33(2); Decree Art. 37-21(1)"), "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항"),
			Remediation: audit.Text{En: "Notify users through at least one channel and keep the notice on record.", Ko: "하나 이상의 수단으로 이용자에게 알리고 고지 내역을 보관하십시오."},
		},
		{
			ID: "RES-DRILL-12M", Package: "resilcheck.controls.drill", Regulation: "Practice",
			Title:       audit.Text{En: "Site-loss failover drill in the last 12 months", Ko: "최근 12개월 내 사이트 손실 전환 훈련"},
			Description: audit.Text{En: "A drill whose achieved RTO met the target.", Ko: "목표 RTO를 달성한 전환 훈련."},
			Severity:    audit.SeverityLow, Kind: audit.KindGuidance,
			Citation:    audit.Citation{Law: "Resilience practice", LawKo: "복원력 실무 권고", Article: "drills", Source: "resilcheck guidance", Text: "Guidance: site-loss drill every 12 months", Guidance: true},
			Remediation: audit.Text{En: "Run a full site-loss drill and record the achieved RTO.", Ko: "사이트 손실 훈련을 실시하고 달성 RTO를 기록하십시오."},
		},
	}

	kakao := audit.Manifest{
		Name: "kakao", File: "testdata/manifests/kakao.yaml", Provider: "Kakao Corp.", Source: "disclosure 2026",
		Scopes: []audit.Scope{
			{ID: "SCOPE-MAJOR-VAS", Applies: true, Title: audit.Text{En: "Major value-added provider", Ko: "주요방송통신사업자(부가통신)"}, Basis: "BCDA Art. 35(1)4; Decree Art. 23(2)",
				Evidence: map[string]any{"daily_users": 46000000, "users_threshold": 10000000, "traffic_share_pct": 2.9, "traffic_threshold_pct": 2}},
			{ID: "SCOPE-MAJOR-IDC", Applies: false, Title: audit.Text{En: "Major datacenter operator", Ko: "주요 집적정보통신시설 사업자"}, Basis: "BCDA Art. 35(1)5; Decree Art. 23(3)",
				Evidence: map[string]any{"operates_datacenter": false}},
		},
		SiteLoss: &audit.SiteLoss{
			Failures: []audit.FailureOutcome{
				{
					Domain: audit.FailureDomain{Kind: "datacenter", ID: "pangyo", Datacenters: []string{"pangyo"}},
					Broken: []audit.ServiceImpact{
						{Service: "kakao-login", Reason: "standby-unreachable", Detail: "standby in ansan needs ops-console, which runs only in pangyo", Via: "ops-console"},
						{Service: "ops-console", Reason: "no-surviving-deployment", Detail: "every deployment is in the lost datacenter(s) pangyo", Cause: "only active in pangyo"},
					},
					Lost:      3,
					Surviving: 2,
				},
				{
					Domain:    audit.FailureDomain{Kind: "datacenter", ID: "ansan", Datacenters: []string{"ansan"}},
					Surviving: 5,
					Notes:     []audit.ServiceNote{{Service: "kakao-login", Note: "survives by failover to pangyo (RTO 30m, declared failover 10m)"}},
				},
			},
			Dependents: []audit.DependencyLink{
				{Service: "kakaotalk", Via: "kakao-login", LostWith: []string{"datacenter pangyo"}},
			},
			Cycles: [][]string{{"kakao-login", "ops-console", "kakao-login"}},
		},
	}
	idc := audit.Manifest{
		Name: "pangyo-idc", File: "testdata/manifests/sk-cc-pangyo.yaml", Provider: "SK C&C", Source: "inspection 2026-03",
		Scopes: []audit.Scope{
			{ID: "SCOPE-MAJOR-IDC", Applies: true, Title: audit.Text{En: "Major datacenter operator", Ko: "주요 집적정보통신시설 사업자"}, Basis: "BCDA Art. 35(1)5; Decree Art. 23(3)",
				Evidence: map[string]any{"server_room_m2": 30000, "power_mw": 80, "revenue_krw": 2400000000000}},
			{ID: "SCOPE-IDC-PROTECT", Applies: true, Title: audit.Text{En: "Datacenter protective measures", Ko: "집적정보통신시설 보호조치 대상"}, Basis: "Network Act Art. 46(1); Decree Art. 37(1)",
				Evidence: map[string]any{"colocation": true, "server_room_m2": 30000}},
		},
	}
	broken := audit.Manifest{
		Name: "testdata/manifests/broken.yaml", File: "testdata/manifests/broken.yaml",
		Problems: []audit.Problem{
			{Position: audit.Position{File: "testdata/manifests/broken.yaml", Line: 7, Column: 3}, Message: "yaml: line 7: mapping values are not allowed in this context"},
			{Position: audit.Position{File: "testdata/manifests/broken.yaml", Line: 12, Column: 9}, Pointer: "/services/0/rto", Message: "services.0.rto: Invalid type. Expected: string, given: integer"},
		},
	}

	results := []audit.Result{
		// kakao
		{Manifest: "kakao", Control: "KR-BCDA-35-REDUNDANCY", Status: audit.StatusFail, Violations: []audit.Violation{
			{Message: `service "kakaotalk" does not survive the loss of datacenter "pangyo" (dependency kakao-login is lost)`, MessageKo: `데이터센터 "pangyo" 손실 시 서비스 "kakaotalk"이(가) 유지되지 않습니다(의존 서비스 kakao-login 손실).`,
				Pointer: "/services/0", Position: audit.Position{File: "testdata/manifests/kakao.yaml", Line: 24, Column: 5},
				Evidence: map[string]any{"lost_datacenter": "pangyo", "chain": []any{"kakaotalk", "kakao-login", "only active in pangyo"}, "reason": "dependency-lost"}},
			{Message: `service "kakao-login" does not survive the loss of datacenter "pangyo" (standby unreachable)`, MessageKo: `데이터센터 "pangyo" 손실 시 서비스 "kakao-login"이(가) 유지되지 않습니다(대기 시스템 접근 불가).`,
				Pointer: "/services/1/deployments", Position: audit.Position{File: "testdata/manifests/kakao.yaml", Line: 41, Column: 7},
				Evidence: map[string]any{"lost_datacenter": "pangyo", "reason": "standby-unreachable", "standby": "ansan"}},
		}},
		{Manifest: "kakao", Control: "KR-MSIT-OPS-TOOLING", Status: audit.StatusFail, Violations: []audit.Violation{
			{Message: `failover tool "ops-console" runs only in "pangyo" & guards <kakao-login>`, MessageKo: `장애 전환 도구 "ops-console"이(가) "pangyo"에서만 운영됩니다.`,
				Pointer: "/tooling/0/datacenters", Position: audit.Position{File: "testdata/manifests/kakao.yaml", Line: 63, Column: 9},
				Evidence: map[string]any{"tool": "ops-console", "datacenters": []any{"pangyo"}, "min_sites": 2}},
		}},
		{Manifest: "kakao", Control: "KR-BCDA-36-PLAN", Status: audit.StatusWaived, Violations: []audit.Violation{
			{Message: "the 2027 disaster-management plan was submitted 2026-10-14, 14 days after 30 September", MessageKo: "2027년 재난관리계획이 9월 30일보다 14일 늦은 2026-10-14에 제출되었습니다.",
				Pointer: "/governance/plan/submitted", Position: audit.Position{File: "testdata/manifests/kakao.yaml", Line: 9, Column: 16},
				Evidence: map[string]any{"submitted": "2026-10-14", "deadline": "2026-09-30", "days_late": 14}},
		}, Waiver: &audit.Waiver{Control: "KR-BCDA-36-PLAN", Manifest: "kakao", Reason: "Extension granted by MSIT letter 2026-09-12", ApprovedBy: "ciso@example.com", Expires: "2026-12-31"}},
		{Manifest: "kakao", Control: "KR-BCDA-39-2-OFFICER", Status: audit.StatusPass},
		{Manifest: "kakao", Control: "KR-BCDA-38-REPORT", Status: audit.StatusPass},
		{Manifest: "kakao", Control: "KR-TBA-22-7-REPORT", Status: audit.StatusPass},
		{Manifest: "kakao", Control: "KR-TBA-33-NOTICE", Status: audit.StatusError, Reason: "eval_conflict_error: functions must not produce multiple outputs for same inputs"},
		{Manifest: "kakao", Control: "RES-DRILL-12M", Status: audit.StatusFail, Violations: []audit.Violation{
			{Message: "the last site-loss drill was 2025-03-02, 630 days before the audit (limit 365)", MessageKo: "마지막 사이트 손실 훈련이 2025-03-02로 점검일 기준 630일 전입니다(한도 365일).",
				Pointer: "/drills/0/date", Position: audit.Position{File: "testdata/manifests/kakao.yaml", Line: 88, Column: 11},
				Evidence: map[string]any{"last_drill": "2025-03-02", "age_days": 630, "max_days": 365}},
		}},
		{Manifest: "kakao", Control: "KR-NET-46-PROTECT", Status: audit.StatusNotApplicable, Reason: "does not operate a datacenter (SCOPE-IDC-PROTECT)"},
		{Manifest: "kakao", Control: "KR-NET-46-REPORT", Status: audit.StatusNotApplicable, Reason: "does not operate a datacenter (SCOPE-IDC-PROTECT)"},
		// pangyo-idc
		{Manifest: "pangyo-idc", Control: "KR-NET-46-PROTECT", Status: audit.StatusFail, Violations: []audit.Violation{
			{Message: "battery room B3 shares a fire compartment with UPS units (8.4 MWh, limit 5 MWh)", MessageKo: "배터리실 B3이 UPS와 같은 방화구획에 있습니다(8.4 MWh, 한도 5 MWh).",
				Pointer: "/facilities/0/battery_rooms/0", Position: audit.Position{File: "testdata/manifests/sk-cc-pangyo.yaml", Line: 31, Column: 9},
				Evidence: map[string]any{"room": "B3", "energy_mwh": 8.4, "limit_mwh": 5, "separated_from_ups": false}},
			{Message: "power cannot be cut zone by zone", MessageKo: "구역별 전원 차단이 불가능합니다.",
				Pointer: "/facilities/0/power/zone_cutoff", Position: audit.Position{File: "testdata/manifests/sk-cc-pangyo.yaml", Line: 40, Column: 7},
				Evidence: map[string]any{"zone_cutoff": false}},
		}},
		{Manifest: "pangyo-idc", Control: "KR-NET-46-REPORT", Status: audit.StatusPass},
		{Manifest: "pangyo-idc", Control: "KR-BCDA-39-2-OFFICER", Status: audit.StatusPass},
		{Manifest: "pangyo-idc", Control: "KR-BCDA-36-PLAN", Status: audit.StatusPass},
		{Manifest: "pangyo-idc", Control: "KR-BCDA-38-REPORT", Status: audit.StatusPass},
		{Manifest: "pangyo-idc", Control: "KR-BCDA-35-REDUNDANCY", Status: audit.StatusNotApplicable, Reason: "declares no services"},
		{Manifest: "pangyo-idc", Control: "KR-MSIT-OPS-TOOLING", Status: audit.StatusNotApplicable, Reason: "declares no failover tooling"},
		{Manifest: "pangyo-idc", Control: "KR-TBA-22-7-REPORT", Status: audit.StatusNotApplicable, Reason: "not a value-added provider (SCOPE-STABILITY)"},
		{Manifest: "pangyo-idc", Control: "KR-TBA-33-NOTICE", Status: audit.StatusNotApplicable, Reason: "no incidents declared"},
		{Manifest: "pangyo-idc", Control: "RES-DRILL-12M", Status: audit.StatusNotApplicable, Reason: "declares no services"},
	}

	r := &audit.Report{
		Tool:    audit.Tool{Name: "resilcheck", Version: "v0.9.0", OPAVersion: "1.22.2", GoVersion: "go1.26.8"},
		AsOf:    "2026-11-22",
		Command: []string{"resilcheck", "check", "--fail-on", "high", "--report", "sarif=out/resilcheck.sarif", "testdata/manifests"},
		Bundle:  audit.Bundle{Digest: "sha256:4f2a9c0d6e1b7a3f5c8d2e9b0a1c4d7e6f3b2a1908c7d6e5f4a3b2c1d0e9f8a7"},
		Inputs: []audit.Input{
			{Path: "testdata/manifests/broken.yaml", SHA256: "0d5e3c1b9a8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d"},
			{Path: "testdata/manifests/kakao.yaml", SHA256: "9b1f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5"},
			{Path: "testdata/manifests/sk-cc-pangyo.yaml", SHA256: "5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b"},
		},
		Manifests: []audit.Manifest{kakao, idc, broken},
		Results:   results,
		Controls:  controls,
		ExitCode:  1,
	}
	// As the engine does, a manifest that could not be judged gets an error verdict from
	// every control.
	for _, c := range controls {
		r.Results = append(r.Results, audit.Result{Manifest: broken.Name, Control: c.ID, Status: audit.StatusError, Reason: "invalid manifest: 2 problems"})
	}
	for _, res := range r.Results {
		r.Summary.Add(res.Status)
	}
	return r
}
